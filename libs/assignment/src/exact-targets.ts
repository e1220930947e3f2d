import { lpModel } from './lp-model';
import { type MinimumPairs, type TwoTargetsResult, solveTwoTargets } from './optimal';
import { type AssignmentProblem, evaluate } from './problem';

/** The largest gap to the upper bound a two-target round accepts without an exact solve. */
export const TWO_TARGETS_MAX_GAP = 0.001;

export interface BothTargetsOptions {
  /** Above this many candidate pairs the MIP is not tried (default 200,000). */
  maxMipArcs?: number;
  /** Wall-clock limit for the MIP, in seconds (default 60). */
  mipSeconds?: number;
}

export interface BothTargetsResult extends TwoTargetsResult {
  /** How the assignment was found: by the Lagrangian bonus, or proven optimal by the MIP. */
  method: 'LAGRANGIAN' | 'MIP';
}

type Highs = { solve(model: string, options?: Record<string, unknown>): HighsResult };
interface HighsResult {
  Status: string;
  Columns: Record<string, { Primal?: number }>;
}
let highs: Promise<Highs> | null = null;
const loadHighs = (): Promise<Highs> =>
  (highs ??= import('highs').then((module) => module.default() as unknown as Promise<Highs>));

/**
 * Both inclusion targets, exact or within TWO_TARGETS_MAX_GAP of the upper bound. The Lagrangian
 * search (solveTwoTargets) comes first: on rounds of thousands of pairs its gap is a few
 * hundredths of a percent. Where the gap is wider (small rounds, where one pair is a large share
 * of the total), the same problem goes to HiGHS's branch-and-cut as a 0-1 program with both
 * group rows, asked to prove the optimum (absolute gap under one point: totals are whole). Its
 * optimum replaces the Lagrangian answer with a zero gap; if it runs out of time the better of
 * the two is kept, with the Lagrangian bound.
 */
export async function solveBothTargets(
  p: AssignmentProblem,
  first: MinimumPairs,
  second: MinimumPairs,
  options: BothTargetsOptions = {},
): Promise<BothTargetsResult> {
  const lagrangian = solveTwoTargets(p, first, second);
  const A = p.arcMentor.length;
  if (lagrangian.gap <= TWO_TARGETS_MAX_GAP || A > (options.maxMipArcs ?? 200_000)) {
    return { ...lagrangian, method: 'LAGRANGIAN' };
  }
  const solver = await loadHighs();
  const result = solver.solve(lpModel(p, [first, second], true), {
    time_limit: options.mipSeconds ?? 60,
    mip_rel_gap: 0,
    mip_abs_gap: 0.99,
    output_flag: false,
  });
  if (result.Status !== 'Optimal' && result.Status !== 'Time limit reached') {
    return { ...lagrangian, method: 'LAGRANGIAN' };
  }
  const chosen = new Uint8Array(A);
  for (let a = 0; a < A; a++) chosen[a] = (result.Columns[`x${a}`]?.Primal ?? 0) > 0.5 ? 1 : 0;
  const groupPairs: [number, number] = [0, 0];
  for (let o = 0; o < p.orgCount; o++) {
    for (let a = p.orgStart[o]; a < p.orgStart[o + 1]; a++) {
      if (!chosen[a]) continue;
      groupPairs[0] += first.group[o];
      groupPairs[1] += second.group[o];
    }
  }
  let assignment;
  try {
    assignment = evaluate(p, chosen);
  } catch {
    return { ...lagrangian, method: 'LAGRANGIAN' }; // outside tolerance: keep what we proved
  }
  const meets = groupPairs[0] >= first.count && groupPairs[1] >= second.count;
  if (!meets || assignment.totalScore < lagrangian.totalScore) return { ...lagrangian, method: 'LAGRANGIAN' };
  const proven = result.Status === 'Optimal';
  const upperBound = proven ? assignment.totalScore : lagrangian.upperBound;
  return {
    ...assignment,
    upperBound,
    gap: upperBound === 0 ? 0 : (upperBound - assignment.totalScore) / upperBound,
    groupPairs,
    solves: lagrangian.solves,
    method: 'MIP',
  };
}
