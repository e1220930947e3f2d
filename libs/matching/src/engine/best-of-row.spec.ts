import fc from 'fast-check';
import { bestOfRow } from './best-of-row';

/** The definition: every allowed candidate with a score, by score then index, cut at k. */
const byDefinition = (scores: number[], k: number, allowed?: number[]): number[] =>
  scores
    .map((s, i) => ({ s, i }))
    .filter(({ s, i }) => s >= 0 && (!allowed || allowed[i]))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, k)
    .map(({ i }) => i);

describe('bestOfRow', () => {
  it('picks the best k, ties to the lower index, gated and disallowed candidates never', () => {
    const scores = Int16Array.from([40, -1, 90, 40, 40, 100, 0, 90]);
    expect(bestOfRow(scores, 4)).toEqual([5, 2, 7, 0]);
    expect(bestOfRow(scores, 5)).toEqual([5, 2, 7, 0, 3]);
    expect(bestOfRow(scores, 3, Uint8Array.from([1, 1, 0, 1, 1, 1, 1, 1]))).toEqual([5, 7, 0]);
    expect(bestOfRow(scores, 50)).toEqual([5, 2, 7, 0, 3, 4, 6]);
    expect(bestOfRow(Int16Array.from([-1, -1]), 3)).toEqual([]);
  });

  it('agrees with sorting by definition on any row', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1, max: 100 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 60 }),
        fc.option(fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 200, maxLength: 200 }), {
          nil: undefined,
        }),
        (scores, k, allowed) => {
          const got = bestOfRow(Int16Array.from(scores), k, allowed && Uint8Array.from(allowed));
          expect(got).toEqual(byDefinition(scores, k, allowed));
        },
      ),
    );
  });
});
