/** Shared data for the owner pages' component tests (answers as the API would send them). */

export const REFERENCE = {
  economies: [
    { code: 'ID', name: 'Indonesia' },
    { code: 'MY', name: 'Malaysia' },
    { code: 'SG', name: 'Singapore' },
  ],
  sectors: [
    {
      code: 'A',
      title: 'Agriculture, forestry and fishing',
      divisions: [{ code: '01', title: 'Crop and animal production' }],
    },
    {
      code: 'C',
      title: 'Manufacturing',
      divisions: [
        { code: '10', title: 'Manufacture of food products' },
        { code: '13', title: 'Manufacture of textiles' },
      ],
    },
  ],
  languages: [
    { code: 'en', name: 'English' },
    { code: 'id', name: 'Indonesian' },
  ],
  expertiseTopics: [
    { code: 'EXPORT', label: 'Export and internationalisation' },
    { code: 'MARKETING', label: 'Marketing and branding' },
  ],
};

export const ORGANIZATION = {
  id: 'org-1',
  name: 'Kopi Lestari',
  description: 'Single-origin coffee from Flores.',
  kind: 'MSME',
  isicDivision: {
    code: '10',
    title: 'Manufacture of food products',
    section: { code: 'C', title: 'Manufacturing' },
  },
  economy: { code: 'ID', name: 'Indonesia' },
  city: 'Ende',
  locality: 'RURAL',
  cluster: null,
  employees: 12,
  sizeClass: 'SMALL',
  foundedYear: 2015,
  womenOwnershipPercent: 60,
  womanInTopManagement: true,
  boardWomenPercent: null,
  womenOwned: true,
  womenLed: true,
  youthLed: false,
  socialEnterprise: false,
  prefersWomanMentor: false,
  mentorsWanted: 1,
  needs: [{ code: 'EXPORT', label: 'Export and internationalisation' }],
  targetEconomies: [{ code: 'SG', name: 'Singapore' }],
  languages: [
    { code: 'en', name: 'English' },
    { code: 'id', name: 'Indonesian' },
  ],
  openRequests: 1,
  activeMentorships: 0,
  owner: { id: 'user-1' },
  updatedAt: '2025-01-10T08:00:00.000Z',
};

const mentor = (
  id: string,
  displayName: string,
  economy: { code: string; name: string },
  languages: string[],
) => ({
  id,
  displayName,
  headline: `${displayName}, export adviser`,
  bio: '',
  yearsOfExperience: 12,
  economy,
  economies: [{ code: 'SG', name: 'Singapore' }],
  languages: languages.map((code) => REFERENCE.languages.find((l) => l.code === code)!),
  expertiseTopics: [{ code: 'EXPORT', label: 'Export and internationalisation' }],
  expertiseSectors: [{ code: 'C', title: 'Manufacturing' }],
});

export const RECOMMENDATIONS = [
  {
    score: 82,
    computedAt: '2025-01-10T08:00:00.000Z',
    interest: null,
    breakdown: [
      { code: 'SECTOR', points: 25, maxPoints: 25, reason: 'Same ISIC division (10)' },
      { code: 'ECONOMY', points: 10, maxPoints: 10, reason: 'Based in Indonesia' },
      {
        code: 'INTERNATIONALIZATION',
        points: 20,
        maxPoints: 20,
        reason: 'Has worked in 1 of 1 target markets',
      },
      { code: 'WOMEN_LED', points: 10, maxPoints: 10, reason: 'Women-led organisation' },
      { code: 'TOPICS', points: 7, maxPoints: 25, reason: 'Knows 1 of 1 needed topics' },
      { code: 'LOCALITY', points: 10, maxPoints: 10, reason: 'Rural organisation' },
    ],
    mentor: mentor('mentor-1', 'Dewi Santoso', { code: 'ID', name: 'Indonesia' }, ['en', 'id']),
  },
  {
    score: 35,
    computedAt: '2025-01-10T08:00:00.000Z',
    interest: null,
    breakdown: [
      { code: 'SECTOR', points: 15, maxPoints: 25, reason: 'Same ISIC section (C)' },
      { code: 'ECONOMY', points: 0, maxPoints: 10, reason: 'Not based or worked in Indonesia' },
      {
        code: 'INTERNATIONALIZATION',
        points: 0,
        maxPoints: 20,
        reason: 'Has worked in none of the target markets',
      },
      { code: 'WOMEN_LED', points: 10, maxPoints: 10, reason: 'Women-led organisation' },
      { code: 'TOPICS', points: 0, maxPoints: 25, reason: 'Knows none of the needed topics' },
      { code: 'LOCALITY', points: 10, maxPoints: 10, reason: 'Rural organisation' },
    ],
    mentor: mentor('mentor-2', 'Tan Wei Ming', { code: 'SG', name: 'Singapore' }, ['en']),
  },
];

export function mentorship(overrides: Record<string, unknown> = {}) {
  return {
    id: 'ms-1',
    status: 'ACTIVE',
    startedAt: '2025-01-02T09:00:00.000Z',
    endedAt: null,
    endReason: null,
    mentor: {
      id: 'mentor-1',
      displayName: 'Dewi Santoso',
      headline: 'Export adviser',
      economy: { code: 'ID', name: 'Indonesia' },
    },
    organization: {
      id: 'org-1',
      name: 'Kopi Lestari',
      city: 'Ende',
      economy: { code: 'ID', name: 'Indonesia' },
      owner: { id: 'user-1', displayName: 'Siti' },
    },
    goals: [
      {
        id: 'goal-1',
        title: 'Find a distributor in Singapore',
        status: 'OPEN',
        createdAt: '2025-01-02T09:00:00.000Z',
        updatedAt: '2025-01-02T09:00:00.000Z',
      },
    ],
    sessions: [],
    feedback: [],
    outcomes: [],
    ...overrides,
  };
}
