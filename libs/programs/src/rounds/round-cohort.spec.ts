import { DEFAULT_WEIGHTS, scoreMatch, scoredMentor, scoredOrganization } from '@app/matching';
import type { MentorSnapshot, OrganizationSnapshot } from '@app/profiles';
import { Locality } from '@app/taxonomy';
import { buildCohort, candidatesOf, type CohortSources } from './round-cohort';

const organization = (id: string, facts: Partial<OrganizationSnapshot> = {}): OrganizationSnapshot => ({
  id,
  isicDivision: '10',
  economy: 'TH',
  locality: Locality.SUB_REGIONAL,
  womenLed: false,
  prefersWomanMentor: false,
  needs: ['EXPORT'],
  targetEconomies: ['JP'],
  languages: ['en'],
  ...facts,
});
const mentor = (id: string, facts: Partial<MentorSnapshot> = {}): MentorSnapshot => ({
  id,
  economy: 'JP',
  expertiseSectors: ['10'],
  expertiseTopics: ['EXPORT'],
  economies: ['TH'],
  languages: ['en'],
  isWoman: false,
  available: true,
  ...facts,
});
const none = new Set<string>();

function sources(overrides: Partial<CohortSources> = {}): CohortSources {
  return {
    organizations: [
      organization('o1', { womenLed: true }),
      organization('o2', { locality: Locality.METROPOLITAN }),
      organization('o3', { languages: ['th'] }), // shares no language with any mentor
    ],
    mentors: [mentor('m1'), mentor('m2', { expertiseTopics: ['FINANCE'] })],
    activeMentorships: new Map([['o2', 1]]),
    mentorPlaces: new Map([
      ['m1', 2],
      ['m2', 1],
    ]),
    maxMentorsPerOrganization: 2,
    inProgress: none,
    signals: { excluded: none, orgInterested: none, mentorInterested: none },
    weights: DEFAULT_WEIGHTS,
    ...overrides,
  };
}

const arcs = (s: CohortSources) => {
  const cohort = buildCohort(s);
  return candidatesOf(cohort, new Uint8Array(cohort.problem.arcMentor.length)).map(
    (c) => `${c.organizationId}:${c.mentorId}`,
  );
};

describe('buildCohort', () => {
  it('proposes every pair passing the gates, scored under the weights, with each side’s places', () => {
    const s = sources();
    const cohort = buildCohort(s);
    expect(cohort.organizations).toEqual([
      { id: 'o1', places: 2, womenLed: true, nonMetropolitan: true, candidates: 2 },
      { id: 'o2', places: 1, womenLed: false, nonMetropolitan: false, candidates: 2 },
      { id: 'o3', places: 2, womenLed: false, nonMetropolitan: true, candidates: 0 },
    ]);
    expect(cohort.mentors).toEqual([
      { id: 'm1', places: 2 },
      { id: 'm2', places: 1 },
    ]);
    expect([...cohort.problem.orgStart]).toEqual([0, 2, 4, 4]);
    expect([...cohort.problem.arcMentor]).toEqual([0, 1, 0, 1]);
    expect([...cohort.problem.orgCapacity]).toEqual([2, 1, 2]);
    expect([...cohort.problem.mentorCapacity]).toEqual([2, 1]);
    expect([...cohort.womenLed]).toEqual([1, 0, 0]);
    expect([...cohort.nonMetropolitan]).toEqual([1, 0, 1]);
    const expected = scoreMatch(scoredOrganization(s.organizations[0]), scoredMentor(s.mentors[0]));
    expect(cohort.problem.arcScore[0]).toBe(expected!.score);
    expect([...cohort.orgRank]).toEqual([...cohort.problem.arcScore]);
  });

  it.each([
    {
      name: 'a pair already running or asked',
      overrides: { inProgress: new Set(['o1:m2']) },
      expected: ['o1:m1', 'o2:m1', 'o2:m2'],
    },
    {
      name: 'a pair either side marked NOT_INTERESTED',
      overrides: {
        signals: { excluded: new Set(['o2:m1']), orgInterested: none, mentorInterested: none },
      },
      expected: ['o1:m1', 'o1:m2', 'o2:m2'],
    },
    { name: 'nothing', overrides: {}, expected: ['o1:m1', 'o1:m2', 'o2:m1', 'o2:m2'] },
  ])('leaves out $name', ({ overrides, expected }) => {
    expect(arcs(sources(overrides))).toEqual(expected);
  });

  it.each([
    { name: 'no active mentorships', active: 0, max: 1, places: 1 },
    { name: 'one running of two wanted', active: 1, max: 2, places: 1 },
    { name: 'as many running as wanted', active: 3, max: 3, places: 0 },
    { name: 'more running than the round allows', active: 3, max: 1, places: 0 },
  ])('gives an organisation with $name its places', ({ active, max, places }) => {
    const cohort = buildCohort(
      sources({ activeMentorships: new Map([['o1', active]]), maxMentorsPerOrganization: max }),
    );
    expect(cohort.organizations[0].places).toBe(places);
  });

  it('gives a mentor it knows no places for none', () => {
    expect(buildCohort(sources({ mentorPlaces: new Map() })).mentors.map((m) => m.places)).toEqual([0, 0]);
  });

  it('ranks INTERESTED candidates first for that side only (STABLE)', () => {
    const cohort = buildCohort(
      sources({
        signals: { excluded: none, orgInterested: new Set(['o1:m2']), mentorInterested: new Set(['o2:m1']) },
      }),
    );
    const score = [...cohort.problem.arcScore];
    expect([...cohort.orgRank]).toEqual([score[0], score[1] + 1000, score[2], score[3]]);
    expect([...cohort.mentorRank]).toEqual([score[0], score[1], score[2] + 1000, score[3]]);
  });
});

describe('candidatesOf', () => {
  it('names every arc’s pair and marks the chosen ones', () => {
    const cohort = buildCohort(sources());
    const rows = candidatesOf(cohort, Uint8Array.of(1, 0, 0, 1));
    expect(rows.map((r) => [r.organizationId, r.mentorId, r.assigned])).toEqual([
      ['o1', 'm1', true],
      ['o1', 'm2', false],
      ['o2', 'm1', false],
      ['o2', 'm2', true],
    ]);
    expect(rows.map((r) => r.score)).toEqual([...cohort.problem.arcScore]);
  });
});
