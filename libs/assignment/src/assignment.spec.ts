import fc from 'fast-check';
import { solveGreedy } from './greedy';
import { InfeasibleTargetError, solveOptimal, solveTwoTargets } from './optimal';
import { evaluate, validateProblem, type AssignmentProblem } from './problem';
import { solveStable } from './stable';
import { randomProblem, solveLp } from './testing';

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
          // Brute force: the best total meeting both.
          const A = p.arcMentor.length;
          const arcOrg = new Int32Array(A);
          for (let o = 0; o < p.orgCount; o++) arcOrg.fill(o, p.orgStart[o], p.orgStart[o + 1]);
          let best: number | null = null;
          for (let mask = 0; mask < 1 << A; mask++) {
            const chosen = Uint8Array.from({ length: A }, (_, k) => (mask >> k) & 1);
            let inA = 0;
            let inB = 0;
            for (let k = 0; k < A; k++) {
              if (!chosen[k]) continue;
              inA += a[arcOrg[k]];
              inB += b[arcOrg[k]];
            }
            if (inA < countA || inB < countB) continue;
            try {
              best = Math.max(best ?? 0, evaluate(p, chosen).totalScore);
            } catch {
              // over a capacity
            }
          }
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

  it('rejects malformed problems', () => {
    const p = randomProblem({ organizations: 3, mentors: 2, candidates: 2, seed: 1 });
    expect(() => validateProblem({ ...p, arcScore: Int32Array.from(p.arcScore, () => 101) })).toThrow(
      RangeError,
    );
    expect(() => validateProblem({ ...p, orgStart: p.orgStart.subarray(1) })).toThrow(RangeError);
  });
});
