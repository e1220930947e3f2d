import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * The environment of the app under a benchmark: production mode on the scratch database, a
 * fresh secret, no demo data, JSON logs, and the per-client limits lifted (requests, and failed
 * or in-flight logins across accounts), since one load generator on one address stands for many
 * users. `redis` false runs the in-process queue; `throttleWindowSeconds` shortens the
 * throttler's window, which keeps its per-client bookkeeping to what one real client would cost
 * under a long, fast run.
 */
export function benchAppEnv(options: {
  port: number;
  databaseUrl: string;
  redis: boolean;
  queuePrefix: string;
  throttleWindowSeconds?: number;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redis ? process.env.REDIS_URL || 'redis://127.0.0.1:6379' : '',
    QUEUE_PREFIX: `${options.queuePrefix}-${process.pid}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DEMO_DATA: 'false',
    THROTTLE_LIMIT: '100000000',
    LOGIN_CLIENT_MAX_FAILURES: '100000000',
    ...(options.throttleWindowSeconds ? { THROTTLE_TTL_SECONDS: String(options.throttleWindowSeconds) } : {}),
    LOG_FORMAT: 'json',
  };
}

/** Starts a node process and resolves once its output matches `ready`. */
export function startProcess(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (data: Buffer): void => {
      output += data.toString();
      if (ready.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`)),
    );
  });
}

export async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} did not come up`);
}
