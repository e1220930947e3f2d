import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { PasswordHasher } from '@app/accounts';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { createAdminCommand } from '../../apps/cli/src/commands/create-admin.command';

const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run create-admin -- ARGS` from source (ts-node) in a process of its own, `stdin` piped in. */
function createAdminProcess(args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/cli/src/main.ts',
      'create-admin',
      ...args,
    ],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '', TS_NODE_PROJECT: 'tsconfig.json', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

/** The same command in this process (a process start through ts-node takes half a minute here). */
async function createAdmin(
  options: { email: string; name?: string },
  env: Record<string, string>,
  stdin = '',
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await createAdminCommand(options, {
    stdin: Readable.from([stdin]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
  });
  return { code, stdout, stderr };
}

/**
 * A production deployment has no demo data and only admins create admins: the first admin comes
 * from the command line, into PostgreSQL (DATABASE_URL) or the embedded database (DATA_DIR).
 */
describe('npm run create-admin', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mentorlink-create-admin-'));
  let db: TestDatabase;
  let client: Client;
  let env: Record<string, string>;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    env = { DATABASE_URL: db.url, DATA_DIR: dataDir, JWT_SECRET: randomBytes(32).toString('hex') };
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const users = async (email: string) =>
    (
      await client.query<{ id: string; roles: string[]; display_name: string; password_hash: string }>(
        'SELECT id, roles, display_name, password_hash FROM users WHERE email = $1',
        [email],
      )
    ).rows;
  const auditEvents = async () =>
    (
      await client.query<{ actor_id: string | null; action: string; target_id: string; details: any }>(
        `SELECT actor_id, action, target_id, details FROM audit_events WHERE target_type = 'user' ORDER BY id`,
      )
    ).rows;

  it('creates an ADMIN with the piped password and an audit event from the command line', async () => {
    const run = await createAdminProcess(
      ['--email', 'Chief@Example.org', '--name', 'Chief Admin'],
      env,
      'a long passphrase 1\n',
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/Created admin chief@example\.org .* in PostgreSQL/);

    const [user] = await users('chief@example.org');
    expect(user).toMatchObject({ roles: ['ADMIN'], display_name: 'Chief Admin' });
    // The whole line but its break, spaces included.
    expect(await new PasswordHasher().verify(user.password_hash, 'a long passphrase 1')).toBe(true);
    expect(await auditEvents()).toEqual([
      {
        actor_id: null,
        action: 'user.created',
        target_id: user.id,
        details: expect.objectContaining({ roles: ['ADMIN'], source: 'command-line' }),
      },
    ]);
  }, 120_000);

  it('refuses an e-mail that has an account, and a password sign-up would refuse, changing nothing', async () => {
    const taken = await createAdmin({ email: 'chief@example.ORG' }, env, 'another passphrase\n');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/already exists; nothing was changed/);

    const short = await createAdmin({ email: 'second@example.org' }, env, 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 8 characters/);

    const [user] = await users('chief@example.org');
    expect(await new PasswordHasher().verify(user.password_hash, 'a long passphrase 1')).toBe(true);
    expect(await users('second@example.org')).toEqual([]);
    expect(await auditEvents()).toHaveLength(1);
  }, 120_000);

  it('works on the embedded database, with the password from ADMIN_PASSWORD', async () => {
    const run = await createAdmin(
      { email: 'embedded@example.org' },
      {
        DATA_DIR: dataDir,
        JWT_SECRET: env.JWT_SECRET,
        ADMIN_PASSWORD: 'from the environment',
      },
    );
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`in the embedded database (${dataDir})`);
    // Kept in the data folder: a second run finds it.
    const again = await createAdmin(
      { email: 'embedded@example.org' },
      {
        DATA_DIR: dataDir,
        JWT_SECRET: env.JWT_SECRET,
        ADMIN_PASSWORD: 'from the environment',
      },
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  }, 120_000);
});
