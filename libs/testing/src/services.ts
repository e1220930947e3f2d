import { Socket } from 'node:net';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** The PostgreSQL server tests create their databases on (an admin connection). */
export const testAdminDatabaseUrl = (): string => process.env.DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
export const testRedisUrl = (): string => process.env.REDIS_URL || DEFAULT_TEST_REDIS_URL;

/** Resolves true when something accepts TCP connections at the URL's host and port. */
export function reachable(url: string, defaultPort: number, timeoutMs = 2000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port) || defaultPort, hostname || '127.0.0.1', () => done(true));
  });
}
