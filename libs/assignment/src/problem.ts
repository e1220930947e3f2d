/**
 * A capacity-constrained assignment (b-matching) over candidate pairs: organisation i may take
 * up to orgCapacity[i] mentors among its candidates, mentor j up to mentorCapacity[j]
 * organisations. Candidates of organisation i are the arcs orgStart[i] .. orgStart[i + 1] - 1,
 * each naming a mentor and the pair's integer score (0-100). Typed arrays throughout: a round
 * for 100,000 organisations with 20 candidates each is two million arcs.
 */
export interface AssignmentProblem {
  orgCount: number;
  mentorCount: number;
  orgStart: Int32Array;
  arcMentor: Int32Array;
  arcScore: Int32Array;
  orgCapacity: Int32Array;
  mentorCapacity: Int32Array;
}

export interface Assignment {
  /** 1 for every arc in the assignment. */
  chosen: Uint8Array;
  totalScore: number;
  pairs: number;
}

/** Throws on a malformed problem (the solvers trust their input's shape). */
export function validateProblem(p: AssignmentProblem): void {
  const arcs = p.arcMentor.length;
  if (p.orgStart.length !== p.orgCount + 1 || p.orgStart[0] !== 0 || p.orgStart[p.orgCount] !== arcs) {
    throw new RangeError(
      'orgStart must run from 0 to the number of arcs, one entry per organisation and one more',
    );
  }
  if (p.arcScore.length !== arcs) throw new RangeError('arcScore must have one entry per arc');
  if (p.orgCapacity.length !== p.orgCount || p.mentorCapacity.length !== p.mentorCount) {
    throw new RangeError('one capacity per organisation and per mentor');
  }
  for (let i = 0; i < p.orgCount; i++) {
    if (p.orgStart[i + 1] < p.orgStart[i]) throw new RangeError('orgStart must not decrease');
    if (p.orgCapacity[i] < 0) throw new RangeError('capacities must not be negative');
  }
  for (let j = 0; j < p.mentorCount; j++) {
    if (p.mentorCapacity[j] < 0) throw new RangeError('capacities must not be negative');
  }
  for (let a = 0; a < arcs; a++) {
    if (p.arcMentor[a] < 0 || p.arcMentor[a] >= p.mentorCount)
      throw new RangeError(`arc ${a} names no mentor`);
    if (!Number.isInteger(p.arcScore[a]) || p.arcScore[a] < 0 || p.arcScore[a] > 100) {
      throw new RangeError(`arc ${a}: scores are whole numbers from 0 to 100`);
    }
  }
}

/** Totals of a set of chosen arcs, checking capacities (for tests and benchmarks). */
export function evaluate(p: AssignmentProblem, chosen: Uint8Array): Assignment {
  const perOrg = new Int32Array(p.orgCount);
  const perMentor = new Int32Array(p.mentorCount);
  let totalScore = 0;
  let pairs = 0;
  for (let o = 0; o < p.orgCount; o++) {
    for (let a = p.orgStart[o]; a < p.orgStart[o + 1]; a++) {
      if (!chosen[a]) continue;
      perOrg[o]++;
      perMentor[p.arcMentor[a]]++;
      totalScore += p.arcScore[a];
      pairs++;
    }
    if (perOrg[o] > p.orgCapacity[o]) throw new Error(`organisation ${o} over capacity`);
  }
  for (let j = 0; j < p.mentorCount; j++) {
    if (perMentor[j] > p.mentorCapacity[j]) throw new Error(`mentor ${j} over capacity`);
  }
  return { chosen, totalScore, pairs };
}

/** Arcs of each mentor (a counting sort of arcMentor), and the organisation of every arc. */
export function mentorIndex(p: AssignmentProblem): {
  mentorStart: Int32Array;
  mentorArcs: Int32Array;
  arcOrg: Int32Array;
} {
  const arcs = p.arcMentor.length;
  const mentorStart = new Int32Array(p.mentorCount + 1);
  for (let a = 0; a < arcs; a++) mentorStart[p.arcMentor[a] + 1]++;
  for (let j = 0; j < p.mentorCount; j++) mentorStart[j + 1] += mentorStart[j];
  const fill = mentorStart.slice(0, p.mentorCount);
  const mentorArcs = new Int32Array(arcs);
  const arcOrg = new Int32Array(arcs);
  for (let o = 0; o < p.orgCount; o++) {
    for (let a = p.orgStart[o]; a < p.orgStart[o + 1]; a++) {
      arcOrg[a] = o;
      mentorArcs[fill[p.arcMentor[a]]++] = a;
    }
  }
  return { mentorStart, mentorArcs, arcOrg };
}
