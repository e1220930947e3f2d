import type { Assignment, AssignmentProblem } from './problem';

/**
 * The baseline: pairs best score first (ties: lower organisation, then lower arc), each taken
 * while both sides have capacity left. A bucket sort on the 0-100 scores keeps it linear.
 */
export function solveGreedy(p: AssignmentProblem): Assignment {
  const A = p.arcMentor.length;
  const byScore = new Int32Array(102);
  for (let a = 0; a < A; a++) byScore[p.arcScore[a] + 1]++;
  for (let s = 0; s <= 100; s++) byScore[s + 1] += byScore[s];
  // Arcs in descending score order, ascending arc index (organisation order) within a score.
  const order = new Int32Array(A);
  const fill = new Int32Array(101);
  for (let s = 0; s <= 100; s++) fill[s] = A - byScore[s + 1];
  for (let a = 0; a < A; a++) order[fill[p.arcScore[a]]++] = a;
  const arcOrg = new Int32Array(A);
  for (let o = 0; o < p.orgCount; o++) arcOrg.fill(o, p.orgStart[o], p.orgStart[o + 1]);
  const orgLeft = p.orgCapacity.slice();
  const mentorLeft = p.mentorCapacity.slice();
  const chosen = new Uint8Array(A);
  let totalScore = 0;
  let pairs = 0;
  for (let k = 0; k < A; k++) {
    const a = order[k];
    const o = arcOrg[a];
    const m = p.arcMentor[a];
    if (orgLeft[o] > 0 && mentorLeft[m] > 0) {
      chosen[a] = 1;
      orgLeft[o]--;
      mentorLeft[m]--;
      totalScore += p.arcScore[a];
      pairs++;
    }
  }
  return { chosen, totalScore, pairs };
}
