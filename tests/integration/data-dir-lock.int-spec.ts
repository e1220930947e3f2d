import { cpSync, existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { EmbeddedDatabaseOpenError, LOCK_FILE, openEmbeddedDatabase } from '@app/database';
import { GraphQLClient } from '@app/testing';
import { spawnFromSource, waitForWorkers, type WorkerProcess } from '@app/testing/worker-processes';

/**
 * One writer per embedded data folder, with real processes started from source: a second API
 * or a CLI command on the same DATA_DIR is refused, and a start after kill -9 takes over.
 */
describe('embedded data folder lock', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mentorlink-lock-'));
  const started: WorkerProcess[] = [];
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    REDIS_URL: '',
    DEMO_DATA: 'false',
    NODE_ENV: 'test',
    LOG_FORMAT: 'text',
  };
  // Started from source under ts-node on a busy machine: each start takes seconds.
  const START_MS = 120_000;

  const cleanup = [dataDir];
  afterAll(() => {
    for (const p of started)
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
  });

  const freePort = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });

  const healthy = async (port: number): Promise<boolean> =>
    fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );

  const ended = (p: WorkerProcess): boolean => p.child.exitCode !== null || p.child.signalCode !== null;
  const exited = (p: WorkerProcess): Promise<number | null> =>
    ended(p)
      ? Promise.resolve(p.child.exitCode)
      : new Promise((r) => p.child.once('exit', (code) => r(code)));
  const text = (p: WorkerProcess): string => p.output().replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

  const startApi = async (name: string): Promise<{ process: WorkerProcess; client: GraphQLClient }> => {
    const port = await freePort();
    const api = spawnFromSource(name, 'apps/api/src/main.ts', [], { ...env, PORT: String(port) });
    started.push(api);
    await waitForWorkers(
      `${name} to serve`,
      async () => {
        if (ended(api)) throw new Error(`${name} exited (${api.child.exitCode}):\n${text(api)}`);
        return healthy(port);
      },
      START_MS,
      [api],
    );
    return { process: api, client: new GraphQLClient(`http://127.0.0.1:${port}`) };
  };

  /** A second process on the folder: it must exit, not serve. */
  const expectRefused = async (p: WorkerProcess, port: number | undefined, holder: WorkerProcess) => {
    await waitForWorkers(
      `${p.name} to exit`,
      async () => {
        if (port !== undefined && (await healthy(port)))
          throw new Error(`${p.name} started and serves on the same DATA_DIR`);
        return ended(p);
      },
      START_MS,
      [p],
    );
    expect(await exited(p)).toBe(1);
    const output = text(p);
    expect(output).toContain(
      `DATA_DIR ${dataDir} is in use by another Mentorlink process (pid ${holder.child.pid}, API`,
    );
    expect(output).toContain(
      `Stop that process (kill ${holder.child.pid}) and start again, or give this one another folder`,
    );
    expect(output).not.toMatch(/^\s+at /m);
  };

  const register = async (client: GraphQLClient, email: string): Promise<void> => {
    await client.data(
      `mutation($e: String!) { register(input: { email: $e, password: "lock-test-1", displayName: "Lock Test", role: MENTOR }) { token } }`,
      { e: email },
    );
  };
  const canLogin = async (client: GraphQLClient, email: string): Promise<boolean> => {
    const res = await client.request(
      `mutation($e: String!) { login(email: $e, password: "lock-test-1") { token } }`,
      {
        e: email,
      },
    );
    return !res.errors && Boolean(res.data?.login?.token);
  };

  let first: { process: WorkerProcess; client: GraphQLClient };
  let seed: WorkerProcess;

  it('refuses a second API on the same DATA_DIR while the first keeps serving and keeps its writes', async () => {
    first = await startApi('first');
    await register(first.client, 'before-second@lock.test');

    const port = await freePort();
    const second = spawnFromSource('second', 'apps/api/src/main.ts', [], { ...env, PORT: String(port) });
    // The next test's seed command starts alongside: each start from source takes seconds.
    seed = spawnFromSource(
      'seed',
      'apps/cli/src/main.ts',
      ['seed', '--organizations', '5', '--mentors', '2'],
      env,
    );
    started.push(second, seed);
    await expectRefused(second, port, first.process);

    await register(first.client, 'after-second@lock.test');
    expect(await canLogin(first.client, 'before-second@lock.test')).toBe(true);
    expect(await canLogin(first.client, 'after-second@lock.test')).toBe(true);
  }, 300_000);

  it('refuses the seed command while the API holds the folder', async () => {
    await expectRefused(seed, undefined, first.process);
    expect(await healthy(Number(new URL(first.client.url).port))).toBe(true);
  }, 300_000);

  it('after kill -9 mid-write, a new start takes over the stale lock and has every acknowledged write', async () => {
    const acknowledged: string[] = [];
    let stop = false;
    const writes = (async () => {
      for (let i = 0; !stop; i++) {
        const email = `during-kill-${i}@lock.test`;
        try {
          await register(first.client, email);
          acknowledged.push(email);
        } catch {
          return; // the process is gone
        }
      }
    })();
    await waitForWorkers('a few writes', () => acknowledged.length >= 3, 60_000, [first.process]);
    first.process.child.kill('SIGKILL');
    await exited(first.process);
    stop = true;
    await writes;
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

    const third = await startApi('third');
    expect(text(third.process)).toContain(
      `Took over the lock of DATA_DIR ${dataDir} from pid ${first.process.child.pid}`,
    );
    for (const email of ['before-second@lock.test', 'after-second@lock.test', ...acknowledged]) {
      expect([email, await canLogin(third.client, email)]).toEqual([email, true]);
    }

    // A clean stop gives the folder up: no lock left, and the next opener needs no takeover.
    third.process.child.kill('SIGTERM');
    await exited(third.process);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 300_000);

  it('stops a start on a folder PGlite cannot open with the folder and the steps, and gives the folder up', async () => {
    // The folder the tests above left, cleanly closed, then damaged: what the red-team pass left
    // behind showed up as PGlite's RuntimeError: Aborted(); a missing control file does the same.
    const copy = mkdtempSync(join(tmpdir(), 'mentorlink-damaged-'));
    cleanup.push(copy);
    const pgliteDir = join(copy, 'pglite');
    cpSync(join(dataDir, 'pglite'), pgliteDir, { recursive: true });
    unlinkSync(join(pgliteDir, 'global', 'pg_control'));
    const config = loadConfig({ DATA_DIR: copy, DATABASE_URL: '', DEMO_DATA: 'false' });

    const failure = await openEmbeddedDatabase(config, { command: 'test', warn: () => undefined }).then(
      () => new Error('opened a damaged database'),
      (err: unknown) => err as Error,
    );
    expect(failure).toBeInstanceOf(EmbeddedDatabaseOpenError);
    expect(failure.message).toContain(
      `The embedded database in ${pgliteDir} cannot be opened (RuntimeError: Aborted())`,
    );
    expect(failure.message).toContain(`mv "${pgliteDir}" "${pgliteDir}.damaged-`);
    expect(failure.message).toContain('put back a copy');
    expect(failure.message).not.toMatch(/wasm|ASSERTIONS/);
    expect(existsSync(join(copy, LOCK_FILE))).toBe(false);
  }, 120_000);
});
