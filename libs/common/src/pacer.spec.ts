import { performance } from 'node:perf_hooks';
import { Pacer } from './pacer';

const busy = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
};

describe('Pacer', () => {
  it('says a slice is due only once it has run its length', () => {
    const pacer = new Pacer(0.5, 5);
    expect(pacer.due()).toBe(false);
    busy(6);
    expect(pacer.due()).toBe(true);
  });

  it('rests long enough that the work keeps to its share, and starts a new slice after', async () => {
    const pacer = new Pacer(0.25, 4);
    busy(4);
    const started = performance.now();
    await pacer.pause();
    // 4 ms of work at a 25 % share: at least 12 ms handed back (timers never fire early).
    expect(performance.now() - started).toBeGreaterThanOrEqual(11.5);
    expect(pacer.due()).toBe(false);
  });

  it('lets other callbacks run during a pause even at a full share', async () => {
    const pacer = new Pacer(1, 1);
    let ran = false;
    setImmediate(() => (ran = true));
    busy(1);
    await pacer.pause();
    expect(ran).toBe(true);
  });

  it('refuses a share outside (0, 1]', () => {
    expect(() => new Pacer(0)).toThrow(RangeError);
    expect(() => new Pacer(1.5)).toThrow(RangeError);
  });
});
