import {
  DEFAULT_WEIGHTS,
  scoreMatch,
  type ScoredMentor,
  type ScoredOrganization,
} from '../score/match-score';
import { encodeMentors, encodeOrganizations, scoreTables } from './encoded-profiles';
import { scoredPopulation } from '@app/seed/scored-population';
import { topKReference, type TopKLists, type TopKRequest } from './top-k';

type List = Array<[score: number, index: number]>;

/** Lists as [score, index] pairs, checking that unused entries are zero. */
function asLists(lists: TopKLists, n: number, k: number): List[] {
  expect(lists.count.length).toBe(n);
  expect(lists.index.length).toBe(n * k);
  expect(lists.score.length).toBe(n * k);
  return Array.from({ length: n }, (_, i) => {
    const list: List = [];
    for (let j = 0; j < k; j++) {
      if (j < lists.count[i]) list.push([lists.score[i * k + j], lists.index[i * k + j]]);
      else if (lists.score[i * k + j] !== 0 || lists.index[i * k + j] !== 0) throw new Error('dirty tail');
    }
    return list;
  });
}

/** The best k by scoreMatch: score desc, then index asc; gated pairs never listed. */
function bruteForce(candidates: Array<{ score: number | undefined; index: number }>, k: number): List {
  return candidates
    .filter((c): c is { score: number; index: number } => c.score !== undefined)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, k)
    .map((c) => [c.score, c.index]);
}

function request(orgs: ScoredOrganization[], mentors: ScoredMentor[], k: number, eligible?: Uint8Array) {
  return {
    orgs: encodeOrganizations(orgs),
    mentors: encodeMentors(mentors),
    tables: scoreTables(),
    k,
    orgLists: true,
    mentorLists: true,
    mentorEligible: eligible,
  } satisfies TopKRequest;
}

describe('topKReference', () => {
  const { orgs, mentors } = scoredPopulation(11, 70, 90);
  // An organisation no mentor can talk to.
  orgs.push({ ...orgs[0], languages: [] });
  const score = (o: number, m: number): number | undefined =>
    scoreMatch(orgs[o], mentors[m], DEFAULT_WEIGHTS)?.score;

  it.each([
    ['k = 5', 5, undefined],
    ['k = 1', 1, undefined],
    ['k larger than any list', 200, undefined],
    ['an eligibility mask', 8, Uint8Array.from(mentors, (_, m) => (m % 3 === 0 ? 0 : 1))],
  ])('gives the best k of scoreMatch for each side, %s', (_, k, eligible) => {
    const result = topKReference(request(orgs, mentors, k, eligible));
    expect(result.k).toBe(k);
    const orgLists = asLists(result.orgs!, orgs.length, k);
    orgs.forEach((_o, o) => {
      const candidates = mentors.map((_m, m) => ({
        score: eligible && !eligible[m] ? undefined : score(o, m),
        index: m,
      }));
      expect(orgLists[o]).toEqual(bruteForce(candidates, k));
    });
    const mentorLists = asLists(result.mentors!, mentors.length, k);
    mentors.forEach((_m, m) => {
      // Eligibility only filters organisations' lists.
      const candidates = orgs.map((_o, o) => ({ score: score(o, m), index: o }));
      expect(mentorLists[m]).toEqual(bruteForce(candidates, k));
    });
    expect(orgLists[orgs.length - 1]).toEqual([]);
  });

  it('keeps only the lists asked for', () => {
    const both = request(orgs, mentors, 3);
    expect(Object.keys(topKReference({ ...both, mentorLists: false }))).toEqual(['k', 'orgs']);
    expect(Object.keys(topKReference({ ...both, orgLists: false }))).toEqual(['k', 'mentors']);
  });

  it('rejects requests it cannot answer exactly', () => {
    const base = request(orgs.slice(0, 3), mentors.slice(0, 4), 3);
    expect(() => topKReference({ ...base, k: 0 })).toThrow(/k must be a whole number from 1 to 1000/);
    expect(() => topKReference({ ...base, k: 1001 })).toThrow(/k must be/);
    expect(() => topKReference({ ...base, k: 2.5 })).toThrow(/k must be/);
    expect(() => topKReference({ ...base, mentorEligible: new Uint8Array(3) })).toThrow(
      /mentorEligible has 3 entries for 4 mentors/,
    );
    const heavy = scoreTables({ ...DEFAULT_WEIGHTS, sector: 250 });
    expect(() => topKReference({ ...base, tables: heavy })).toThrow(/up to 254/);
  });
});
