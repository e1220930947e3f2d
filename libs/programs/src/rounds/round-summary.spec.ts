import type { RoundOrganization } from './round-cohort';
import { solveOf, summarizeRound, type RoundSolve, type SummaryPair } from './round-summary';

const org = (id: string, facts: Partial<RoundOrganization> = {}): RoundOrganization => ({
  id,
  places: 1,
  womenLed: false,
  nonMetropolitan: false,
  candidates: 2,
  ...facts,
});
const pair = (organizationId: string, score = 50): SummaryPair => ({ organizationId, score });
const solve = (facts: Partial<RoundSolve> = {}): RoundSolve => ({
  required: { womenLed: null, nonMetropolitan: null },
  optimalTotal: null,
  upperBound: null,
  seconds: 0.25,
  ...facts,
});

/** 13 organisations, the first 7 women-led and the first 4 non-metropolitan, one pair each. */
const thirteen = Array.from({ length: 13 }, (_, i) =>
  org(`o${String(i).padStart(2, '0')}`, { womenLed: i < 7, nonMetropolitan: i < 4 }),
);

describe('summarizeRound', () => {
  it.each([
    {
      name: 'an empty cohort',
      orgs: [],
      pairs: [],
      expected: {
        candidates: 0,
        pairs: 0,
        totalScore: 0,
        organizations: 0,
        unmatched: { noCandidates: 0, noCapacityLeft: 0, notChosen: 0 },
      },
    },
    {
      name: 'each reason an organisation has no pair, counted once',
      orgs: [
        org('full', { places: 0, candidates: 3 }),
        org('full-and-alone', { places: 0, candidates: 0 }),
        org('alone', { candidates: 0 }),
        org('passed-over', { candidates: 4 }),
        org('matched', { candidates: 1 }),
      ],
      pairs: [pair('matched', 70)],
      expected: {
        candidates: 8,
        pairs: 1,
        totalScore: 70,
        organizations: 5,
        unmatched: { noCandidates: 1, noCapacityLeft: 2, notChosen: 1 },
      },
    },
    {
      name: 'a pair removed in review: its organisation joins those passed over',
      orgs: [org('a'), org('b'), org('c')],
      pairs: [pair('a', 60), pair('b', 40)],
      expected: {
        pairs: 2,
        totalScore: 100,
        unmatched: { noCandidates: 0, noCapacityLeft: 0, notChosen: 1 },
      },
    },
    {
      name: 'the same round with one pair fewer',
      orgs: [org('a'), org('b'), org('c')],
      pairs: [pair('a', 60)],
      expected: { pairs: 1, totalScore: 60, unmatched: { noCandidates: 0, noCapacityLeft: 0, notChosen: 2 } },
    },
    {
      name: 'an organisation with two mentors counts both pairs',
      orgs: [org('a', { places: 2, womenLed: true }), org('b')],
      pairs: [pair('a', 30), pair('a', 20)],
      expected: {
        pairs: 2,
        totalScore: 50,
        unmatched: { noCandidates: 0, noCapacityLeft: 0, notChosen: 1 },
        womenLed: { cohortShare: 0.5, matchedShare: 1, required: null },
      },
    },
  ])('$name', ({ orgs, pairs, expected }) => {
    expect(summarizeRound(orgs, pairs, solve())).toMatchObject(expected);
  });

  it('keeps shares exact: 7 of 13 is 7/13, not 0.5385', () => {
    const summary = summarizeRound(
      thirteen,
      thirteen.map((o) => pair(o.id)),
      solve(),
    );
    expect(summary.womenLed.cohortShare).toBe(7 / 13);
    expect(summary.womenLed.matchedShare).toBe(7 / 13);
    expect(summary.nonMetropolitan.cohortShare).toBe(4 / 13);
    expect(summary.nonMetropolitan.matchedShare).toBe(4 / 13);
    // Rounded once, to a tenth of a percent, that reads 53.8 %.
    expect((summary.womenLed.matchedShare * 100).toFixed(1)).toBe('53.8');
  });

  it.each([
    {
      name: 'GREEDY or STABLE: the total as a share of the optimum',
      facts: { optimalTotal: 130 },
      total: 120,
      gapToOptimal: 120 / 130,
      gapToBound: null,
    },
    {
      name: 'an optimum of 0',
      facts: { optimalTotal: 0 },
      total: 0,
      gapToOptimal: 0,
      gapToBound: null,
    },
    { name: 'OPTIMAL without targets', facts: {}, total: 90, gapToOptimal: null, gapToBound: null },
    {
      name: 'OPTIMAL with both targets, proven',
      facts: { upperBound: 90 },
      total: 90,
      gapToOptimal: null,
      gapToBound: 0,
    },
    {
      name: 'OPTIMAL with both targets, after a review lowered the total',
      facts: { upperBound: 100 },
      total: 97,
      gapToOptimal: null,
      gapToBound: 0.03,
    },
  ])('$name', ({ facts, total, gapToOptimal, gapToBound }) => {
    const summary = summarizeRound([org('a')], total ? [pair('a', total)] : [], solve(facts));
    expect(summary.gapToOptimal).toBe(gapToOptimal);
    if (gapToBound === null) expect(summary.gapToBound).toBeNull();
    else expect(summary.gapToBound).toBeCloseTo(gapToBound, 12);
  });

  it('carries what the solve found through every edit', () => {
    const found = solve({
      required: { womenLed: 4, nonMetropolitan: 2 },
      optimalTotal: 500,
      upperBound: null,
      seconds: 1.5,
    });
    const first = summarizeRound(
      thirteen,
      thirteen.map((o) => pair(o.id)),
      found,
    );
    expect(first.womenLed.required).toBe(4);
    expect(first.nonMetropolitan.required).toBe(2);
    expect(first.seconds).toBe(1.5);
    const again = summarizeRound(
      thirteen,
      thirteen.slice(1).map((o) => pair(o.id)),
      solveOf(first),
    );
    expect(again).toMatchObject({
      pairs: 12,
      optimalTotal: 500,
      seconds: 1.5,
      womenLed: { cohortShare: 7 / 13, matchedShare: 6 / 12, required: 4 },
      unmatched: { notChosen: 1 },
    });
  });

  it('counts a pair whose organisation the round does not know in no group', () => {
    const summary = summarizeRound([org('a', { womenLed: true })], [pair('a'), pair('stranger')], solve());
    expect(summary.pairs).toBe(2);
    expect(summary.womenLed.matchedShare).toBe(0.5);
  });
});
