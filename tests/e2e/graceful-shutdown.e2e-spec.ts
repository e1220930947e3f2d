import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, testRedisUrl, type TestDatabase } from '@app/testing';
import { testMode } from '@app/testing/test-app';

const ROOT = join(__dirname, '..', '..');

/**
 * The real entry point in a child process (`node apps/api/src/main.ts` through ts-node): it
 * starts, serves, and on SIGTERM closes its connections and exits instead of hanging or
 * dying mid-request.
 */
describe(`process lifecycle (${testMode()})`, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mentorlink-shutdown-'));
  let db: TestDatabase | undefined;
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await db?.drop();
  });

  it('serves, then shuts down gracefully on SIGTERM', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_FORMAT: 'json',
      // The test reads the process's log lines.
      LOG_LEVEL: 'log',
      NODE_OPTIONS: '',
    };
    delete env.DATABASE_URL;
    delete env.REDIS_URL;
    if (testMode() === 'services') {
      db = await createTestDatabase();
      env.DATABASE_URL = db.url;
      env.REDIS_URL = testRedisUrl();
      env.QUEUE_PREFIX = `mltest-shutdown-${process.pid}`;
    }
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      { cwd: ROOT, env: { ...env, TS_NODE_PROJECT: 'tsconfig.json' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    try {
      const deadline = Date.now() + 50_000;
      while (!output.includes('Mentorlink is running')) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`API did not start:\n${output}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);

      const signalledAt = Date.now();
      child.kill('SIGTERM');
      const { code, signal } = await exited;
      // Nest closes the app (database, queue, HTTP server), then re-raises the signal.
      expect(code === 0 || signal === 'SIGTERM').toBe(true);
      expect(Date.now() - signalledAt).toBeLessThan(10_000);
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
      // The shutdown hooks ran to the end (an abrupt kill would not get here).
      expect(output).toContain('Stopped after SIGTERM');
      expect(output).not.toMatch(/ERROR|Unhandled|uncaught/i);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
