import { Agent, request } from 'node:http';
import { percentile } from './stats';

export interface OpenLoopResult {
  sent: number;
  completed: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
}

/**
 * A steady offered load: requests leave on schedule (every 1/rate s) whether or not earlier
 * ones have been answered, as independent users would send them, and each latency runs from
 * its scheduled time — so a stalled server shows up in the percentiles instead of slowing the
 * generator down (no coordinated omission). autocannon's rate limit sends each second's quota
 * in a burst, which measures queueing behind the burst rather than the server.
 */
export async function openLoop(options: {
  url: string;
  headers: Record<string, string>;
  body: () => string;
  rate: number;
  seconds: number;
  /** Stops sending early when this settles (the load then covers just that span). */
  until?: Promise<unknown>;
}): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let failures = 0;
  let sent = 0;
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const start = performance.now();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  const stop = (): void => void (stopped = true);
  void options.until?.then(stop, stop);

  const send = (scheduledAt: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const body = options.body();
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { ...options.headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.once('end', () => {
            latencies.push(performance.now() - scheduledAt);
            if (res.statusCode !== 200) failures++;
            resolve();
          });
        },
      );
      req.once('error', () => {
        failures++;
        resolve();
      });
      req.end(body);
    });

  while (sent < total && !stopped) {
    const now = performance.now();
    // Everything due by now leaves now, each timed from its own slot.
    while (sent < total && start + sent * interval <= now) {
      const p = send(start + sent * interval);
      inFlight.add(p);
      void p.then(() => inFlight.delete(p));
      sent++;
    }
    await new Promise((r) => setTimeout(r, Math.max(0, start + sent * interval - performance.now())));
  }
  const elapsed = (performance.now() - start) / 1000;
  await Promise.all(inFlight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    sent,
    completed: latencies.length,
    rps: latencies.length / Math.min(options.seconds, elapsed),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures,
  };
}
