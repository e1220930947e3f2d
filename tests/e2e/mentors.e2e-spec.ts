import { randomBytes } from 'node:crypto';
import { Role } from '@app/common';
import { MENTOR_FIELDS, mentorInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const UPSERT = `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { ${MENTOR_FIELDS} } }`;
const MINE = `{ myMentorProfile { ${MENTOR_FIELDS} } }`;
const GET = `query($id: ID!) { mentorProfile(id: $id) { ${MENTOR_FIELDS} } }`;
const LIST = `query($filter: MentorFilterInput, $first: Int, $after: String) {
  mentors(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id displayName headline gender } }
  }
}`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{
    cursor: string;
    node: { id: string; displayName: string; headline: string; gender: string | null };
  }>;
}

describe(`mentors (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let admin: SignedIn;
  let owner: SignedIn;
  let pm: SignedIn;

  /** A mentor with a display name of our choosing (signUp names them "Test MENTOR n"). */
  async function mentorNamed(displayName: string): Promise<SignedIn> {
    const email = `mentor-${randomBytes(4).toString('hex')}@test.example`;
    const password = 'correct horse battery';
    const { register } = await t.client.data(REGISTER, {
      input: { email, password, displayName, role: 'MENTOR' },
    });
    return { client: t.client.withToken(register.token), userId: register.user.id, email, password };
  }

  /** Every mentor matching the filter, across pages. */
  async function allMatching(filter: Record<string, unknown>, as: SignedIn = owner): Promise<Page['edges']> {
    const edges: Page['edges'] = [];
    let after: string | null = null;
    for (;;) {
      const { mentors }: { mentors: Page } = await as.client.data(LIST, { filter, first: 100, after });
      edges.push(...mentors.edges);
      if (!mentors.pageInfo.hasNextPage) {
        expect(mentors.totalCount).toBe(edges.length);
        return edges;
      }
      after = mentors.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    admin = await t.signUp(Role.ADMIN);
    owner = await t.signUp(Role.MSME_OWNER);
    pm = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['JP', 'TH'] });
  }, 60_000);
  afterAll(() => t?.close());

  describe('profiles', () => {
    it('creates a profile and reads it back as mine and by id', async () => {
      const mentor = await t.signUp(Role.MENTOR);
      expect((await mentor.client.data(MINE)).myMentorProfile).toBeNull();

      const { upsertMentorProfile: created } = await mentor.client.data(UPSERT, { input: mentorInput() });
      expect(created).toMatchObject({
        displayName: expect.stringMatching(/^Test MENTOR/),
        headline: 'Export strategy for food SMEs',
        bio: 'Twenty years in regional food exports.',
        capacity: 3,
        acceptingRequests: true,
        yearsOfExperience: 20,
        gender: 'WOMAN',
        economy: { code: 'JP' },
        economies: [{ code: 'JP' }, { code: 'TH' }],
        languages: [{ code: 'ja' }, { code: 'en' }],
        expertiseSectors: [
          { code: '10', level: 'DIVISION', title: 'Manufacture of food products' },
          { code: 'G', level: 'SECTION', title: expect.stringMatching(/^Wholesale and retail trade/) },
        ],
        expertiseTopics: [{ code: 'EXPORT' }, { code: 'MARKETING' }],
      });
      expect((await mentor.client.data(MINE)).myMentorProfile).toEqual(created);
      expect((await mentor.client.data(GET, { id: created.id })).mentorProfile).toEqual(created);
      const asOwner = (await owner.client.data(GET, { id: created.id })).mentorProfile;
      expect(asOwner).toEqual({ ...created, gender: null });
    });

    it('answers NOT_FOUND for an unknown profile id', async () => {
      const res = await owner.client.request(GET, { id: '00000000-0000-4000-8000-000000000000' });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it.each(['headline', 'economy', 'languages'])('refuses to create a profile without %s', async (field) => {
      const mentor = await t.signUp(Role.MENTOR);
      const input = mentorInput();
      delete input[field];
      expect(await mentor.client.errorCode(UPSERT, { input })).toBe('BAD_USER_INPUT');
      expect(
        await mentor.client.errorCode(UPSERT, {
          input: { ...input, [field]: field === 'languages' ? [] : '' },
        }),
      ).toBe('BAD_USER_INPUT');
      expect((await mentor.client.data(MINE)).myMentorProfile).toBeNull();
    });

    it('treats a later upsert as a partial update that keeps every other field', async () => {
      const mentor = await t.signUp(Role.MENTOR);
      const { upsertMentorProfile: created } = await mentor.client.data(UPSERT, { input: mentorInput() });
      const { upsertMentorProfile: updated } = await mentor.client.data(UPSERT, { input: { capacity: 5 } });
      expect(updated).toEqual({ ...created, capacity: 5 });
      const { upsertMentorProfile: again } = await mentor.client.data(UPSERT, {
        input: { headline: 'Now into e-commerce', expertiseTopics: ['E_COMMERCE'] },
      });
      expect(again).toEqual({
        ...created,
        capacity: 5,
        headline: 'Now into e-commerce',
        expertiseTopics: [{ code: 'E_COMMERCE' }],
      });
      expect((await mentor.client.data(MINE)).myMentorProfile).toEqual(again);
    });

    it.each([
      ['capacity 0', { capacity: 0 }],
      ['capacity 21', { capacity: 21 }],
      ['an unknown sector code', { expertiseSectors: ['10', 'ZZ'] }],
      ['a section letter outside ISIC', { expertiseSectors: ['V'] }],
      ['an unknown topic', { expertiseTopics: ['EXPORT', 'ALCHEMY'] }],
      ['an unknown language', { languages: ['en', 'xx'] }],
      ['an unknown economy', { economy: 'FR' }],
      ['an unknown worked-in economy', { economies: ['JP', 'GB'] }],
      ['an empty language list', { languages: [] }],
      ['an empty headline', { headline: '   ' }],
      ['yearsOfExperience 81', { yearsOfExperience: 81 }],
    ])('rejects %s with BAD_USER_INPUT and leaves the profile unchanged', async (_label, input) => {
      const mentor = await t.signUp(Role.MENTOR);
      const { upsertMentorProfile: created } = await mentor.client.data(UPSERT, { input: mentorInput() });
      expect(await mentor.client.errorCode(UPSERT, { input })).toBe('BAD_USER_INPUT');
      expect((await mentor.client.data(MINE)).myMentorProfile).toEqual(created);
    });

    it('answers FORBIDDEN to an MSME owner or a program manager on upsertMentorProfile and myMentorProfile', async () => {
      for (const caller of [owner, pm]) {
        expect(await caller.client.errorCode(UPSERT, { input: mentorInput() })).toBe('FORBIDDEN');
        expect(await caller.client.errorCode(MINE)).toBe('FORBIDDEN');
      }
      // Neither has a profile now.
      expect(await allMatching({ search: 'Test MSME_OWNER' })).toEqual([]);
      expect(await allMatching({ search: 'Test PROGRAM_MANAGER' })).toEqual([]);
    });

    it('answers UNAUTHENTICATED to anonymous callers', async () => {
      expect(await t.client.errorCode(LIST)).toBe('UNAUTHENTICATED');
      expect(await t.client.errorCode(UPSERT, { input: mentorInput() })).toBe('UNAUTHENTICATED');
    });

    it('shows gender to the mentor and admins only, by id and in lists', async () => {
      const mentor = await mentorNamed(`Gender Probe ${randomBytes(3).toString('hex')}`);
      const { upsertMentorProfile: created } = await mentor.client.data(UPSERT, {
        input: mentorInput({ gender: 'NON_BINARY' }),
      });
      const genderAs = async (caller: SignedIn): Promise<unknown> =>
        (await caller.client.data(GET, { id: created.id })).mentorProfile.gender;
      expect(await genderAs(mentor)).toBe('NON_BINARY');
      expect(await genderAs(admin)).toBe('NON_BINARY');
      expect(await genderAs(owner)).toBeNull();
      expect(await genderAs(pm)).toBeNull();
      const other = await t.signUp(Role.MENTOR);
      expect(await genderAs(other)).toBeNull();

      const listed = async (caller: SignedIn): Promise<unknown> =>
        (await allMatching({ search: created.displayName }, caller)).find((e) => e.node.id === created.id)
          ?.node.gender;
      expect(await listed(admin)).toBe('NON_BINARY');
      expect(await listed(mentor)).toBe('NON_BINARY');
      expect(await listed(owner)).toBeNull();
      expect(await listed(pm)).toBeNull();
    });
  });

  describe('search and filters', () => {
    const tag = randomBytes(3).toString('hex');
    let textiles: string; // lives in PE, worked in PE and CL, section C, EXPORT, es/en, accepting
    let finance: string; // lives in VN, worked in VN, division 10, FINANCE, vi, not accepting
    let tourism: string; // lives in PE, worked in MX, section A, TOURISM, qu, accepting
    let fixtures: Set<string>;

    /** Ids among this block's fixtures that match the filter. */
    const matching = async (filter: Record<string, unknown>): Promise<string[]> =>
      (await allMatching(filter))
        .map((e) => e.node.id)
        .filter((id) => fixtures.has(id))
        .sort();
    const ids = (...list: string[]): string[] => [...list].sort();

    beforeAll(async () => {
      const create = async (displayName: string, input: Record<string, unknown>): Promise<string> => {
        const mentor = await mentorNamed(displayName);
        return (await mentor.client.data(UPSERT, { input })).upsertMentorProfile.id;
      };
      textiles = await create(`Valentina Quintero ${tag}`, {
        headline: 'Andean textiles to the world',
        economy: 'PE',
        economies: ['PE', 'CL'],
        expertiseSectors: ['C'],
        expertiseTopics: ['EXPORT'],
        languages: ['es', 'en'],
        acceptingRequests: true,
      });
      finance = await create(`Nguyen Van Minh ${tag}`, {
        headline: 'MicroFinance for rural food processors',
        economy: 'VN',
        economies: ['VN'],
        expertiseSectors: ['10'],
        expertiseTopics: ['FINANCE'],
        languages: ['vi'],
        acceptingRequests: false,
      });
      tourism = await create(`Rosa Mamani ${tag}`, {
        headline: 'Community agritourism',
        economy: 'PE',
        economies: ['MX'],
        expertiseSectors: ['A'],
        expertiseTopics: ['TOURISM'],
        languages: ['qu'],
        acceptingRequests: true,
      });
      fixtures = new Set([textiles, finance, tourism]);
    }, 30_000);

    it('filters by the economy the mentor lives in', async () => {
      expect(await matching({ economy: 'PE' })).toEqual(ids(textiles, tourism));
      expect(await matching({ economy: 'VN' })).toEqual(ids(finance));
      expect(await matching({ economy: 'AU' })).toEqual([]);
    });

    it('filters by an economy the mentor has worked in', async () => {
      expect(await matching({ experienceIn: 'CL' })).toEqual(ids(textiles));
      // Tourism lives in PE but has not listed it as worked in.
      expect(await matching({ experienceIn: 'PE' })).toEqual(ids(textiles));
      expect(await matching({ experienceIn: 'MX' })).toEqual(ids(tourism));
    });

    it('matches sectors across section and division', async () => {
      // Textiles lists section C; finance lists division 10 (in section C).
      expect(await matching({ sector: '10' })).toEqual(ids(textiles, finance));
      expect(await matching({ sector: 'C' })).toEqual(ids(textiles, finance));
      expect(await matching({ sector: '13' })).toEqual(ids(textiles));
      expect(await matching({ sector: 'A' })).toEqual(ids(tourism));
      expect(await matching({ sector: '01' })).toEqual(ids(tourism));
      expect(await matching({ sector: 'G' })).toEqual([]);
    });

    it('rejects a sector that is not ISIC with BAD_USER_INPUT', async () => {
      expect(await owner.client.errorCode(LIST, { filter: { sector: 'Z' } })).toBe('BAD_USER_INPUT');
      expect(await owner.client.errorCode(LIST, { filter: { sector: '04' } })).toBe('BAD_USER_INPUT');
    });

    it('filters by topic, language and acceptingRequests', async () => {
      expect(await matching({ topic: 'FINANCE' })).toEqual(ids(finance));
      expect(await matching({ topic: 'EXPORT' })).toEqual(ids(textiles));
      expect(await matching({ language: 'qu' })).toEqual(ids(tourism));
      expect(await matching({ language: 'es' })).toEqual(ids(textiles));
      expect(await matching({ acceptingRequests: false })).toEqual(ids(finance));
      expect(await matching({ acceptingRequests: true })).toEqual(ids(textiles, tourism));
    });

    it('searches part of the display name or headline, case-insensitively', async () => {
      expect(await matching({ search: 'quinTERO' })).toEqual(ids(textiles));
      expect(await matching({ search: 'microfinance' })).toEqual(ids(finance));
      expect(await matching({ search: 'AGRITOUR' })).toEqual(ids(tourism));
      expect(await matching({ search: tag.toUpperCase() })).toEqual(ids(textiles, finance, tourism));
      expect(await matching({ search: 'no mentor says this' })).toEqual([]);
      // LIKE wildcards in the search are literal.
      expect(await matching({ search: '%' })).toEqual([]);
      expect(await matching({ search: 'Rosa_Mamani' })).toEqual([]);
    });

    it('combines filters', async () => {
      expect(await matching({ economy: 'PE', acceptingRequests: true, sector: 'C' })).toEqual(ids(textiles));
      expect(await matching({ economy: 'PE', language: 'vi' })).toEqual([]);
    });
  });

  describe('pagination', () => {
    beforeAll(async () => {
      for (let i = 0; i < 5; i++) {
        const mentor = await t.signUp(Role.MENTOR);
        await mentor.client.data(UPSERT, { input: mentorInput({ headline: `Pager ${i}` }) });
      }
    }, 30_000);

    it('walks every mentor with first: 2, without duplicates, matching totalCount', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let totalCount = -1;
      let pages = 0;
      for (;;) {
        const { mentors }: { mentors: Page } = await owner.client.data(LIST, { first: 2, after });
        if (totalCount === -1) totalCount = mentors.totalCount;
        expect(mentors.totalCount).toBe(totalCount);
        expect(mentors.edges.length).toBeLessThanOrEqual(2);
        seen.push(...mentors.edges.map((e) => e.node.id));
        pages++;
        if (!mentors.pageInfo.hasNextPage) break;
        expect(mentors.edges).toHaveLength(2);
        expect(mentors.pageInfo.endCursor).toBe(mentors.edges[1].cursor);
        after = mentors.pageInfo.endCursor;
      }
      expect(totalCount).toBeGreaterThanOrEqual(5);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(totalCount);
      expect(pages).toBe(Math.ceil(totalCount / 2));
    });

    it('rejects an invalid cursor and a page size over 100 with BAD_USER_INPUT', async () => {
      expect(await owner.client.errorCode(LIST, { after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
      const wellFormedButBogus = Buffer.from(JSON.stringify(['Test', 'not-a-uuid'])).toString('base64url');
      expect(await owner.client.errorCode(LIST, { after: wellFormedButBogus })).toBe('BAD_USER_INPUT');
      expect(await owner.client.errorCode(LIST, { first: 101 })).toBe('BAD_USER_INPUT');
      expect(await owner.client.errorCode(LIST, { first: -1 })).toBe('BAD_USER_INPUT');
      const { mentors } = await owner.client.data(LIST, { first: 100 });
      expect(mentors.edges.length).toBeGreaterThan(0);
    });
  });

  it('keeps every field of concurrent partial updates', async () => {
    const mentor = await t.signUp(Role.MENTOR);
    await mentor.client.data(UPSERT, { input: mentorInput() });
    const changes = [
      { headline: 'Concurrent headline' },
      { bio: 'Concurrent bio' },
      { capacity: 7 },
      { yearsOfExperience: 33 },
      { acceptingRequests: false },
      { economies: ['JP', 'VN'] },
      { expertiseTopics: ['FINANCE'] },
      { gender: 'NON_BINARY' },
    ];
    // Each reads, merges and writes the profile; without the row lock they overwrite each other.
    await Promise.all(changes.map((input) => mentor.client.data(UPSERT, { input })));
    const { myMentorProfile: p } = await mentor.client.data(MINE);
    expect(p).toMatchObject({
      headline: 'Concurrent headline',
      bio: 'Concurrent bio',
      capacity: 7,
      yearsOfExperience: 33,
      acceptingRequests: false,
      economies: [{ code: 'JP' }, { code: 'VN' }],
      expertiseTopics: [{ code: 'FINANCE' }],
      gender: 'NON_BINARY',
    });
  });
});
