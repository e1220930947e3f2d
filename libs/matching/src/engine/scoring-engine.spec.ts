import fc from 'fast-check';
import {
  ECONOMY_CODES,
  ISIC_DIVISIONS,
  ISIC_SECTIONS,
  LANGUAGES,
  Locality,
  TOPIC_CODES,
} from '@app/taxonomy';
import type { ScoredMentor, ScoredOrganization } from '../score/match-score';
import { encodeMentors, encodeOrganizations, scoreTables } from './encoded-profiles';
import { scoredPopulation } from '@app/seed/scored-population';
import { ScoringEngine } from './scoring-engine';
import { topKReference, type TopKLists, type TopKRequest, type TopKResult } from './top-k';

const engines = new Map<number, ScoringEngine>();
const engine = (threads: number): ScoringEngine => {
  if (!engines.has(threads)) engines.set(threads, new ScoringEngine({ threads }));
  return engines.get(threads)!;
};
afterAll(() => Promise.all([...engines.values()].map((e) => e.close())));

function request(
  orgs: readonly ScoredOrganization[],
  mentors: readonly ScoredMentor[],
  options: Partial<Omit<TopKRequest, 'orgs' | 'mentors' | 'tables'>> = {},
): TopKRequest {
  return {
    orgs: encodeOrganizations(orgs),
    mentors: encodeMentors(mentors),
    tables: scoreTables(),
    k: 10,
    orgLists: true,
    mentorLists: true,
    ...options,
  };
}

const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const sameLists = (a: TopKLists | undefined, b: TopKLists | undefined): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    bytes(a.index).equals(bytes(b.index)) &&
    bytes(a.score).equals(bytes(b.score)) &&
    bytes(a.count).equals(bytes(b.count)));
const same = (a: TopKResult, b: TopKResult): boolean =>
  a.k === b.k && sameLists(a.orgs, b.orgs) && sameLists(a.mentors, b.mentors);

/** Runs the engine and the reference and expects identical bytes (readable diff when not). */
async function expectSameAsReference(req: TopKRequest, threads: number): Promise<void> {
  const expected = topKReference(req);
  const actual = await engine(threads).topK(req);
  if (!same(actual, expected)) {
    const plain = (r: TopKResult) => ({
      k: r.k,
      orgs: r.orgs && { index: [...r.orgs.index], score: [...r.orgs.score], count: [...r.orgs.count] },
      mentors: r.mentors && {
        index: [...r.mentors.index],
        score: [...r.mentors.score],
        count: [...r.mentors.count],
      },
    });
    expect(plain(actual)).toEqual(plain(expected));
  }
}

describe('ScoringEngine', () => {
  describe.each([1, 2])('with %i thread(s)', (threads) => {
    it.each([1, 2, 3])('equals topKReference on seeded population %i', async (seed) => {
      // 203 mentors: the last block of 16 is padding.
      const { orgs, mentors } = scoredPopulation(seed, 120, 203);
      await expectSameAsReference(request(orgs, mentors, { k: 12 }), threads);
    });

    it('equals topKReference on edge cases', async () => {
      const { orgs, mentors } = scoredPopulation(5, 40, 37);
      const cases: Array<[string, TopKRequest]> = [
        ['k = 1', request(orgs, mentors, { k: 1 })],
        ['fewer mentors than k', request(orgs, mentors.slice(0, 7), { k: 20 })],
        ['k = 1000', request(orgs.slice(0, 5), mentors, { k: 1000 })],
        [
          'an eligibility mask',
          request(orgs, mentors, { mentorEligible: Uint8Array.from(mentors, (_, m) => (m % 4) & 1) }),
        ],
        ['no eligible mentor', request(orgs, mentors, { mentorEligible: new Uint8Array(mentors.length) })],
        ['organisation lists only', request(orgs, mentors, { mentorLists: false })],
        ['mentor lists only', request(orgs, mentors, { orgLists: false })],
        ['neither', request(orgs, mentors, { orgLists: false, mentorLists: false })],
        ['no organisations', request([], mentors)],
        ['no mentors', request(orgs, [])],
        ['an organisation without languages', request([{ ...orgs[0], languages: [] }, orgs[1]], mentors)],
        // Identical profiles: every score ties, so lower indices win everywhere.
        ['many ties', request(Array(30).fill(orgs[0]), Array(50).fill(mentors[0]), { k: 7 })],
      ];
      for (const [name, req] of cases) {
        try {
          await expectSameAsReference(req, threads);
        } catch (err) {
          throw new Error(`${name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
      }
    });
  });

  it('equals topKReference on random populations, for any thread count (property)', async () => {
    // Small pools of codes so that sectors, economies and languages often coincide; languages on
    // both sides of the 32-bit split; sets large enough to use the kernel's wide ratio lookups.
    const langs = LANGUAGES.map((l) => l.code).filter((_, i) => [0, 7, 31, 32, 45].includes(i));
    const divisions = ISIC_DIVISIONS.filter((_, i) => i % 11 === 0 || i > 85).map((d) => d.code);
    const sectors = [...divisions, ...ISIC_SECTIONS.slice(0, 4).map((s) => s.code)];
    const economies = ECONOMY_CODES.slice(0, 6);
    const org: fc.Arbitrary<ScoredOrganization> = fc.record({
      isicDivision: fc.constantFrom(...divisions),
      economy: fc.constantFrom(...economies),
      locality: fc.constantFrom(...Object.values(Locality)),
      womenLed: fc.boolean(),
      prefersWomanMentor: fc.boolean(),
      needs: fc.oneof(fc.subarray([...TOPIC_CODES]), fc.constant([...TOPIC_CODES])),
      targetEconomies: fc.oneof(fc.subarray([...ECONOMY_CODES]), fc.constant([...ECONOMY_CODES])),
      languages: fc.subarray(langs, { maxLength: 3 }),
    });
    const mentor: fc.Arbitrary<ScoredMentor> = fc.record({
      expertiseSectors: fc.subarray(sectors, { maxLength: 4 }),
      expertiseTopics: fc.subarray([...TOPIC_CODES]),
      economy: fc.constantFrom(...economies),
      economies: fc.oneof(fc.subarray(economies), fc.subarray([...ECONOMY_CODES])),
      languages: fc.subarray(langs, { minLength: 1, maxLength: 3 }),
      isWoman: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(org, { maxLength: 40 }),
        fc.array(mentor, { maxLength: 70 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        fc.constantFrom([true, true], [true, false], [false, true]),
        async (orgs, mentors, k, threads, masked, [orgLists, mentorLists]) => {
          const mentorEligible = masked ? Uint8Array.from(mentors, (_, m) => ((m * 7) % 3) & 1) : undefined;
          const req = request(orgs, mentors, { k, orgLists, mentorLists, mentorEligible });
          expect(same(await engine(threads).topK(req), topKReference(req))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reports progress up to 1, in order', async () => {
    const { orgs, mentors } = scoredPopulation(8, 2000, 64);
    const seen: number[] = [];
    await engine(2).topK(request(orgs, mentors), (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('rejects a bad request with a clear error and keeps working', async () => {
    const { orgs, mentors } = scoredPopulation(9, 10, 20);
    const req = request(orgs, mentors);
    await expect(engine(2).topK({ ...req, k: 0 })).rejects.toThrow(
      'k must be a whole number from 1 to 1000 (got 0)',
    );
    await expect(engine(2).topK({ ...req, mentorEligible: new Uint8Array(3) })).rejects.toThrow(
      /mentorEligible has 3 entries/,
    );
    await expectSameAsReference(req, 2);
    expect(() => new ScoringEngine({ threads: 0 })).toThrow(/threads must be/);
  });

  it('runs calls one after another and ends its threads on close (idempotent)', async () => {
    const { orgs, mentors } = scoredPopulation(10, 30, 40);
    const own = new ScoringEngine({ threads: 2 });
    const threads = (): number => (own as unknown as { workers: unknown[] }).workers.length;
    const req = request(orgs, mentors);
    const [a, b] = await Promise.all([own.topK(req), own.topK({ ...req, k: 3 })]);
    expect(same(a, topKReference(req))).toBe(true);
    expect(same(b, topKReference({ ...req, k: 3 }))).toBe(true);
    expect(threads()).toBe(2);
    await own.close();
    await own.close();
    expect(threads()).toBe(0);
    // A later call starts new threads.
    expect(same(await own.topK(req), a)).toBe(true);
    await own.close();
  });
});
