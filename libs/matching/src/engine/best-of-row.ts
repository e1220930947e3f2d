/**
 * The best `k` of one row of scores (-1: no shared language), skipping `allowed[i] === 0`;
 * ties go to the lower index. Linear: a count per score finds the cut-off first.
 */
export function bestOfRow(scores: Int16Array, k: number, allowed?: Uint8Array): number[] {
  const counts = new Int32Array(101);
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] >= 0 && (!allowed || allowed[i])) counts[scores[i]]++;
  }
  let cut = 100;
  let above = 0;
  while (cut > 0 && above + counts[cut] < k) above += counts[cut--];
  const picked: number[] = [];
  let atCut = k - above;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (s < cut || (allowed && !allowed[i])) continue;
    if (s === cut) {
      if (atCut === 0) continue;
      atCut--;
    }
    picked.push(i);
  }
  return picked.sort((a, b) => scores[b] - scores[a] || a - b);
}
