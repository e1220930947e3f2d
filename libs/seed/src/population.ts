import {
  ECONOMY_CODES,
  ISIC_SECTIONS,
  Locality,
  TOPIC_CODES,
  economyCities,
  economyLanguages,
  type EconomyCode,
} from '@app/taxonomy';
import { Gender, OrganizationKind, type MentorFields, type OrganizationFields } from '@app/profiles';
import { Random } from './random';

export interface PopulationOptions {
  organizations: number;
  mentors: number;
  seed: number;
}

export interface SyntheticUser {
  id: string;
  email: string;
  displayName: string;
}

export interface SyntheticOrganization {
  /** Index into `owners`. */
  owner: number;
  fields: OrganizationFields;
}

export interface SyntheticMentor {
  user: SyntheticUser;
  fields: Required<Omit<MentorFields, 'gender'>> & { gender: Gender | null };
}

export interface Population {
  owners: SyntheticUser[];
  organizations: SyntheticOrganization[];
  mentors: SyntheticMentor[];
}

const FIRST_NAMES = [
  'Anh',
  'Aroha',
  'Budi',
  'Camila',
  'Chen',
  'Dara',
  'Diego',
  'Elena',
  'Farah',
  'Hana',
  'Hiroshi',
  'Isabel',
  'Jae-won',
  'James',
  'Kanya',
  'Lan',
  'Liam',
  'Maria',
  'Mei',
  'Minh',
  'Nadia',
  'Olga',
  'Pedro',
  'Ploy',
  'Rahim',
  'Rosa',
  'Sakura',
  'Siti',
  'Somchai',
  'Tamar',
  'Ting',
  'Wei',
  'Yuki',
  'Zara',
];
const LAST_NAMES = [
  'Abdullah',
  'Bautista',
  'Chaiyaporn',
  'Chua',
  'Fernandez',
  'Garcia',
  'Huang',
  'Ivanova',
  'Kim',
  'Kobayashi',
  'Lee',
  'Lim',
  'Martin',
  'Morales',
  'Nguyen',
  'Ngata',
  'Park',
  'Petrov',
  'Quispe',
  'Reyes',
  'Santos',
  'Sato',
  'Smith',
  'Suryadi',
  'Tan',
  'Tanaka',
  'Tran',
  'Wang',
  'Wong',
  'Zhang',
];
const NAME_WORDS = [
  'Golden',
  'River',
  'Highland',
  'Coastal',
  'Green',
  'Bamboo',
  'Lotus',
  'Harbour',
  'Valley',
  'Summit',
  'Sun',
  'Jade',
  'Coral',
  'Pacific',
  'Silk',
  'Orchid',
  'Cedar',
  'Monsoon',
  'Island',
  'Heritage',
];
const NAME_SUFFIXES = ['Works', 'Co.', 'Labs', 'Collective', 'Enterprises', 'Studio', 'Trading', 'Makers'];
const SECTION_WORDS: Record<string, string> = {
  A: 'Farms',
  B: 'Minerals',
  C: 'Manufacturing',
  D: 'Energy',
  E: 'Recycling',
  F: 'Builders',
  G: 'Traders',
  H: 'Logistics',
  I: 'Kitchen',
  J: 'Digital',
  K: 'Finance',
  L: 'Properties',
  M: 'Consulting',
  N: 'Services',
  O: 'Public Services',
  P: 'Academy',
  Q: 'Care',
  R: 'Arts',
  S: 'Services',
  T: 'Household',
  U: 'Liaison',
};
const HEADLINES = [
  'Export strategy for food and beverage SMEs',
  'Digital transformation for family businesses',
  'Scaling manufacturing with lean operations',
  'Brand building for regional products',
  'From local market to regional value chains',
  'Impact investing and access to finance',
  'E-commerce growth for artisans',
  'Agri-food innovation and certification',
  'Technology adoption for micro enterprises',
  'Sustainable supply chains in ASEAN and beyond',
];

const DIVISIONS_BY_SECTION = ISIC_SECTIONS.map((s) => s.divisions.map((d) => d.code));

/**
 * A deterministic synthetic population with realistic mixes: every economy and ISIC section,
 * about a third women-led, a metropolitan / sub-regional / rural mix, micro-heavy sizes,
 * multilingual profiles. Used by the demo data, tests and benchmarks.
 */
export function generatePopulation(options: PopulationOptions): Population {
  const random = new Random(options.seed);
  const tag = `s${options.seed}`;
  const ownerCount = Math.max(1, Math.ceil(options.organizations / 1.5));
  const owners: SyntheticUser[] = Array.from({ length: ownerCount }, (_, i) => ({
    id: random.uuid(),
    email: `owner-${tag}-${i + 1}@population.test`,
    displayName: personName(random),
  }));
  const organizations: SyntheticOrganization[] = [];
  for (let i = 0; i < options.organizations; i++) {
    organizations.push({ owner: i % ownerCount, fields: organizationFields(random, i) });
  }
  const mentors: SyntheticMentor[] = [];
  for (let i = 0; i < options.mentors; i++) {
    const user = {
      id: random.uuid(),
      email: `mentor-${tag}-${i + 1}@population.test`,
      displayName: personName(random),
    };
    mentors.push({ user, fields: mentorFields(random, i) });
  }
  return { owners, organizations, mentors };
}

function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

function languagesFor(random: Random, economy: EconomyCode, englishChance: number): string[] {
  const own = economyLanguages(economy);
  const languages = [own[0]];
  if (own.length > 1 && random.chance(0.4)) languages.push(own[1]);
  if (!languages.includes('en') && random.chance(englishChance)) languages.push('en');
  return languages;
}

function organizationFields(random: Random, index: number): OrganizationFields {
  // The first ones cover every economy and every section, whatever the size asked for.
  const economy = index < ECONOMY_CODES.length ? ECONOMY_CODES[index] : random.pick(ECONOMY_CODES);
  const sectionIndex = index < ISIC_SECTIONS.length ? index : random.weighted(SECTION_WEIGHTS);
  const section = ISIC_SECTIONS[sectionIndex];
  const isicDivision = random.pick(DIVISIONS_BY_SECTION[sectionIndex]);
  const locality = random.weighted<Locality>([
    [Locality.METROPOLITAN, 45],
    [Locality.SUB_REGIONAL, 35],
    [Locality.RURAL, 20],
  ]);
  const cities = economyCities(economy);
  const city = random.pick(
    locality === Locality.METROPOLITAN
      ? cities.metropolitan
      : locality === Locality.SUB_REGIONAL
        ? cities.subRegional
        : cities.rural,
  );
  const sizeBand = random.weighted<[number, number]>([
    [[1, 9], 55],
    [[10, 49], 30],
    [[50, 300], 12],
    [[301, 2000], 3],
  ]);
  const kind = random.chance(0.25) ? OrganizationKind.STARTUP : OrganizationKind.MSME;
  // About a third meet the IFC women-led test; the rest miss at least one criterion.
  const womenLedProfile = random.chance(0.34);
  const hasBoard = sizeBand[0] >= 50 || random.chance(0.2);
  const womenOwnershipPercent = womenLedProfile
    ? random.int(20, 100)
    : random.weighted<number>([
        [0, 40],
        [random.int(1, 19), 30],
        [random.int(20, 60), 30],
      ]);
  const womanInTopManagement = womenLedProfile ? true : random.chance(0.25) && womenOwnershipPercent < 20;
  const boardWomenPercent = hasBoard ? (womenLedProfile ? random.int(30, 70) : random.int(0, 45)) : null;
  const needs = random.sample(TOPIC_CODES, random.int(1, 4));
  const targets = random.sample(
    ECONOMY_CODES.filter((e) => e !== economy),
    random.weighted<number>([
      [0, 30],
      [1, 35],
      [2, 25],
      [3, 10],
    ]),
  );
  return {
    name: `${random.pick(NAME_WORDS)} ${city} ${SECTION_WORDS[section.code]} ${random.pick(NAME_SUFFIXES)} ${index + 1}`,
    description: `${kind === OrganizationKind.STARTUP ? 'Startup' : 'Enterprise'} in ${section.title.toLowerCase()}, based in ${city}.`,
    kind,
    isicDivision,
    economy,
    city,
    locality,
    employees: random.int(sizeBand[0], sizeBand[1]),
    foundedYear: kind === OrganizationKind.STARTUP ? random.int(2015, 2025) : random.int(1970, 2024),
    womenOwnershipPercent,
    womanInTopManagement,
    boardWomenPercent,
    youthLed: random.chance(kind === OrganizationKind.STARTUP ? 0.45 : 0.1),
    socialEnterprise: random.chance(0.1),
    // Derived, not drawn, so adding it kept every seeded population as it was.
    prefersWomanMentor: womenLedProfile && index % 4 === 1,
    cluster: random.chance(0.3) ? `${city} ${SECTION_WORDS[section.code].toLowerCase()} cluster` : null,
    needs,
    targetEconomies: targets,
    languages: languagesFor(random, economy, 0.55),
  };
}

/** Manufacturing, trade, food service and agriculture dominate MSME populations. */
const SECTION_WEIGHTS: ReadonlyArray<readonly [number, number]> = ISIC_SECTIONS.map((s, i) => [
  i,
  (
    { A: 12, C: 20, G: 20, I: 10, J: 8, M: 6, N: 4, F: 4, H: 4, R: 3, S: 3, Q: 2, P: 2 } as Record<
      string,
      number
    >
  )[s.code] ?? 0.5,
]);

function mentorFields(random: Random, index: number): SyntheticMentor['fields'] {
  const economy = index < ECONOMY_CODES.length ? ECONOMY_CODES[index] : random.pick(ECONOMY_CODES);
  const abroad = random.sample(
    ECONOMY_CODES.filter((e) => e !== economy),
    random.weighted<number>([
      [0, 25],
      [1, 30],
      [2, 25],
      [4, 20],
    ]),
  );
  const sectors = Array.from({ length: random.int(1, 4) }, () => {
    const sectionIndex = random.weighted(SECTION_WEIGHTS);
    return random.chance(0.3)
      ? ISIC_SECTIONS[sectionIndex].code
      : random.pick(DIVISIONS_BY_SECTION[sectionIndex]);
  });
  return {
    headline: random.pick(HEADLINES),
    bio: 'Mentor with hands-on experience growing small firms across the region.',
    economy,
    expertiseSectors: [...new Set(sectors)],
    expertiseTopics: random.sample(TOPIC_CODES, random.int(2, 5)),
    economies: [economy, ...abroad],
    languages: languagesFor(random, economy, 0.85),
    capacity: random.int(1, 8),
    acceptingRequests: random.chance(0.9),
    yearsOfExperience: random.int(3, 40),
    gender: random.weighted<Gender | null>([
      [Gender.WOMAN, 45],
      [Gender.MAN, 50],
      [Gender.NON_BINARY, 3],
      [null, 2],
    ]),
  };
}
