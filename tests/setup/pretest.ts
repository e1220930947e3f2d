/**
 * `npm test`'s pretest (npm runs it first): whatever of the suite's set-up this machine allows,
 * then a check of all of it before the first tier, so that a missing piece stops the run in
 * seconds with what to do, not after minutes of lint and unit tests.
 * - PostgreSQL and Redis installed locally but stopped are started (the addresses tests use:
 *   DATABASE_URL / REDIS_URL, else the default local ports).
 * - Debian's Chromium is installed (apt-get) where that is allowed: as root or with passwordless
 *   sudo, and unless CHROMIUM_PATH names another browser.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// ts-node runs this without tsconfig paths, hence the relative path.
// eslint-disable-next-line no-restricted-imports
import { reachable, testAdminDatabaseUrl, testRedisUrl } from '../../libs/testing/src/services';
import { chromiumPath } from '../browser/chromium-path';
import { missingChromium } from './require-browser';
import { missingServices } from './require-services';

const say = (line: string): void => void process.stdout.write(`pretest: ${line}\n`);

const isLocal = (url: URL): boolean => ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(url.hostname);

const onPath = (command: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** The prefix that runs a command as root: none for root, `sudo -n` where allowed, else null. */
function asRoot(): string[] | null {
  if (process.getuid?.() === 0) return [];
  return onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
    ? ['sudo', '-n']
    : null;
}

function run(command: string[], options: SpawnSyncOptions = {}): boolean {
  const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', ...options });
  return result.status === 0;
}

async function waitFor(url: string, defaultPort: number, seconds = 30): Promise<boolean> {
  for (let i = 0; i < seconds * 2; i++) {
    if (await reachable(url, defaultPort, 500)) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/** The newest local cluster (Debian's postgresql-common), when it listens where tests look. */
async function startPostgres(): Promise<void> {
  const url = new URL(testAdminDatabaseUrl());
  if (!isLocal(url) || (url.port && url.port !== '5432')) return;
  if (await reachable(url.href, 5432)) return;
  if (!onPath('pg_ctlcluster') || !existsSync('/etc/postgresql')) return;
  const versions = readdirSync('/etc/postgresql').sort((a, b) => Number(a) - Number(b));
  const version = versions.at(-1);
  if (!version) return;
  say(`starting PostgreSQL ${version} (pg_ctlcluster ${version} main start)`);
  // As the cluster's owner pg_ctlcluster needs no root; otherwise root it is, where allowed.
  const root = asRoot() ?? [];
  run([...root, 'pg_ctlcluster', '--skip-systemctl-redirect', version, 'main', 'start']);
  await waitFor(url.href, 5432);
}

/** A Redis for tests only: nothing saved, logs in the temporary folder. */
async function startRedis(): Promise<void> {
  const url = new URL(testRedisUrl());
  if (!isLocal(url) || (await reachable(url.href, 6379))) return;
  if (!onPath('redis-server')) return;
  const port = url.port || '6379';
  say(`starting Redis on port ${port}`);
  run([
    'redis-server',
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '-::1',
    '--port',
    port,
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    tmpdir(),
    '--logfile',
    join(tmpdir(), `mentorlink-redis-${port}.log`),
  ]);
  await waitFor(url.href, 6379);
}

function installChromium(): void {
  if (process.env.CHROMIUM_PATH || existsSync(chromiumPath()) || !onPath('apt-get')) return;
  const root = asRoot();
  if (!root) return;
  say("installing Chromium from Debian's packages (apt-get install chromium)");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!run([...root, 'apt-get', 'update', '-qq'], { env })) return;
  run([...root, 'apt-get', 'install', '-y', '-qq', 'chromium'], { env });
}

async function main(): Promise<number> {
  await Promise.all([startPostgres(), startRedis()]);
  installChromium();
  const missing = [...(await missingServices()), ...missingChromium()];
  if (missing.length > 0) {
    process.stderr.write(`npm test needs:\n  - ${missing.join('\n  - ')}\n`);
    return 1;
  }
  say(
    `Node ${process.version}; PostgreSQL at ${new URL(testAdminDatabaseUrl()).host}, ` +
      `Redis at ${new URL(testRedisUrl()).host}, Chromium at ${chromiumPath()}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`pretest: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
