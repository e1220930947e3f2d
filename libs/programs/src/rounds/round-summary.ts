import type { RoundSummary } from '../program.entities';
import type { RoundOrganization } from './round-cohort';

/** What the solve itself found, which no edit of the pairs changes. */
export interface RoundSolve {
  /** Pairs each target required (null: no target). */
  required: { womenLed: number | null; nonMetropolitan: number | null };
  /** GREEDY and STABLE: the unconstrained optimum's total on the same candidates; OPTIMAL: null. */
  optimalTotal: number | null;
  /** OPTIMAL with both targets: no assignment meeting both scores more; otherwise null. */
  upperBound: number | null;
  seconds: number;
}

/** An assigned pair, as far as the summary needs it. */
export interface SummaryPair {
  organizationId: string;
  score: number;
}

const shareOf = (n: number, of: number): number => (of === 0 ? 0 : n / of);

/**
 * A round's summary from its assigned pairs and the cohort as the round saw it, after the solve
 * and after every edit: totals, who is left without a pair and why, inclusion against the cohort.
 * Shares are exact (7 of 13 is 0.538461…): whoever shows them rounds them, once.
 */
export function summarizeRound(
  organizations: readonly RoundOrganization[],
  pairs: readonly SummaryPair[],
  solve: RoundSolve,
): RoundSummary {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  const pairsOf = new Map<string, number>();
  let totalScore = 0;
  let womenLedPairs = 0;
  let nonMetroPairs = 0;
  for (const pair of pairs) {
    totalScore += pair.score;
    pairsOf.set(pair.organizationId, (pairsOf.get(pair.organizationId) ?? 0) + 1);
    const org = byId.get(pair.organizationId);
    if (org?.womenLed) womenLedPairs++;
    if (org?.nonMetropolitan) nonMetroPairs++;
  }
  const unmatched = { noCandidates: 0, noCapacityLeft: 0, notChosen: 0 };
  let candidates = 0;
  let cohortWomenLed = 0;
  let cohortNonMetro = 0;
  for (const org of organizations) {
    candidates += org.candidates;
    if (org.womenLed) cohortWomenLed++;
    if (org.nonMetropolitan) cohortNonMetro++;
    if ((pairsOf.get(org.id) ?? 0) > 0) continue;
    if (org.places === 0) unmatched.noCapacityLeft++;
    else if (org.candidates === 0) unmatched.noCandidates++;
    else unmatched.notChosen++;
  }
  const { optimalTotal, upperBound } = solve;
  return {
    candidates,
    totalScore,
    pairs: pairs.length,
    organizations: organizations.length,
    unmatched,
    womenLed: {
      cohortShare: shareOf(cohortWomenLed, organizations.length),
      matchedShare: shareOf(womenLedPairs, pairs.length),
      required: solve.required.womenLed,
    },
    nonMetropolitan: {
      cohortShare: shareOf(cohortNonMetro, organizations.length),
      matchedShare: shareOf(nonMetroPairs, pairs.length),
      required: solve.required.nonMetropolitan,
    },
    optimalTotal,
    gapToOptimal: optimalTotal === null ? null : shareOf(totalScore, optimalTotal),
    upperBound,
    gapToBound: upperBound === null ? null : shareOf(upperBound - totalScore, upperBound),
    seconds: solve.seconds,
  };
}

/** The solve's own findings, kept in the summary it produced. */
export function solveOf(summary: RoundSummary): RoundSolve {
  return {
    required: { womenLed: summary.womenLed.required, nonMetropolitan: summary.nonMetropolitan.required },
    optimalTotal: summary.optimalTotal,
    upperBound: summary.upperBound ?? null,
    seconds: summary.seconds,
  };
}
