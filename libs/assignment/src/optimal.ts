import { mentorIndex, type Assignment, type AssignmentProblem } from './problem';

export interface OptimalStats {
  /** Shortest-path phases (each raises the potentials once). */
  phases: number;
  /** Breadth-first rounds of blocking flow, across phases. */
  rounds: number;
  augmentations: number;
}

const INF = 0x3fffffff;

/**
 * The assignment of maximum total score, exactly: a min-cost flow s → organisation → mentor → t
 * (organisation arcs of its capacity, pair arcs of capacity 1 and cost −score, mentor arcs of
 * its capacity) solved by the primal-dual method. Each phase finds shortest paths under reduced
 * costs with a bucket queue (Dial: reduced distances to t are integers below the best score),
 * raises the potentials, then saturates every zero-reduced-cost path with Dinic-style blocking
 * flows. The cost of the cheapest augmenting path rises by at least 1 per phase and it stops as
 * soon as no path has negative cost, so there are at most (best score + 1) phases. Flow amount is
 * free: pairs are added only while they raise the total.
 */
export function solveOptimal(
  p: AssignmentProblem,
  options: { onProgress?: (fraction: number) => void } = {},
): Assignment & { stats: OptimalStats } {
  const O = p.orgCount;
  const M = p.mentorCount;
  const A = p.arcMentor.length;
  const { orgStart, arcMentor, arcScore, orgCapacity, mentorCapacity } = p;
  const { mentorStart, mentorArcs, arcOrg } = mentorIndex(p);

  let best = 0;
  for (let a = 0; a < A; a++) if (arcScore[a] > best) best = arcScore[a];

  // Nodes: organisations 0..O-1, mentors O..O+M-1, t = O+M; s is implicit.
  const T = O + M;
  const N = O + M + 1;
  const x = new Uint8Array(A);
  const flowOrg = new Int32Array(O);
  const flowMentor = new Int32Array(M);
  // Potentials: reduced cost of u→v is cost + pi[u] − pi[v] ≥ 0 (pi[s] = 0 throughout).
  const pi = new Int32Array(N);
  for (let j = 0; j < M; j++) pi[O + j] = -best;
  pi[T] = -best;

  const dist = new Int32Array(N);
  const settled = new Uint8Array(N);
  // Buckets of node ids by tentative distance; a node improved later is pushed again and its
  // stale entry skipped (a singly linked list through the nodes would lose the old bucket's tail).
  const buckets: number[][] = Array.from({ length: best + 1 }, () => []);
  const level = new Int32Array(N);
  const queue = new Int32Array(N);
  const pointer = new Int32Array(N);
  // Path of the current augmentation: nodes, and for each step the arc used (−1: s→o or m→t).
  const pathNode = new Int32Array(N + 1);
  const pathArc = new Int32Array(N + 1);

  const stats: OptimalStats = { phases: 0, rounds: 0, augmentations: 0 };

  for (;;) {
    // ---- Shortest paths from s under reduced costs, until t is settled (Dial's buckets).
    const bound = -pi[T]; // a path to t is worth taking only below this reduced distance
    if (bound <= 0) break;
    dist.fill(INF);
    settled.fill(0);
    for (const bucket of buckets) bucket.length = 0;
    const push = (v: number, d: number): void => {
      dist[v] = d;
      buckets[d].push(v);
    };
    for (let o = 0; o < O; o++) {
      if (flowOrg[o] < orgCapacity[o] && -pi[o] < bound) push(o, -pi[o]);
    }
    let dT = INF;
    for (let d = 0; d < bound && dT === INF; d++) {
      const bucket = buckets[d];
      for (let i = 0; i < bucket.length; i++) {
        const u = bucket[i];
        if (settled[u] || dist[u] !== d) continue;
        settled[u] = 1;
        if (u === T) {
          dT = d;
          break;
        }
        if (u < O) {
          const pu = pi[u];
          for (let a = orgStart[u]; a < orgStart[u + 1]; a++) {
            if (x[a]) continue;
            const v = O + arcMentor[a];
            const nd = d - arcScore[a] + pu - pi[v];
            if (nd < d) throw new Error('negative reduced cost: potentials broken');
            if (nd < dist[v] && nd < bound) push(v, nd);
          }
        } else {
          const j = u - O;
          const pu = pi[u];
          if (flowMentor[j] < mentorCapacity[j]) {
            const nd = d + pu - pi[T];
            if (nd < dist[T] && nd < bound) push(T, nd);
          }
          for (let k = mentorStart[j]; k < mentorStart[j + 1]; k++) {
            const a = mentorArcs[k];
            if (!x[a]) continue;
            const v = arcOrg[a];
            const nd = d + arcScore[a] + pu - pi[v];
            if (nd < d) throw new Error('negative reduced cost: potentials broken');
            if (nd < dist[v] && nd < bound) push(v, nd);
          }
        }
      }
    }
    if (dT === INF) break; // no augmenting path of negative cost: optimal
    stats.phases++;
    for (let v = 0; v < N; v++) pi[v] += dist[v] < dT ? dist[v] : dT;
    options.onProgress?.(Math.min(1, 1 - -pi[T] / Math.max(1, best)));

    // ---- Blocking flows on the admissible graph (zero reduced cost), until t is cut off.
    for (;;) {
      stats.rounds++;
      level.fill(-1);
      let head = 0;
      let tail = 0;
      for (let o = 0; o < O; o++) {
        if (flowOrg[o] < orgCapacity[o] && pi[o] === 0) {
          level[o] = 1;
          queue[tail++] = o;
        }
      }
      while (head < tail) {
        const u = queue[head++];
        const lu = level[u];
        if (u < O) {
          for (let a = orgStart[u]; a < orgStart[u + 1]; a++) {
            if (x[a]) continue;
            const v = O + arcMentor[a];
            if (level[v] === -1 && -arcScore[a] + pi[u] - pi[v] === 0) {
              level[v] = lu + 1;
              queue[tail++] = v;
            }
          }
        } else if (u !== T) {
          const j = u - O;
          if (level[T] === -1 && flowMentor[j] < mentorCapacity[j] && pi[u] === pi[T]) {
            level[T] = lu + 1;
            queue[tail++] = T;
          }
          for (let k = mentorStart[j]; k < mentorStart[j + 1]; k++) {
            const a = mentorArcs[k];
            if (!x[a]) continue;
            const v = arcOrg[a];
            if (level[v] === -1 && arcScore[a] + pi[u] - pi[v] === 0) {
              level[v] = lu + 1;
              queue[tail++] = v;
            }
          }
        }
      }
      if (level[T] === -1) break;

      // Depth-first augmentations along level-increasing admissible arcs, with current-arc
      // pointers (an arc found useless is never looked at again this round).
      for (let o = 0; o < O; o++) pointer[o] = orgStart[o];
      for (let j = 0; j < M; j++) pointer[O + j] = mentorStart[j] - 1; // −1 step: the arc to t first
      for (let o = 0; o < O; o++) {
        while (level[o] === 1 && flowOrg[o] < orgCapacity[o]) {
          // Search one path from o.
          let depth = 0;
          pathNode[0] = o;
          pathArc[0] = -1;
          let found = false;
          while (depth >= 0) {
            const u = pathNode[depth];
            let advanced = false;
            if (u < O) {
              for (; pointer[u] < orgStart[u + 1]; pointer[u]++) {
                const a = pointer[u];
                if (x[a]) continue;
                const v = O + arcMentor[a];
                if (level[v] === level[u] + 1 && -arcScore[a] + pi[u] - pi[v] === 0) {
                  pathNode[++depth] = v;
                  pathArc[depth] = a;
                  advanced = true;
                  break;
                }
              }
            } else {
              const j = u - O;
              if (pointer[u] === mentorStart[j] - 1) {
                if (level[T] === level[u] + 1 && flowMentor[j] < mentorCapacity[j] && pi[u] === pi[T]) {
                  found = true;
                  break;
                }
                pointer[u]++;
              }
              for (; pointer[u] < mentorStart[j + 1]; pointer[u]++) {
                const a = mentorArcs[pointer[u]];
                if (!x[a]) continue;
                const v = arcOrg[a];
                if (level[v] === level[u] + 1 && arcScore[a] + pi[u] - pi[v] === 0) {
                  pathNode[++depth] = v;
                  pathArc[depth] = a;
                  advanced = true;
                  break;
                }
              }
            }
            if (found) break;
            if (!advanced) {
              // Dead end: no path to t through u this round.
              level[u] = -2;
              depth--;
              if (depth >= 0) pointer[pathNode[depth]]++;
            }
          }
          if (!found) break;
          // Augment one unit along the path.
          stats.augmentations++;
          flowOrg[o]++;
          for (let d = 1; d <= depth; d++) {
            const a = pathArc[d];
            x[a] = pathNode[d] >= O ? 1 : 0; // into a mentor: forward pair arc; into an org: backward
          }
          const last = pathNode[depth] - O;
          flowMentor[last]++;
          // The mentor's arc to t may be full now, and pair arcs on the path changed direction:
          // later searches re-check every arc's residual state where their pointers stand.
        }
      }
    }
  }

  let totalScore = 0;
  let pairs = 0;
  for (let a = 0; a < A; a++) {
    if (x[a]) {
      totalScore += arcScore[a];
      pairs++;
    }
  }
  options.onProgress?.(1);
  return { chosen: x, totalScore, pairs, stats };
}
