/** A valid createOrganization input; override what a test cares about. */
export function organizationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Chiang Mai Coffee Roasters',
    kind: 'MSME',
    isicDivision: '10',
    economy: 'TH',
    city: 'Chiang Mai',
    locality: 'SUB_REGIONAL',
    employees: 12,
    foundedYear: 2012,
    womenOwnershipPercent: 60,
    womanInTopManagement: true,
    boardWomenPercent: null,
    needs: ['EXPORT', 'E_COMMERCE'],
    targetEconomies: ['JP', 'SG'],
    languages: ['th', 'en'],
    ...overrides,
  };
}

/** A valid upsertMentorProfile input. */
export function mentorInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    headline: 'Export strategy for food SMEs',
    bio: 'Twenty years in regional food exports.',
    economy: 'JP',
    expertiseSectors: ['10', 'G'],
    expertiseTopics: ['EXPORT', 'MARKETING'],
    economies: ['JP', 'TH'],
    languages: ['ja', 'en'],
    capacity: 3,
    acceptingRequests: true,
    yearsOfExperience: 20,
    gender: 'WOMAN',
    ...overrides,
  };
}

export const ORGANIZATION_FIELDS = `
  id name kind city locality employees sizeClass foundedYear
  womenOwnershipPercent womanInTopManagement boardWomenPercent womenOwned womenLed
  youthLed socialEnterprise prefersWomanMentor cluster
  economy { code name } isicDivision { code title section { code title } }
  needs { code label } targetEconomies { code } languages { code }
  owner { id displayName }
`;

export const MENTOR_FIELDS = `
  id displayName headline bio capacity acceptingRequests yearsOfExperience gender
  economy { code } economies { code } languages { code }
  expertiseSectors { code level title } expertiseTopics { code }
`;
