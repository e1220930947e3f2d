import { buildMentorRecord, buildOrganizationRecord, Gender } from '@app/profiles';
import { Random, generatePopulation } from '@app/seed';
import {
  DEFAULT_WEIGHTS,
  scoreMatch,
  type ScoredMentor,
  type ScoredOrganization,
} from '../score/match-score';
import { Pacer } from '@app/common';
import {
  encodeMentors,
  encodeOrganizations,
  encodePaced,
  popcount,
  scoreEncoded,
  scoreTables,
} from './encoded-profiles';

/** A realistic population from the seed generator, with the flags it does not set drawn at random. */
function population(seed: number, organizations: number, mentors: number) {
  const random = new Random(seed);
  const p = generatePopulation({ organizations, mentors, seed });
  const orgs: ScoredOrganization[] = p.organizations.map(({ fields }) => {
    const record = buildOrganizationRecord(fields).record!;
    return { ...record, prefersWomanMentor: random.chance(0.2) };
  });
  const ms: ScoredMentor[] = p.mentors.map(({ fields }) => {
    const record = buildMentorRecord(fields).record!;
    return { ...record, isWoman: record.gender === Gender.WOMAN };
  });
  return { orgs, ms };
}

describe('encoded profiles', () => {
  it('popcount counts bits of 32-bit words', () => {
    expect([0, 1, 0b1011, 0xffffffff, 0x80000000].map(popcount)).toEqual([0, 1, 3, 32, 1]);
  });

  it.each([
    ['default weights', DEFAULT_WEIGHTS],
    [
      'custom weights',
      { sector: 40, economy: 5, internationalization: 15, womenLed: 15, topics: 20, locality: 5 },
    ],
  ])('gives exactly scoreMatch’s score (or its gate) for every pair of a population, %s', (_, weights) => {
    const { orgs, ms } = population(7, 150, 120);
    const eo = encodeOrganizations(orgs, weights);
    const em = encodeMentors(ms);
    const tables = scoreTables(weights);
    let gated = 0;
    for (let o = 0; o < orgs.length; o++) {
      for (let m = 0; m < ms.length; m++) {
        const expected = scoreMatch(orgs[o], ms[m], weights);
        const actual = scoreEncoded(eo, em, o, m, tables);
        if (expected === null) gated++;
        if (actual !== (expected?.score ?? -1)) {
          throw new Error(`pair ${o}/${m}: encoded ${actual}, scoreMatch ${expected?.score ?? -1}`);
        }
      }
    }
    // The population exercises the language gate too.
    expect(gated).toBeGreaterThan(0);
    expect(gated).toBeLessThan(orgs.length * ms.length);
  });
});

describe('encodePaced', () => {
  it('encodes slice by slice into exactly what encoding the whole gives', async () => {
    const { orgs, ms: mentors } = population(5, 1203, 517);
    const pacer = new Pacer(1, 0); // a pause after every slice
    expect(await encodePaced(orgs, (s) => encodeOrganizations(s), pacer, 100)).toEqual(
      encodeOrganizations(orgs),
    );
    expect(await encodePaced(mentors, encodeMentors, pacer, 64)).toEqual(encodeMentors(mentors));
    expect(await encodePaced([], encodeMentors, pacer)).toEqual(encodeMentors([]));
  });
});
