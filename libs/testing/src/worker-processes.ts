import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** A worker process (apps/worker) started from source for a fault test, with its output kept. */
export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  output(): string;
}

/** Starts `apps/worker/src/main.ts` under ts-node with `env` over this process's environment. */
export function spawnWorker(name: string, env: Record<string, string>): WorkerProcess {
  return spawnFromSource(name, 'apps/worker/src/main.ts', [], env);
}

/** Starts an entry point (`apps/api/src/main.ts`, `apps/cli/src/main.ts`) with `args` under ts-node. */
export function spawnFromSource(
  name: string,
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry, ...args],
    {
      cwd: ROOT,
      env: {
        ...(process.env as Record<string, string>),
        ...env,
        NODE_OPTIONS: '',
        TS_NODE_PROJECT: 'tsconfig.json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { name, child, output: () => output };
}

/** Polls `condition`; on timeout, fails with the workers' output to show what they did. */
export async function waitForWorkers(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  workers: readonly WorkerProcess[],
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out waiting for ${what}\n${workers.map((w) => `${w.name}:\n${w.output()}`).join('\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
