import type { JobStatus, QueueDriver, QueueName } from '@app/queue';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise with its resolve handle, to hold a job open until the test lets it go. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Polls a job until it reaches one of the states, failing after the timeout. */
export async function waitForJobState(
  driver: QueueDriver,
  queue: QueueName,
  id: string,
  states: JobStatus['state'][],
  timeoutMs = 5000,
): Promise<JobStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await driver.status(queue, id);
    if (status && states.includes(status.state)) return status;
    if (Date.now() > deadline)
      throw new Error(`Job ${id} still ${status?.state ?? 'unknown'} after ${timeoutMs} ms`);
    await sleep(5);
  }
}
