import { mentorIndex, type Assignment, type AssignmentProblem } from './problem';

export interface OptimalStats {
  /** Shortest-path phases (each raises the potentials once). */
  phases: number;
  /** Breadth-first rounds of blocking flow, across phases. */
  rounds: number;
  augmentations: number;
}

/**
 * At least `count` pairs must involve organisations of the group (`group[o] = 1`): an inclusion
 * target, turned into a count by the caller.
 */
export interface MinimumPairs {
  group: Uint8Array;
  count: number;
}

/**
 * The target cannot be met: `reachable` is the most pairs the group can have at all (with two
 * targets, `which` says which one failed; the second's reachable count respects the first).
 */
export class InfeasibleTargetError extends Error {
  constructor(
    readonly required: number,
    readonly reachable: number,
    readonly which: 'first' | 'second' = 'first',
  ) {
    super(`At most ${reachable} pairs can involve the group; ${required} were required`);
    this.name = 'InfeasibleTargetError';
  }
}

const INF = 0x3fffffff;

/**
 * The assignment of maximum total score, exactly: a min-cost flow s → organisation → mentor → t
 * (organisation arcs of its capacity, pair arcs of capacity 1 and cost −score, mentor arcs of
 * its capacity) solved by the primal-dual method. Each phase finds shortest paths under reduced
 * costs with a bucket queue (Dial; costs are small integers), raises the potentials, then
 * saturates every zero-reduced-cost path with Dinic-style blocking flows. Without a target the
 * cheapest augmenting path's cost rises by at least 1 per phase and the run stops once no path
 * has negative cost (pairs are added only while they raise the total), so there are at most
 * (best score + 1) phases.
 *
 * With `minimum`, a hub H feeds the group's organisations: first `count` units are forced from H
 * along shortest paths (phase A, exact for that flow), then flow from s is free as before (phase
 * B); arcs o → H let later paths move the hub's units between group organisations. This is the
 * min-cost flow with a lower bound on the flow through the group, so the result is the exact
 * optimum under the target.
 */
export function solveOptimal(
  p: AssignmentProblem,
  options: { onProgress?: (fraction: number) => void; minimum?: MinimumPairs } = {},
): Assignment & { stats: OptimalStats; groupPairs: number } {
  const O = p.orgCount;
  const M = p.mentorCount;
  const A = p.arcMentor.length;
  const { orgStart, arcMentor, arcScore, orgCapacity, mentorCapacity } = p;
  const { mentorStart, mentorArcs, arcOrg } = mentorIndex(p);
  const group = options.minimum?.group ?? new Uint8Array(O);
  const groupOrgs = Int32Array.from({ length: O }, (_, o) => o).filter((o) => group[o] === 1);

  let best = 0;
  for (let a = 0; a < A; a++) if (arcScore[a] > best) best = arcScore[a];

  // Nodes: organisations 0..O-1, mentors O..O+M-1, t = O+M, hub H = O+M+1; s is implicit.
  const T = O + M;
  const H = O + M + 1;
  const N = O + M + 2;
  const x = new Uint8Array(A);
  const flowOrg = new Int32Array(O);
  const hubFlow = new Int32Array(O);
  const flowMentor = new Int32Array(M);
  // Potentials: reduced cost of u→v is cost + pi[u] − pi[v] ≥ 0 for every residual arc.
  const pi = new Int32Array(N);
  for (let j = 0; j < M; j++) pi[O + j] = -best;
  pi[T] = -best;

  const dist = new Int32Array(N);
  const settled = new Uint8Array(N);
  const buckets: number[][] = [];
  const level = new Int32Array(N);
  const queue = new Int32Array(N);
  const pointer = new Int32Array(N);
  // Path of the current augmentation: nodes, and the step into each (≥ 0: a pair arc).
  const pathNode = new Int32Array(N + 1);
  const pathStep = new Int32Array(N + 1);
  const FROM_SOURCE = -1;
  const TO_HUB = -2;
  const FROM_HUB = -3;

  const stats: OptimalStats = { phases: 0, rounds: 0, augmentations: 0 };
  const hubOut = (o: number): boolean => group[o] === 1 && hubFlow[o] > 0;
  const spare = (o: number): boolean => flowOrg[o] < orgCapacity[o];

  /**
   * Shortest reduced distances from the source (s, or H when `fromHub`) until t is settled;
   * `bound` caps the distances worth exploring. Returns the distance of t (INF: unreachable).
   */
  function shortestPaths(fromHub: boolean, bound: number): number {
    dist.fill(INF);
    settled.fill(0);
    for (const bucket of buckets) bucket.length = 0;
    const push = (v: number, d: number): void => {
      if (d >= bound || d >= dist[v]) return;
      dist[v] = d;
      while (buckets.length <= d) buckets.push([]);
      buckets[d].push(v);
    };
    if (fromHub) push(H, 0);
    else for (let o = 0; o < O; o++) if (spare(o)) push(o, -pi[o]);
    for (let d = 0; d < buckets.length; d++) {
      const bucket = buckets[d];
      for (let i = 0; i < bucket.length; i++) {
        const u = bucket[i];
        if (settled[u] || dist[u] !== d) continue;
        settled[u] = 1;
        if (u === T) return d;
        const pu = pi[u];
        if (u === H) {
          for (const o of groupOrgs) if (spare(o)) relax(o, d + pu - pi[o], d);
        } else if (u < O) {
          for (let a = orgStart[u]; a < orgStart[u + 1]; a++) {
            if (!x[a]) relax(O + arcMentor[a], d - arcScore[a] + pu - pi[O + arcMentor[a]], d);
          }
          if (hubOut(u)) relax(H, d + pu - pi[H], d);
        } else {
          const j = u - O;
          if (flowMentor[j] < mentorCapacity[j]) relax(T, d + pu - pi[T], d);
          for (let k = mentorStart[j]; k < mentorStart[j + 1]; k++) {
            const a = mentorArcs[k];
            if (x[a]) relax(arcOrg[a], d + arcScore[a] + pu - pi[arcOrg[a]], d);
          }
        }
      }
    }
    return INF;

    function relax(v: number, nd: number, d: number): void {
      if (nd < d) throw new Error('negative reduced cost: potentials broken');
      push(v, nd);
    }
  }

  /** Levels of the admissible graph from the source; false when t is not reachable. */
  function levels(fromHub: boolean): boolean {
    level.fill(-1);
    let head = 0;
    let tail = 0;
    const visit = (v: number, l: number): void => {
      if (level[v] !== -1) return;
      level[v] = l;
      queue[tail++] = v;
    };
    if (fromHub) visit(H, 0);
    else for (let o = 0; o < O; o++) if (spare(o) && pi[o] === 0) visit(o, 1);
    while (head < tail) {
      const u = queue[head++];
      const next = level[u] + 1;
      const pu = pi[u];
      if (u === H) {
        for (const o of groupOrgs) if (spare(o) && pu === pi[o]) visit(o, next);
      } else if (u < O) {
        for (let a = orgStart[u]; a < orgStart[u + 1]; a++) {
          const v = O + arcMentor[a];
          if (!x[a] && -arcScore[a] + pu - pi[v] === 0) visit(v, next);
        }
        if (hubOut(u) && pu === pi[H]) visit(H, next);
      } else if (u !== T) {
        const j = u - O;
        if (flowMentor[j] < mentorCapacity[j] && pu === pi[T]) visit(T, next);
        for (let k = mentorStart[j]; k < mentorStart[j + 1]; k++) {
          const a = mentorArcs[k];
          if (x[a] && arcScore[a] + pu - pi[arcOrg[a]] === 0) visit(arcOrg[a], next);
        }
      }
    }
    return level[T] !== -1;
  }

  /**
   * The next admissible arc out of `u` at or after its pointer, pushing its head on the path;
   * false when there is none (u is then a dead end this round).
   */
  function advance(u: number, depth: number): boolean {
    const want = level[u] + 1;
    const pu = pi[u];
    if (u === H) {
      for (; pointer[u] < groupOrgs.length; pointer[u]++) {
        const o = groupOrgs[pointer[u]];
        if (level[o] === want && spare(o) && pu === pi[o]) return step(o, FROM_HUB, depth);
      }
      return false;
    }
    if (u < O) {
      for (; pointer[u] < orgStart[u + 1]; pointer[u]++) {
        const a = pointer[u];
        const v = O + arcMentor[a];
        if (!x[a] && level[v] === want && -arcScore[a] + pu - pi[v] === 0) return step(v, a, depth);
      }
      if (pointer[u] === orgStart[u + 1]) {
        if (hubOut(u) && level[H] === want && pu === pi[H]) return step(H, TO_HUB, depth);
        pointer[u]++;
      }
      return false;
    }
    const j = u - O;
    for (; pointer[u] < mentorStart[j + 1]; pointer[u]++) {
      const a = mentorArcs[pointer[u]];
      const v = arcOrg[a];
      if (x[a] && level[v] === want && arcScore[a] + pu - pi[v] === 0) return step(v, a, depth);
    }
    return false;
  }

  function step(v: number, how: number, depth: number): boolean {
    pathNode[depth + 1] = v;
    pathStep[depth + 1] = how;
    return true;
  }

  /** Applies one unit along pathNode[0..depth], which ends at a mentor with room. */
  function augment(depth: number, first: number): void {
    stats.augmentations++;
    flowOrg[pathNode[first]]++;
    if (pathStep[first] === FROM_HUB) hubFlow[pathNode[first]]++;
    for (let d = first + 1; d <= depth; d++) {
      const v = pathNode[d];
      const how = pathStep[d];
      if (how >= 0) x[how] = v >= O ? 1 : 0;
      else if (how === TO_HUB) {
        flowOrg[pathNode[d - 1]]--;
        hubFlow[pathNode[d - 1]]--;
      } else if (how === FROM_HUB) {
        flowOrg[v]++;
        hubFlow[v]++;
      }
    }
    flowMentor[pathNode[depth] - O]++;
  }

  /**
   * Blocking flows on the admissible graph until t is cut off, or `limit` units have gone.
   * Returns the units sent.
   */
  function blockingFlows(fromHub: boolean, limit: number): number {
    let sent = 0;
    while (sent < limit) {
      stats.rounds++;
      if (!levels(fromHub)) break;
      for (let o = 0; o < O; o++) pointer[o] = orgStart[o];
      for (let j = 0; j < M; j++) pointer[O + j] = mentorStart[j];
      pointer[H] = 0;
      // Starting points: H itself, or every organisation of level 1 (fed by s).
      const starts = fromHub ? [H] : null;
      const count = fromHub ? 1 : O;
      for (let i = 0; i < count && sent < limit; i++) {
        const start = starts ? starts[0] : i;
        if (!starts && level[start] !== 1) continue;
        while (sent < limit && (starts || spare(start)) && level[start] >= 0) {
          let depth = 0;
          pathNode[0] = start;
          pathStep[0] = starts ? -4 : FROM_SOURCE;
          let found = false;
          while (depth >= 0) {
            const u = pathNode[depth];
            if (u >= O && u < T) {
              const j = u - O;
              if (level[T] === level[u] + 1 && flowMentor[j] < mentorCapacity[j] && pi[u] === pi[T]) {
                found = true;
                break;
              }
            }
            if (advance(u, depth)) {
              depth++;
            } else {
              level[u] = -2; // dead end this round
              depth--;
              if (depth >= 0) pointer[pathNode[depth]]++;
            }
          }
          if (!found) break;
          // From H, the path's first real step is H → o: apply from there.
          augment(depth, starts ? 1 : 0);
          sent++;
        }
      }
    }
    return sent;
  }

  // ---- Phase A: the target's units, forced from H along shortest paths.
  let groupPairs = 0;
  const required = options.minimum?.count ?? 0;
  while (groupPairs < required) {
    const dT = shortestPaths(true, INF);
    if (dT === INF) throw new InfeasibleTargetError(required, maxGroupPairs(p, group));
    stats.phases++;
    for (let v = 0; v < N; v++) pi[v] += dist[v] < dT ? dist[v] : dT;
    groupPairs += blockingFlows(true, required - groupPairs);
  }
  // ---- Phase B: free flow from s while it raises the total. s takes the potential that makes
  // every s → o arc's reduced cost non-negative; shifting all potentials keeps reduced costs.
  let shift = -INF;
  for (let o = 0; o < O; o++) if (spare(o) && pi[o] > shift) shift = pi[o];
  if (shift !== -INF && shift !== 0) for (let v = 0; v < N; v++) pi[v] -= shift;
  for (;;) {
    const bound = -pi[T]; // a path to t improves the total only below this reduced distance
    if (bound <= 0) break;
    const dT = shortestPaths(false, bound);
    if (dT === INF) break;
    stats.phases++;
    for (let v = 0; v < N; v++) pi[v] += dist[v] < dT ? dist[v] : dT;
    options.onProgress?.(Math.min(1, 1 - -pi[T] / Math.max(1, best)));
    blockingFlows(false, INF);
  }

  let totalScore = 0;
  let pairs = 0;
  groupPairs = 0;
  for (let a = 0; a < A; a++) {
    if (!x[a]) continue;
    totalScore += arcScore[a];
    pairs++;
    if (group[arcOrg[a]]) groupPairs++;
  }
  options.onProgress?.(1);
  return { chosen: x, totalScore, pairs, stats, groupPairs };
}

/** The most pairs the group's organisations can have (a maximum flow through them alone). */
export function maxGroupPairs(p: AssignmentProblem, group: Uint8Array): number {
  const restricted: AssignmentProblem = {
    ...p,
    // Score 1 for the group's pairs, 0 elsewhere: the optimum counts the group's pairs.
    arcScore: new Int32Array(p.arcScore.length),
  };
  for (let o = 0; o < p.orgCount; o++) {
    if (!group[o]) continue;
    restricted.arcScore.fill(1, p.orgStart[o], p.orgStart[o + 1]);
  }
  return solveOptimal(restricted).totalScore;
}

export interface TwoTargetsResult extends Assignment {
  /** The least Lagrangian bound found: no assignment meeting both targets scores more. */
  upperBound: number;
  /** (upperBound − totalScore) / upperBound: 0 means proven optimal. */
  gap: number;
  groupPairs: [number, number];
  /** Solves run (each an exact OPTIMAL under the first target). */
  solves: number;
}

/**
 * Two minimums at once, which no longer form a network problem. The first is met exactly (the
 * hub of solveOptimal); the second by a Lagrangian bonus λ on its group's pairs, the least
 * bonus λ that meets it found by doubling then bisection, in whole points then eighths. Every λ ≥ 0 bounds the optimum from
 * above: D(λ) = max over assignments meeting the first target of (score + λ·second pairs) −
 * λ·count, exact since each inner problem is solved exactly; the least D seen is reported with
 * the gap to the best assignment found that meets both. When the second target cannot be met
 * together with the first, InfeasibleTargetError carries the most second-group pairs reachable.
 */
export function solveTwoTargets(
  p: AssignmentProblem,
  first: MinimumPairs,
  second: MinimumPairs,
): TwoTargetsResult {
  const A = p.arcMentor.length;
  const inSecond = new Uint8Array(A);
  for (let o = 0; o < p.orgCount; o++) {
    if (second.group[o]) inSecond.fill(1, p.orgStart[o], p.orgStart[o + 1]);
  }
  let solves = 0;
  // Whole points first; then, between the last infeasible and the first feasible bonus, eighths
  // (scores scaled by 8: finer bonuses cost more phases, so only a few solves use them).
  const FINE = 8;
  const evaluate = (lambda: number, scale = 1) => {
    solves++;
    const scores = Int32Array.from(p.arcScore, (s, a) => s * scale + lambda * inSecond[a]);
    const result = solveOptimal({ ...p, arcScore: scores }, { minimum: first });
    let total = 0;
    let secondPairs = 0;
    for (let a = 0; a < A; a++) {
      if (!result.chosen[a]) continue;
      total += p.arcScore[a];
      secondPairs += inSecond[a];
    }
    // D(λ / scale), rounded down: totals of real scores are whole numbers.
    return {
      result,
      total,
      secondPairs,
      bound: Math.floor((result.totalScore - lambda * second.count) / scale),
    };
  };

  let best: ReturnType<typeof evaluate> | null = null;
  let upperBound = Number.POSITIVE_INFINITY;
  const consider = (e: ReturnType<typeof evaluate>): boolean => {
    upperBound = Math.min(upperBound, e.bound);
    const feasible = e.secondPairs >= second.count;
    if (feasible && (!best || e.total > best.total)) best = e;
    return feasible;
  };

  if (!consider(evaluate(0))) {
    // Can the second target be met at all alongside the first? (Count its pairs, exactly.)
    solves++;
    const reachable = solveOptimal(
      { ...p, arcScore: Int32Array.from(inSecond) },
      { minimum: first },
    ).totalScore;
    if (reachable < second.count) throw new InfeasibleTargetError(second.count, reachable, 'second');
    let low = 0;
    let high = 1;
    while (!consider(evaluate(high))) {
      low = high;
      high *= 2;
      if (high > 1 << 20) throw new Error('The Lagrangian search did not meet a reachable target');
    }
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (consider(evaluate(mid))) high = mid;
      else low = mid;
    }
    let fineLow = low * FINE;
    let fineHigh = high * FINE;
    while (fineHigh - fineLow > 1) {
      const mid = (fineLow + fineHigh) >> 1;
      if (consider(evaluate(mid, FINE))) fineHigh = mid;
      else fineLow = mid;
    }
  }
  const found = best as unknown as ReturnType<typeof evaluate>;
  let firstPairs = 0;
  for (let o = 0; o < p.orgCount; o++) {
    if (!first.group[o]) continue;
    for (let a = p.orgStart[o]; a < p.orgStart[o + 1]; a++) firstPairs += found.result.chosen[a];
  }
  const bound = Math.max(upperBound, found.total);
  return {
    chosen: found.result.chosen,
    totalScore: found.total,
    pairs: found.result.pairs,
    upperBound: bound,
    gap: bound === 0 ? 0 : (bound - found.total) / bound,
    groupPairs: [firstPairs, found.secondPairs],
    solves,
  };
}
