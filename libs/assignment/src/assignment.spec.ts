import fc from 'fast-check';
import { TWO_TARGETS_MAX_GAP, solveBothTargets } from './exact-targets';
import { solveGreedy } from './greedy';
import { InfeasibleTargetError, solveOptimal, solveTwoTargets } from './optimal';
import { evaluate, validateProblem, type AssignmentProblem } from './problem';
import { solveStable } from './stable';
import { randomProblem, solveLp } from '../testing';

/** Small problems: every organisation's candidates are distinct mentors. */
const problems = (maxOrgs: number, maxMentors: number) =>
  fc
    .record({
      mentorCaps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: maxMentors }),
      orgs: fc.array(
        fc.record({
          cap: fc.integer({ min: 0, max: 3 }),
          candidates: fc.array(fc.tuple(fc.nat(maxMentors - 1), fc.integer({ min: 0, max: 100 })), {
            maxLength: maxMentors,
          }),
        }),
        { minLength: 1, maxLength: maxOrgs },
      ),
    })
    .map(({ mentorCaps, orgs }): AssignmentProblem => {
      const starts = [0];
      const mentors: number[] = [];
      const scores: number[] = [];
      for (const org of orgs) {
        const seen = new Set<number>();
        for (const [m, score] of org.candidates) {
          const mentor = m % mentorCaps.length;
          if (seen.has(mentor)) continue;
          seen.add(mentor);
          mentors.push(mentor);
          scores.push(score);
        }
        starts.push(mentors.length);
      }
      return {
        orgCount: orgs.length,
        mentorCount: mentorCaps.length,
        orgStart: Int32Array.from(starts),
        arcMentor: Int32Array.from(mentors),
        arcScore: Int32Array.from(scores),
        orgCapacity: Int32Array.from(orgs.map((o) => o.cap)),
        mentorCapacity: Int32Array.from(mentorCaps),
      };
    });

/** The best total over every subset of arcs that fits the capacities. */
function bruteForce(p: AssignmentProblem): number {
  const A = p.arcMentor.length;
  let best = 0;
  for (let mask = 0; mask < 1 << A; mask++) {
    const chosen = new Uint8Array(A);
    for (let a = 0; a < A; a++) chosen[a] = (mask >> a) & 1;
    try {
      best = Math.max(best, evaluate(p, chosen).totalScore);
    } catch {
      // over a capacity
    }
  }
  return best;
}

/** The best total with at least `count` pairs of the group, and the most group pairs possible. */
function bruteForceWithMinimum(
  p: AssignmentProblem,
  group: Uint8Array,
  count: number,
): { best: number | null; reachable: number } {
  const A = p.arcMentor.length;
  const arcOrg = new Int32Array(A);
  for (let o = 0; o < p.orgCount; o++) arcOrg.fill(o, p.orgStart[o], p.orgStart[o + 1]);
  let best: number | null = null;
  let reachable = 0;
  for (let mask = 0; mask < 1 << A; mask++) {
    const chosen = new Uint8Array(A);
    let inGroup = 0;
    for (let a = 0; a < A; a++) {
      chosen[a] = (mask >> a) & 1;
      if (chosen[a] && group[arcOrg[a]]) inGroup++;
    }
    let total: number;
    try {
      total = evaluate(p, chosen).totalScore;
    } catch {
      continue;
    }
    reachable = Math.max(reachable, inGroup);
    if (inGroup >= count) best = Math.max(best ?? 0, total);
  }
  return { best, reachable };
}

/** Pairs not chosen that both sides would rather have (the stable matching must have none). */
function blockingPairs(p: AssignmentProblem, chosen: Uint8Array): number[] {
  const orgHeld: number[][] = Array.from({ length: p.orgCount }, () => []);
  const mentorHeld: number[][] = Array.from({ length: p.mentorCount }, () => []);
  const arcOrg = new Int32Array(p.arcMentor.length);
  for (let o = 0; o < p.orgCount; o++) {
    for (let a = p.orgStart[o]; a < p.orgStart[o + 1]; a++) {
      arcOrg[a] = o;
      if (chosen[a]) {
        orgHeld[o].push(a);
        mentorHeld[p.arcMentor[a]].push(a);
      }
    }
  }
  // Preference: score, then the lower index on the other side.
  const orgPrefers = (a: number, b: number) =>
    p.arcScore[a] > p.arcScore[b] || (p.arcScore[a] === p.arcScore[b] && p.arcMentor[a] < p.arcMentor[b]);
  const mentorPrefers = (a: number, b: number) =>
    p.arcScore[a] > p.arcScore[b] || (p.arcScore[a] === p.arcScore[b] && arcOrg[a] < arcOrg[b]);
  const blocking: number[] = [];
  for (let a = 0; a < p.arcMentor.length; a++) {
    if (chosen[a]) continue;
    const o = arcOrg[a];
    const m = p.arcMentor[a];
    const orgWants =
      p.orgCapacity[o] > 0 &&
      (orgHeld[o].length < p.orgCapacity[o] || orgHeld[o].some((b) => orgPrefers(a, b)));
    const mentorWants =
      p.mentorCapacity[m] > 0 &&
      (mentorHeld[m].length < p.mentorCapacity[m] || mentorHeld[m].some((b) => mentorPrefers(a, b)));
    if (orgWants && mentorWants) blocking.push(a);
  }
  return blocking;
}

/**
 * Exhaustive search (organisation by organisation, every set of its candidates within both
 * sides' capacities): the best total meeting both minimums, or null.
 */
function bestMeetingBoth(
  p: AssignmentProblem,
  a: Uint8Array,
  countA: number,
  b: Uint8Array,
  countB: number,
): number | null {
  const left = Int32Array.from(p.mentorCapacity);
  let best: number | null = null;
  const visit = (o: number, total: number, inA: number, inB: number): void => {
    if (o === p.orgCount) {
      if (inA >= countA && inB >= countB) best = Math.max(best ?? 0, total);
      return;
    }
    const start = p.orgStart[o];
    const n = p.orgStart[o + 1] - start;
    for (let mask = 0; mask < 1 << n; mask++) {
      let size = 0;
      let score = 0;
      let fits = true;
      for (let k = 0; k < n; k++) {
        if (!((mask >> k) & 1)) continue;
        size++;
        score += p.arcScore[start + k];
        if (left[p.arcMentor[start + k]] <= 0) fits = false;
      }
      if (!fits || size > p.orgCapacity[o]) continue;
      for (let k = 0; k < n; k++) if ((mask >> k) & 1) left[p.arcMentor[start + k]]--;
      visit(o + 1, total + score, inA + size * a[o], inB + size * b[o]);
      for (let k = 0; k < n; k++) if ((mask >> k) & 1) left[p.arcMentor[start + k]]++;
    }
  };
  visit(0, 0, 0, 0);
  return best;
}

describe('assignment solvers', () => {
  it('OPTIMAL finds the best total of every capacity-feasible set (brute force, small problems)', () => {
    fc.assert(
      fc.property(
        problems(5, 4).filter((p) => p.arcMentor.length <= 12),
        (p) => {
          validateProblem(p);
          const result = solveOptimal(p);
          expect(evaluate(p, result.chosen).totalScore).toBe(result.totalScore);
          expect(result.totalScore).toBe(bruteForce(p));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('OPTIMAL equals the LP optimum (HiGHS) on larger random problems', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const p = randomProblem({ organizations: 300, mentors: 60, candidates: 8, seed });
      const optimal = solveOptimal(p);
      evaluate(p, optimal.chosen);
      expect(optimal.totalScore).toBe(await solveLp(p));
    }
  });

  it('GREEDY and STABLE respect capacities and never beat OPTIMAL; STABLE has no blocking pair', () => {
    fc.assert(
      fc.property(problems(8, 6), (p) => {
        const optimal = solveOptimal(p).totalScore;
        for (const result of [solveGreedy(p), solveStable(p)]) {
          expect(evaluate(p, result.chosen)).toEqual(result);
          expect(result.totalScore).toBeLessThanOrEqual(optimal);
        }
        expect(blockingPairs(p, solveStable(p).chosen)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('OPTIMAL with a minimum of group pairs is exact, or says how many are reachable (brute force)', () => {
    fc.assert(
      fc.property(
        problems(5, 4).filter((p) => p.arcMentor.length <= 12),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 6 }),
        (p, flags, count) => {
          const group = Uint8Array.from({ length: p.orgCount }, (_, o) => (flags[o] ? 1 : 0));
          const expected = bruteForceWithMinimum(p, group, count);
          if (expected.best === null) {
            expect(() => solveOptimal(p, { minimum: { group, count } })).toThrow(InfeasibleTargetError);
            try {
              solveOptimal(p, { minimum: { group, count } });
            } catch (err) {
              expect((err as InfeasibleTargetError).reachable).toBe(expected.reachable);
            }
            return;
          }
          const result = solveOptimal(p, { minimum: { group, count } });
          expect(evaluate(p, result.chosen).totalScore).toBe(result.totalScore);
          expect(result.groupPairs).toBeGreaterThanOrEqual(count);
          expect(result.totalScore).toBe(expected.best);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('OPTIMAL with a minimum equals the LP optimum with that row (HiGHS) on larger problems', async () => {
    for (const seed of [5, 6, 7]) {
      const p = randomProblem({ organizations: 300, mentors: 60, candidates: 8, seed });
      const group = Uint8Array.from({ length: p.orgCount }, (_, o) => (o % 3 === 0 ? 1 : 0));
      const free = solveOptimal(p);
      // Half the pairs for a third of the organisations: binding.
      const count = Math.ceil(free.pairs * 0.5);
      expect(free.groupPairs).toBeLessThan(count);
      const result = solveOptimal(p, { minimum: { group, count } });
      expect(result.groupPairs).toBeGreaterThanOrEqual(count);
      evaluate(p, result.chosen);
      expect(result.totalScore).toBe(await solveLp(p, { group, count }));
      expect(result.totalScore).toBeLessThanOrEqual(free.totalScore);
    }
  });

  it('two targets: meets both when possible, never beats the optimum, and bounds it from above (brute force)', () => {
    fc.assert(
      fc.property(
        problems(5, 4).filter((p) => p.arcMentor.length <= 12),
        fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 4 }),
        (p, flags, countA, countB) => {
          const a = Uint8Array.from({ length: p.orgCount }, (_, o) => (flags[o][0] ? 1 : 0));
          const b = Uint8Array.from({ length: p.orgCount }, (_, o) => (flags[o][1] ? 1 : 0));
          const best = bestMeetingBoth(p, a, countA, b, countB);
          let result;
          try {
            result = solveTwoTargets(p, { group: a, count: countA }, { group: b, count: countB });
          } catch (err) {
            expect(err).toBeInstanceOf(InfeasibleTargetError);
            expect(best).toBeNull();
            return;
          }
          expect(best).not.toBeNull();
          expect(evaluate(p, result.chosen).totalScore).toBe(result.totalScore);
          expect(result.groupPairs[0]).toBeGreaterThanOrEqual(countA);
          expect(result.groupPairs[1]).toBeGreaterThanOrEqual(countB);
          expect(result.totalScore).toBeLessThanOrEqual(best!);
          expect(result.upperBound).toBeGreaterThanOrEqual(best!);
          expect(result.gap).toBeCloseTo(
            (result.upperBound - result.totalScore) / Math.max(1, result.upperBound),
            10,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('both targets: exact on small rounds (HiGHS MIP where the Lagrangian gap is wider than 0.1 %)', async () => {
    let mip = 0;
    let checked = 0;
    for (const organizations of [4, 5, 6]) {
      for (let seed = 1; seed <= 150; seed++) {
        const p = randomProblem({
          organizations,
          mentors: Math.max(2, organizations >> 1),
          candidates: 3,
          seed,
          mentorCapacity: [1, 2],
        });
        const a = Uint8Array.from({ length: organizations }, (_, o) => ((o * 7 + seed) % 3 === 0 ? 1 : 0));
        const b = Uint8Array.from({ length: organizations }, (_, o) => ((o * 5 + seed) % 2 === 0 ? 1 : 0));
        const free = solveOptimal(p);
        const first = { group: a, count: Math.ceil(free.pairs * 0.4) };
        const second = { group: b, count: Math.ceil(free.pairs * 0.6) };
        const best = bestMeetingBoth(p, a, first.count, b, second.count);
        let result;
        try {
          result = await solveBothTargets(p, first, second);
        } catch (err) {
          expect(err).toBeInstanceOf(InfeasibleTargetError);
          expect(best).toBeNull();
          continue;
        }
        checked++;
        if (result.method === 'MIP') mip++;
        expect(result.totalScore).toBe(best);
        expect(result.gap).toBe(0);
        expect(evaluate(p, result.chosen).totalScore).toBe(result.totalScore);
        expect(result.groupPairs[0]).toBeGreaterThanOrEqual(first.count);
        expect(result.groupPairs[1]).toBeGreaterThanOrEqual(second.count);
      }
    }
    // Most are proven by the Lagrangian bound alone; the rest need (and get) the MIP.
    expect(checked).toBeGreaterThan(300);
    expect(mip).toBeGreaterThan(0);
  });

  it('both targets on a round of thousands of pairs: within 0.1 % of the bound without the MIP', async () => {
    const p = randomProblem({ organizations: 3000, mentors: 600, candidates: 10, seed: 11 });
    const women = Uint8Array.from({ length: p.orgCount }, (_, o) => (o % 2 === 0 ? 1 : 0));
    const local = Uint8Array.from({ length: p.orgCount }, (_, o) => (o % 5 < 2 ? 1 : 0));
    const free = solveOptimal(p);
    const first = { group: women, count: Math.ceil(free.pairs * 0.55) };
    const second = { group: local, count: Math.ceil(free.pairs * 0.45) };
    const result = await solveBothTargets(p, first, second, { maxMipArcs: 0 });
    expect(result.method).toBe('LAGRANGIAN');
    expect(result.groupPairs[0]).toBeGreaterThanOrEqual(first.count);
    expect(result.groupPairs[1]).toBeGreaterThanOrEqual(second.count);
    expect(evaluate(p, result.chosen).totalScore).toBe(result.totalScore);
    expect(result.gap).toBeLessThanOrEqual(TWO_TARGETS_MAX_GAP);
  });

  it('rejects malformed problems', () => {
    const p = randomProblem({ organizations: 3, mentors: 2, candidates: 2, seed: 1 });
    expect(() => validateProblem({ ...p, arcScore: Int32Array.from(p.arcScore, () => 101) })).toThrow(
      RangeError,
    );
    expect(() => validateProblem({ ...p, orgStart: p.orgStart.subarray(1) })).toThrow(RangeError);
  });
});
