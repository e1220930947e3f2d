import type { MinimumPairs } from './optimal';
import type { AssignmentProblem } from './problem';

/**
 * The assignment problem in CPLEX LP format, as HiGHS reads it: maximise the total score of the
 * chosen pairs x<arc>, one row per organisation and per mentor (capacities), one per minimum
 * (at least `count` pairs of the group's organisations). With `integer` the pairs are binary
 * (a MIP); otherwise bounded to [0, 1].
 */
export function lpModel(p: AssignmentProblem, minimums: MinimumPairs[], integer = false): string {
  const A = p.arcMentor.length;
  const lines: string[] = ['Maximize', ' obj:'];
  for (let a = 0; a < A; a++) lines.push(`  + ${p.arcScore[a]} x${a}`);
  lines.push('Subject To');
  for (let o = 0; o < p.orgCount; o++) {
    if (p.orgStart[o + 1] === p.orgStart[o]) continue;
    lines.push(` o${o}:`);
    for (let a = p.orgStart[o]; a < p.orgStart[o + 1]; a++) lines.push(`  + x${a}`);
    lines.push(`  <= ${p.orgCapacity[o]}`);
  }
  const byMentor: number[][] = Array.from({ length: p.mentorCount }, () => []);
  for (let a = 0; a < A; a++) byMentor[p.arcMentor[a]].push(a);
  byMentor.forEach((arcs, m) => {
    if (arcs.length === 0) return;
    lines.push(` m${m}:`);
    for (const a of arcs) lines.push(`  + x${a}`);
    lines.push(`  <= ${p.mentorCapacity[m]}`);
  });
  minimums.forEach((minimum, g) => {
    const terms: string[] = [];
    for (let o = 0; o < p.orgCount; o++) {
      if (!minimum.group[o]) continue;
      for (let a = p.orgStart[o]; a < p.orgStart[o + 1]; a++) terms.push(`  + x${a}`);
    }
    // An empty group row would not parse; `0 >= count` is then plain infeasibility or nothing.
    if (terms.length === 0) terms.push(`  + 0 x0`);
    lines.push(` g${g}:`, ...terms, `  >= ${minimum.count}`);
  });
  lines.push('Bounds');
  for (let a = 0; a < A; a++) lines.push(` 0 <= x${a} <= 1`);
  if (integer) {
    lines.push('Binary');
    for (let a = 0; a < A; a++) lines.push(` x${a}`);
  }
  lines.push('End');
  return lines.join('\n');
}
