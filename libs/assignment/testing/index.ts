import { lpModel } from '../src/lp-model';
import type { AssignmentProblem } from '../src/problem';

/** Deterministic 32-bit generator (mulberry32) for reproducible problems. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random problem shaped like a matching round: each organisation has `candidates` distinct
 * mentors with scores spread like the engine's (most in 30-80), wants 1-3 mentors, and mentors
 * have 1-5 places. For specs and benchmarks; not exported from the library index.
 */
export function randomProblem(options: {
  organizations: number;
  mentors: number;
  candidates: number;
  seed: number;
  /** Mentor capacity range (default 1-5). */
  mentorCapacity?: [number, number];
}): AssignmentProblem {
  const random = generator(options.seed);
  const { organizations: O, mentors: M } = options;
  const k = Math.min(options.candidates, M);
  const orgStart = new Int32Array(O + 1);
  const arcMentor = new Int32Array(O * k);
  const arcScore = new Int32Array(O * k);
  const orgCapacity = new Int32Array(O);
  const picked = new Int32Array(M).fill(-1);
  for (let o = 0; o < O; o++) {
    orgStart[o] = o * k;
    orgCapacity[o] = 1 + Math.floor(random() * 3 * random());
    for (let c = 0; c < k; c++) {
      let m: number;
      do m = Math.floor(random() * M);
      while (picked[m] === o);
      picked[m] = o;
      arcMentor[o * k + c] = m;
      arcScore[o * k + c] = Math.max(
        0,
        Math.min(100, Math.round(55 + 18 * (random() + random() + random() - 1.5) * 2)),
      );
    }
  }
  orgStart[O] = O * k;
  const [low, high] = options.mentorCapacity ?? [1, 5];
  const mentorCapacity = Int32Array.from({ length: M }, () => low + Math.floor(random() * (high - low + 1)));
  return { orgCount: O, mentorCount: M, orgStart, arcMentor, arcScore, orgCapacity, mentorCapacity };
}

/**
 * The optimum of the LP relaxation by HiGHS (WebAssembly): the constraint matrix of a bipartite
 * b-matching is totally unimodular, so it equals the integer optimum. An independent check.
 */
export async function solveLp(
  p: AssignmentProblem,
  minimum?: { group: Uint8Array; count: number },
): Promise<number> {
  const highs = await (await import('highs')).default();
  const result = highs.solve(lpModel(p, minimum ? [minimum] : []));
  if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
  return Math.round(result.ObjectiveValue);
}
