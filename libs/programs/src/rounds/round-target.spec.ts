import { infeasibleTarget, minimumCount, roundTarget } from './round-target';

describe('minimumCount: a share of the pairs as a minimum count', () => {
  it.each([
    [0.5, 10, 5],
    [0.3, 10, 3], // 0.3 × 10 is 3.0000000000000004 in floating point: still 3
    [0.31, 10, 4],
    [0.4, 5, 2],
    [1 / 3, 9, 3],
    [0, 7, 0],
    [1, 0, 0],
    [1, 13, 13],
    [0.538, 13, 7],
  ])('%p of %p pairs → at least %p', (share, pairs, count) => {
    expect(minimumCount(share, pairs)).toBe(count);
  });
});

describe('roundTarget', () => {
  const groups = { womenLed: Uint8Array.of(1, 0, 1), nonMetropolitan: Uint8Array.of(0, 1, 1) };

  it.each([
    {
      name: 'no target',
      shares: { minWomenLedShare: null, minNonMetropolitanShare: null },
      expected: { womenLed: null, nonMetropolitan: null },
    },
    {
      name: 'women-led only',
      shares: { minWomenLedShare: 0.5, minNonMetropolitanShare: null },
      expected: {
        womenLed: 3,
        nonMetropolitan: null,
        minimum: { group: groups.womenLed, count: 3, name: 'minWomenLedShare', share: 0.5 },
      },
    },
    {
      name: 'non-metropolitan only',
      shares: { minWomenLedShare: null, minNonMetropolitanShare: 0.2 },
      expected: {
        womenLed: null,
        nonMetropolitan: 2,
        minimum: { group: groups.nonMetropolitan, count: 2, name: 'minNonMetropolitanShare', share: 0.2 },
      },
    },
    {
      name: 'both: women-led first',
      shares: { minWomenLedShare: 0.1, minNonMetropolitanShare: 0.6 },
      expected: {
        womenLed: 1,
        nonMetropolitan: 4,
        both: [
          { group: groups.womenLed, count: 1 },
          { group: groups.nonMetropolitan, count: 4 },
        ],
      },
    },
  ])('$name (of 6 free pairs)', ({ shares, expected }) => {
    expect(roundTarget(shares, groups, 6)).toEqual(expected);
  });
});

describe('infeasibleTarget', () => {
  it('names the target and the highest share reachable, with the counts it comes from', () => {
    const error = infeasibleTarget('minWomenLedShare', 1, 7, 13);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe(
      'minWomenLedShare 1 cannot be met: the highest share reachable is 0.538 (7 of the 13 pairs)',
    );
    expect(error.details).toEqual({ target: 'minWomenLedShare', reachableShare: 7 / 13 });
  });

  it('says when the second target fails alongside the first, and copes with no pairs', () => {
    expect(infeasibleTarget('minNonMetropolitanShare', 0.66666, 0, 0, true).message).toBe(
      'minNonMetropolitanShare 0.667 cannot be met together with minWomenLedShare: ' +
        'the highest share reachable is 0.000 (0 of the 0 pairs)',
    );
  });
});
