import {
  InfeasibleTargetError,
  solveBothTargets,
  solveGreedy,
  solveOptimal,
  solveStable,
  type Assignment,
} from '@app/assignment';
import { RoundAlgorithm } from '../program.entities';
import type { Cohort } from './round-cohort';
import type { RoundSolve } from './round-summary';
import { infeasibleTarget, roundTarget, type TargetShares } from './round-target';

export interface RoundSettings extends TargetShares {
  algorithm: RoundAlgorithm;
}

/**
 * Solves a cohort as the round's settings ask. The unconstrained optimum comes first: targets
 * count against its number of pairs, and GREEDY and STABLE are measured against its total.
 * OPTIMAL meets one target exactly; with both, women-led exactly and non-metropolitan by a
 * Lagrangian bonus (or HiGHS's exact MIP where that leaves more than 0.1 % to the bound), with
 * the upper bound. A target no assignment meets fails as BAD_USER_INPUT naming it and the highest
 * share reachable. GREEDY and STABLE only report against the targets.
 */
export async function solveRound(
  cohort: Cohort,
  settings: RoundSettings,
  afterOptimum?: () => Promise<void>,
): Promise<{ assignment: Assignment; solve: Omit<RoundSolve, 'seconds'> }> {
  const free = solveOptimal(cohort.problem);
  await afterOptimum?.();
  const target = roundTarget(settings, cohort, free.pairs);
  const optimal = settings.algorithm === RoundAlgorithm.OPTIMAL;
  const solve = {
    required: { womenLed: target.womenLed, nonMetropolitan: target.nonMetropolitan },
    optimalTotal: optimal ? null : free.totalScore,
    upperBound: null as number | null,
  };
  if (!optimal) {
    const assignment =
      settings.algorithm === RoundAlgorithm.GREEDY
        ? solveGreedy(cohort.problem)
        : solveStable(cohort.problem, { org: cohort.orgRank, mentor: cohort.mentorRank });
    return { assignment, solve };
  }
  try {
    if (target.both) {
      const two = await solveBothTargets(cohort.problem, target.both[0], target.both[1]);
      return { assignment: two, solve: { ...solve, upperBound: two.upperBound } };
    }
    const { minimum } = target;
    return { assignment: minimum ? solveOptimal(cohort.problem, { minimum }) : free, solve };
  } catch (err) {
    if (!(err instanceof InfeasibleTargetError)) throw err;
    if (target.minimum) {
      throw infeasibleTarget(target.minimum.name, target.minimum.share, err.reachable, free.pairs);
    }
    // Both: the women-led target fails alone, the non-metropolitan one alongside it.
    throw err.which === 'first'
      ? infeasibleTarget('minWomenLedShare', settings.minWomenLedShare!, err.reachable, free.pairs)
      : infeasibleTarget(
          'minNonMetropolitanShare',
          settings.minNonMetropolitanShare!,
          err.reachable,
          free.pairs,
          true,
        );
  }
}
