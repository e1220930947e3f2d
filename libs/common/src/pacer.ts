import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

/**
 * Background work on a thread that also answers requests, in slices: the caller asks `due()`
 * as often as it likes (it reads the clock) and, when it says so, awaits `pause()`, which hands
 * the thread back for long enough that the work takes no more than `share` of it. Requests
 * waiting meanwhile then wait at most one slice. In a loop: `if (pacer.due()) await
 * pacer.pause();` (no promise per iteration).
 */
export class Pacer {
  private sliceStart = performance.now();

  /**
   * share: the fraction of the thread's time the work may take (0 < share ≤ 1; 1 only yields a
   * turn between slices). sliceMs: how long one slice runs before it pauses.
   */
  constructor(
    private readonly share: number,
    private readonly sliceMs = 2,
  ) {
    if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1] (got ${share})`);
  }

  due(): boolean {
    return performance.now() - this.sliceStart >= this.sliceMs;
  }

  async pause(): Promise<void> {
    const worked = performance.now() - this.sliceStart;
    const rest = (worked * (1 - this.share)) / this.share;
    if (rest >= 1) await sleep(rest);
    else await nextTurn();
    this.sliceStart = performance.now();
  }
}
