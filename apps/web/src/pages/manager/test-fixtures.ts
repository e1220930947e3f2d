import { signedInAs } from '../../test/mock-api';

/** A programme manager of Thailand and the Philippines, signed in for a component test. */
export const asManager = () =>
  signedInAs(['PROGRAM_MANAGER'], {
    displayName: 'Mala',
    managedEconomies: [
      { code: 'TH', name: 'Thailand' },
      { code: 'PH', name: 'The Philippines' },
    ],
  });

export const ECONOMIES = [
  { code: 'PH', name: 'The Philippines' },
  { code: 'TH', name: 'Thailand' },
  { code: 'VN', name: 'Viet Nam' },
];

export const PROGRAM = {
  id: 'p1',
  name: 'Forum II — Thailand (2019)',
  economies: ['TH'],
  startsOn: '2019-01-01',
  endsOn: '2019-12-31',
  createdAt: '2019-01-01T08:00:00Z',
  cohort: { organizations: 14, mentors: 12 },
  defaultWeights: true,
  weights: { sector: 25, topics: 25, internationalization: 20, economy: 10, locality: 10, womenLed: 10 },
  rounds: [] as unknown[],
};

export const ORG = { a: 'aaaaaaaa-0000-4000-8000-000000000001', b: 'bbbbbbbb-0000-4000-8000-000000000002' };
export const MENTOR = {
  x: 'cccccccc-0000-4000-8000-000000000003',
  y: 'dddddddd-0000-4000-8000-000000000004',
  z: 'eeeeeeee-0000-4000-8000-000000000005',
};

export const NAMES: Record<string, string> = {
  [ORG.a]: 'Chiang Mai Weavers',
  [ORG.b]: 'Isan Rice Co',
  [MENTOR.x]: 'Somchai P.',
  [MENTOR.y]: 'Maria Santos',
  [MENTOR.z]: 'Kenji Ito',
};

/** Operations that look a name up by id: the add and swap forms' candidates no pair names. */
export const NAME_LOOKUPS = ['OrganizationName', 'MentorName'];

/** Answers the name look-ups of candidates that no pair names. */
export const nameHandlers = {
  OrganizationName: ({ id }: Record<string, unknown>) => ({
    organization: { id, name: NAMES[id as string] },
  }),
  MentorName: ({ id }: Record<string, unknown>) => ({
    mentorProfile: { id, displayName: NAMES[id as string] },
  }),
};

const breakdown = (sector: number) => [
  { code: 'SECTOR', points: sector, maxPoints: 25, reason: 'Same division' },
  { code: 'TOPICS', points: 20, maxPoints: 25, reason: 'Two of three topics' },
  { code: 'ECONOMY', points: 10, maxPoints: 10, reason: 'Same economy' },
  { code: 'LOCALITY', points: 6, maxPoints: 10, reason: 'Sub-regional' },
  { code: 'WOMEN_LED', points: 10, maxPoints: 10, reason: 'Women-led' },
  { code: 'INTERNATIONALIZATION', points: 12, maxPoints: 20, reason: 'One market' },
];

/** A pair as ManagerRound returns it: the names come with it. */
export const pair = (organizationId: string, mentorId: string, score: number, sector: number) => ({
  organizationId,
  organizationName: NAMES[organizationId] as string | null,
  mentorId,
  mentorName: NAMES[mentorId],
  score,
  breakdown: breakdown(sector),
});

/** Shares come exact from the API; the page rounds them once. */
export const SUMMARY = {
  candidates: 5,
  organizations: 3,
  pairs: 2,
  totalScore: 161,
  optimalTotal: 170,
  gapToOptimal: 161 / 170,
  upperBound: null,
  gapToBound: null,
  seconds: 0.12,
  unmatched: { noCandidates: 1, noCapacityLeft: 0, notChosen: 0 },
  womenLed: { cohortShare: 1 / 3, matchedShare: 0.5, required: 1 },
  nonMetropolitan: { cohortShare: 2 / 3, matchedShare: 1, required: null },
};

/** A matching round as ManagerRound returns it; `over` replaces fields. */
export function round(over: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    programId: 'p1',
    algorithm: 'GREEDY',
    status: 'PROPOSED',
    progress: 100,
    error: null,
    createdAt: '2025-03-01T09:00:00Z',
    finishedAt: '2025-03-01T09:00:02Z',
    publishedAt: null,
    maxMentorsPerOrganization: 1,
    minWomenLedShare: 0.4,
    minNonMetropolitanShare: null,
    summary: SUMMARY,
    pairs: [pair(ORG.a, MENTOR.x, 83, 25), pair(ORG.b, MENTOR.y, 78, 20)],
    ...over,
  };
}

/** The round's export: every candidate pair and the places. */
export const EXPORT = {
  candidatesCsv: [
    'organization_id,mentor_id,score,assigned',
    `${ORG.a},${MENTOR.x},83,1`,
    `${ORG.a},${MENTOR.z},70,0`,
    `${ORG.a},${MENTOR.y},60,0`,
    `${ORG.b},${MENTOR.y},78,1`,
    `${ORG.b},${MENTOR.x},75,0`,
  ].join('\n'),
  organizationsCsv: [
    'organization_id,max_mentors,women_led,non_metropolitan',
    `${ORG.a},1,1,1`,
    `${ORG.b},2,0,1`,
  ].join('\n'),
  mentorsCsv: ['mentor_id,capacity', `${MENTOR.x},2`, `${MENTOR.y},1`, `${MENTOR.z},2`].join('\n'),
};
