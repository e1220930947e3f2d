import { RoundAlgorithm } from '../program.entities';
import type { Cohort } from './round-cohort';
import { solveRound, type RoundSettings } from './round-solve';

/**
 * Organisations A (women-led, metropolitan), B (neither: non-metropolitan), C (women-led,
 * non-metropolitan); mentors X and Y with one place each. Candidates A–X 90, B–X 80, B–Y 70,
 * C–Y 40. The unconstrained optimum is A–X + B–Y = 160.
 */
function cohort(cWomenLed = true): Cohort {
  const womenLed = Uint8Array.of(1, 0, cWomenLed ? 1 : 0);
  const nonMetropolitan = Uint8Array.of(0, 1, 1);
  const arcScore = Int32Array.of(90, 80, 70, 40);
  return {
    problem: {
      orgCount: 3,
      mentorCount: 2,
      orgStart: Int32Array.of(0, 1, 3, 4),
      arcMentor: Int32Array.of(0, 0, 1, 1),
      arcScore,
      orgCapacity: Int32Array.of(1, 1, 1),
      mentorCapacity: Int32Array.of(1, 1),
    },
    orgRank: arcScore,
    mentorRank: arcScore,
    organizations: ['A', 'B', 'C'].map((id, o) => ({
      id,
      places: 1,
      womenLed: womenLed[o] === 1,
      nonMetropolitan: nonMetropolitan[o] === 1,
      candidates: 0,
    })),
    mentors: [
      { id: 'X', places: 1 },
      { id: 'Y', places: 1 },
    ],
    womenLed,
    nonMetropolitan,
  };
}

const settings = (algorithm: RoundAlgorithm, women: number | null = null, metro: number | null = null) =>
  ({ algorithm, minWomenLedShare: women, minNonMetropolitanShare: metro }) satisfies RoundSettings;

describe('solveRound', () => {
  it.each([
    {
      name: 'OPTIMAL, no target: the optimum',
      settings: settings(RoundAlgorithm.OPTIMAL),
      total: 160,
      solve: { required: { womenLed: null, nonMetropolitan: null }, optimalTotal: null, upperBound: null },
    },
    {
      name: 'OPTIMAL, every pair women-led',
      settings: settings(RoundAlgorithm.OPTIMAL, 1),
      total: 130,
      solve: { required: { womenLed: 2, nonMetropolitan: null }, optimalTotal: null, upperBound: null },
    },
    {
      name: 'OPTIMAL, every pair non-metropolitan',
      settings: settings(RoundAlgorithm.OPTIMAL, null, 1),
      total: 120,
      solve: { required: { womenLed: null, nonMetropolitan: 2 }, optimalTotal: null, upperBound: null },
    },
    {
      name: 'OPTIMAL, both targets met by the optimum itself: proven, bound = total',
      settings: settings(RoundAlgorithm.OPTIMAL, 0.5, 0.5),
      total: 160,
      solve: { required: { womenLed: 1, nonMetropolitan: 1 }, optimalTotal: null, upperBound: 160 },
    },
    {
      name: 'GREEDY: measured against the optimum, targets only reported',
      settings: settings(RoundAlgorithm.GREEDY, 1),
      total: 160,
      solve: { required: { womenLed: 2, nonMetropolitan: null }, optimalTotal: 160, upperBound: null },
    },
    {
      name: 'STABLE: measured against the optimum',
      settings: settings(RoundAlgorithm.STABLE),
      total: 160,
      solve: { required: { womenLed: null, nonMetropolitan: null }, optimalTotal: 160, upperBound: null },
    },
  ])('$name', async ({ settings: s, total, solve }) => {
    let optimumReported = 0;
    const result = await solveRound(cohort(), s, async () => void optimumReported++);
    expect(result.assignment.totalScore).toBe(total);
    expect(result.solve).toEqual(solve);
    expect(optimumReported).toBe(1);
  });

  it.each([
    {
      name: 'one target no assignment meets',
      cohort: cohort(false),
      settings: settings(RoundAlgorithm.OPTIMAL, 1),
      message: 'minWomenLedShare 1 cannot be met: the highest share reachable is 0.500 (1 of the 2 pairs)',
    },
    {
      name: 'the women-led target, with both',
      cohort: cohort(false),
      settings: settings(RoundAlgorithm.OPTIMAL, 1, 0.5),
      message:
        /^minWomenLedShare 1 cannot be met: the highest share reachable is 0\.500 \(1 of the 2 pairs\)$/,
    },
    {
      name: 'the non-metropolitan target alongside the women-led one',
      cohort: cohort(),
      settings: settings(RoundAlgorithm.OPTIMAL, 1, 1),
      message: /^minNonMetropolitanShare 1 cannot be met together with minWomenLedShare: /,
    },
  ])('fails naming $name', async ({ cohort: c, settings: s, message }) => {
    await expect(solveRound(c, s)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message });
  });
});
