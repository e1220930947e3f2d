import { mentorIndex, type Assignment, type AssignmentProblem } from './problem';

/**
 * Organisation-proposing deferred acceptance with capacities on both sides (many-to-many, as in
 * hospitals/residents with several seats per applicant). Each side ranks the other by `rank`
 * (higher first; by default the pair's score — callers fold interest signals in), ties to the
 * lower index. The result has no blocking pair: no organisation and mentor, not matched, that
 * would both rather be (each has room, or prefers the other to its worst current match).
 */
export function solveStable(
  p: AssignmentProblem,
  rank: { org?: Int32Array; mentor?: Int32Array } = {},
): Assignment {
  const A = p.arcMentor.length;
  const orgRank = rank.org ?? p.arcScore;
  const mentorRank = rank.mentor ?? p.arcScore;
  const { arcOrg } = mentorIndex(p);
  // Each organisation's candidates in its order of preference.
  const prefs = new Int32Array(A);
  for (let o = 0; o < p.orgCount; o++) {
    const from = p.orgStart[o];
    const to = p.orgStart[o + 1];
    const arcs = Array.from({ length: to - from }, (_, i) => from + i);
    arcs.sort((a, b) => orgRank[b] - orgRank[a] || p.arcMentor[a] - p.arcMentor[b]);
    prefs.set(arcs, from);
  }
  // Mentor holds: a min-heap per mentor would be faster; capacities are small (≤ 20), so a
  // linear scan for the worst held proposal is enough.
  const held: number[][] = Array.from({ length: p.mentorCount }, () => []);
  const worse = (a: number, b: number): boolean =>
    mentorRank[a] < mentorRank[b] || (mentorRank[a] === mentorRank[b] && arcOrg[a] > arcOrg[b]);
  const nextChoice = p.orgStart.slice(0, p.orgCount);
  const holding = new Int32Array(p.orgCount);
  const chosen = new Uint8Array(A);
  const free: number[] = [];
  for (let o = p.orgCount - 1; o >= 0; o--) if (p.orgCapacity[o] > 0) free.push(o);
  while (free.length > 0) {
    const o = free.pop() as number;
    while (holding[o] < p.orgCapacity[o] && nextChoice[o] < p.orgStart[o + 1]) {
      const a = prefs[nextChoice[o]++];
      const m = p.arcMentor[a];
      const cap = p.mentorCapacity[m];
      if (cap === 0) continue;
      const list = held[m];
      if (list.length < cap) {
        list.push(a);
        chosen[a] = 1;
        holding[o]++;
        continue;
      }
      let worst = 0;
      for (let i = 1; i < list.length; i++) if (worse(list[i], list[worst])) worst = i;
      if (!worse(list[worst], a)) continue; // rejected
      const out = list[worst];
      list[worst] = a;
      chosen[a] = 1;
      holding[o]++;
      chosen[out] = 0;
      const loser = arcOrg[out];
      holding[loser]--;
      free.push(loser);
    }
  }
  let totalScore = 0;
  let pairs = 0;
  for (let a = 0; a < A; a++) {
    if (chosen[a]) {
      totalScore += p.arcScore[a];
      pairs++;
    }
  }
  return { chosen, totalScore, pairs };
}
