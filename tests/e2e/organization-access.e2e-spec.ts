import { randomBytes } from 'node:crypto';
import { Role } from '@app/common';
import { ORGANIZATION_FIELDS, organizationInput, type GraphQLClient } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORGANIZATION_FIELDS} } }`;
const GET = `query($id: ID!) { organization(id: $id) { ${ORGANIZATION_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { ${ORGANIZATION_FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteOrganization(id: $id) { id } }`;
const LIST = `query($filter: OrganizationFilterInput, $first: Int, $after: String) {
  organizations(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name economy { code } owner { id } } }
  }
}`;

interface Edge {
  cursor: string;
  node: { id: string; name: string; economy: { code: string }; owner: { id: string } | null };
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Edge[];
}

/** Every organisation the client sees through `organizations`, across pages. */
async function listAll(
  client: GraphQLClient,
  filter: Record<string, unknown> = {},
  first = 100,
): Promise<Edge[]> {
  const edges: Edge[] = [];
  let after: string | null = null;
  for (;;) {
    const { organizations }: { organizations: Page } = await client.data(LIST, { filter, first, after });
    edges.push(...organizations.edges);
    if (!organizations.pageInfo.hasNextPage) {
      expect(organizations.totalCount).toBe(edges.length);
      return edges;
    }
    after = organizations.pageInfo.endCursor;
  }
}

/** The fields of a created organisation the tests look at (the response has more). */
type Created = { id: string; name: string; economy: { code: string }; owner: { id: string } | null } & Record<
  string,
  unknown
>;

const idsOf = (edges: Edge[]): string[] => edges.map((e) => e.node.id);

describe(`organization access (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let admin: SignedIn;
  let pm: SignedIn;
  let mentor: SignedIn;
  let ownerTh: SignedIn;
  let ownerPh: SignedIn;
  let ownerJp: SignedIn;
  let thOrg: string;
  let phOrg: string;
  let jpOrg: string;

  const create = async (who: SignedIn, overrides: Record<string, unknown> = {}): Promise<Created> =>
    (await who.client.data<{ createOrganization: Created }>(CREATE, { input: organizationInput(overrides) }))
      .createOrganization;
  const countAll = async (): Promise<number> =>
    ((await t.dataSource.query('SELECT count(*)::int AS n FROM organizations')) as Array<{ n: number }>)[0].n;

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    admin = await t.signUp(Role.ADMIN);
    pm = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH', 'PH'] });
    mentor = await t.signUp(Role.MENTOR);
    ownerTh = await t.signUp(Role.MSME_OWNER);
    ownerPh = await t.signUp(Role.MSME_OWNER);
    ownerJp = await t.signUp(Role.MSME_OWNER);
    thOrg = (await create(ownerTh, { name: 'Bangkok Batik', economy: 'TH' })).id;
    phOrg = (await create(ownerPh, { name: 'Cebu Crafts', economy: 'PH', languages: ['en', 'tl'] })).id;
    jpOrg = (await create(ownerJp, { name: 'Kyoto Kilns', economy: 'JP', languages: ['ja'] })).id;
  }, 60_000);
  afterAll(() => t?.close());

  describe('who sees what', () => {
    it('shows a program manager the organisations of the economies they manage, and nothing else', async () => {
      const seen = await listAll(pm.client);
      expect(idsOf(seen)).toEqual(expect.arrayContaining([thOrg, phOrg]));
      expect(idsOf(seen)).not.toContain(jpOrg);
      expect(seen.every((e) => ['TH', 'PH'].includes(e.node.economy.code))).toBe(true);

      expect((await pm.client.data(GET, { id: thOrg })).organization.name).toBe('Bangkok Batik');
      expect((await pm.client.data(GET, { id: phOrg })).organization.name).toBe('Cebu Crafts');
      const res = await pm.client.request(GET, { id: jpOrg });
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(res.data ?? null).toBeNull();
      expect(await pm.client.errorCode(UPDATE, { id: jpOrg, input: { name: 'Mine now' } })).toBe('NOT_FOUND');
      expect(await pm.client.errorCode(DELETE, { id: jpOrg })).toBe('NOT_FOUND');
      expect((await admin.client.data(GET, { id: jpOrg })).organization.name).toBe('Kyoto Kilns');
    });

    it('shows an admin every organisation', async () => {
      const seen = await listAll(admin.client);
      expect(idsOf(seen)).toEqual(expect.arrayContaining([thOrg, phOrg, jpOrg]));
      expect(seen).toHaveLength(await countAll());
      for (const id of [thOrg, phOrg, jpOrg]) {
        expect((await admin.client.data(GET, { id })).organization.id).toBe(id);
      }
    });

    it('shows an owner only their own organisations', async () => {
      const { organizations } = await ownerTh.client.data(LIST, {});
      expect(organizations.totalCount).toBe(1);
      expect(idsOf(organizations.edges)).toEqual([thOrg]);
      expect(await ownerTh.client.errorCode(GET, { id: phOrg })).toBe('NOT_FOUND');
      expect(await ownerTh.client.errorCode(GET, { id: jpOrg })).toBe('NOT_FOUND');
      // Even filtering for another economy reveals nothing.
      expect((await ownerTh.client.data(LIST, { filter: { economy: 'JP' } })).organizations.totalCount).toBe(
        0,
      );
    });

    it('shows a mentor no organisations', async () => {
      const { organizations } = await mentor.client.data(LIST, {});
      expect(organizations).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
      for (const id of [thOrg, phOrg, jpOrg])
        expect(await mentor.client.errorCode(GET, { id })).toBe('NOT_FOUND');
    });

    it('lets an owner have several organisations, and lists exactly those', async () => {
      const owner = await t.signUp(Role.MSME_OWNER);
      const created = [
        await create(owner, { name: 'Multi One', economy: 'TH' }),
        await create(owner, { name: 'Multi Two', economy: 'JP', languages: ['ja'] }),
        await create(owner, { name: 'Multi Three', economy: 'US', languages: ['en'] }),
      ];
      const seen = await listAll(owner.client);
      expect(idsOf(seen).sort()).toEqual(created.map((o) => o.id).sort());
      expect(seen.every((e) => e.node.owner?.id === owner.userId)).toBe(true);
      expect((await owner.client.data(LIST, { filter: { mine: true } })).organizations.totalCount).toBe(3);
      for (const org of created)
        expect((await owner.client.data(GET, { id: org.id })).organization.name).toBe(org.name);
      // The program manager for TH and PH sees only the Thai one of them.
      const pmSees = idsOf(await listAll(pm.client));
      expect(created.filter((o) => pmSees.includes(o.id)).map((o) => o.name)).toEqual(['Multi One']);
    });
  });

  describe('program managers changing organisations', () => {
    it('creates an unowned organisation in a managed economy, and is FORBIDDEN elsewhere', async () => {
      const org = await create(pm, { name: 'Davao Durian Co', economy: 'PH', languages: ['en', 'tl'] });
      expect(org).toMatchObject({ name: 'Davao Durian Co', economy: { code: 'PH' }, owner: null });
      expect((await pm.client.data(GET, { id: org.id })).organization.owner).toBeNull();

      const before = await countAll();
      expect(
        await pm.client.errorCode(CREATE, { input: organizationInput({ economy: 'JP', languages: ['ja'] }) }),
      ).toBe('FORBIDDEN');
      expect(await countAll()).toBe(before);
    });

    it('edits and deletes unowned organisations in managed economies, but not owned ones', async () => {
      const unowned = await create(pm, { name: 'Unowned Orchard', economy: 'TH' });
      const { updateOrganization: updated } = await pm.client.data(UPDATE, {
        id: unowned.id,
        input: { name: 'Unowned Orchard Ltd', employees: 75 },
      });
      expect(updated).toMatchObject({
        name: 'Unowned Orchard Ltd',
        employees: 75,
        sizeClass: 'MEDIUM',
        owner: null,
      });

      // Moving it to an economy they do not manage would hide it from them: refused.
      expect(await pm.client.errorCode(UPDATE, { id: unowned.id, input: { economy: 'JP' } })).toBe(
        'FORBIDDEN',
      );
      // The owned Thai organisation is visible but not theirs to change.
      expect(await pm.client.errorCode(UPDATE, { id: thOrg, input: { name: 'Taken over' } })).toBe(
        'FORBIDDEN',
      );
      expect(await pm.client.errorCode(DELETE, { id: thOrg })).toBe('FORBIDDEN');
      expect((await admin.client.data(GET, { id: thOrg })).organization.name).toBe('Bangkok Batik');
      expect((await admin.client.data(GET, { id: unowned.id })).organization.economy.code).toBe('TH');

      // An owner cannot see the unowned organisation; a manager of another economy neither.
      expect(await ownerTh.client.errorCode(GET, { id: unowned.id })).toBe('NOT_FOUND');
      const otherPm = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['JP'] });
      expect(await otherPm.client.errorCode(UPDATE, { id: unowned.id, input: { name: 'x' } })).toBe(
        'NOT_FOUND',
      );

      await pm.client.data(DELETE, { id: unowned.id });
      expect(await admin.client.errorCode(GET, { id: unowned.id })).toBe('NOT_FOUND');
    });

    it('lets an admin edit any organisation', async () => {
      const { updateOrganization } = await admin.client.data(UPDATE, { id: jpOrg, input: { city: 'Kyoto' } });
      expect(updateOrganization).toMatchObject({ city: 'Kyoto', owner: { id: ownerJp.userId } });
    });
  });

  describe('filters', () => {
    const tag = randomBytes(3).toString('hex');
    let adminOwner: SignedIn;
    const f: Record<string, string> = {};
    let fixtures: Set<string>;

    /** Names of this block's fixtures that the admin-owner sees with the filter. */
    const matching = async (filter: Record<string, unknown>, who?: SignedIn): Promise<string[]> => {
      const byId = new Map(Object.entries(f).map(([key, id]) => [id, key]));
      return idsOf(await listAll((who ?? adminOwner).client, filter))
        .filter((id) => fixtures.has(id))
        .map((id) => byId.get(id) as string)
        .sort();
    };

    beforeAll(async () => {
      // An admin who is also an MSME owner: sees everything, owns what they create.
      const email = `admin-owner-${tag}@test.example`;
      const password = 'correct horse battery';
      await admin.client.data(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
        input: { email, password, displayName: 'Admin Owner', roles: ['ADMIN', 'MSME_OWNER'] },
      });
      const { login } = await t.client.data(
        `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`,
        { email, password },
      );
      adminOwner = { client: t.client.withToken(login.token), userId: login.user.id, email, password };

      const base = { needs: [], targetEconomies: [], boardWomenPercent: null };
      const specs: Array<[string, SignedIn, Record<string, unknown>]> = [
        [
          'andes',
          adminOwner,
          {
            name: `Filter ${tag} Andes Weavers`,
            economy: 'PE',
            isicDivision: '13',
            kind: 'MSME',
            womenOwnershipPercent: 60,
            womanInTopManagement: true,
            locality: 'RURAL',
            employees: 5,
            needs: ['EXPORT'],
            languages: ['es'],
          },
        ],
        [
          'bytes',
          admin,
          {
            name: `Filter ${tag} Manila Bytes`,
            economy: 'PH',
            isicDivision: '62',
            kind: 'STARTUP',
            womenOwnershipPercent: 10,
            womanInTopManagement: false,
            locality: 'METROPOLITAN',
            employees: 120,
            needs: ['FINANCE', 'TECHNOLOGY'],
            languages: ['en', 'tl'],
          },
        ],
        [
          'bakery',
          adminOwner,
          {
            name: `Filter ${tag} Lima Bakery`,
            economy: 'PE',
            isicDivision: '10',
            kind: 'MSME',
            womenOwnershipPercent: 30,
            womanInTopManagement: true,
            locality: 'SUB_REGIONAL',
            employees: 20,
            needs: ['E_COMMERCE'],
            languages: ['es', 'en'],
          },
        ],
        [
          'percent',
          admin,
          {
            name: `Filter ${tag} 50% Organic`,
            economy: 'TH',
            isicDivision: '01',
            kind: 'MSME',
            womenOwnershipPercent: 51,
            womanInTopManagement: false,
            locality: 'RURAL',
            employees: 400,
            needs: ['AGRI_FOOD'],
            languages: ['th'],
          },
        ],
        [
          'fivehundred',
          admin,
          {
            name: `Filter ${tag} 500 Organic`,
            economy: 'TH',
            isicDivision: '01',
            kind: 'MSME',
            womenOwnershipPercent: 0,
            womanInTopManagement: false,
            locality: 'METROPOLITAN',
            employees: 8,
            languages: ['th'],
          },
        ],
        [
          'underscore',
          admin,
          {
            name: `Filter ${tag} Snake_case Foods`,
            economy: 'JP',
            isicDivision: '46',
            kind: 'MSME',
            womenOwnershipPercent: 0,
            womanInTopManagement: false,
            locality: 'METROPOLITAN',
            employees: 3,
            languages: ['ja'],
          },
        ],
        [
          'lookalike',
          admin,
          {
            name: `Filter ${tag} Snakexcase Foods`,
            economy: 'JP',
            isicDivision: '46',
            kind: 'MSME',
            womenOwnershipPercent: 0,
            womanInTopManagement: false,
            locality: 'METROPOLITAN',
            employees: 3,
            languages: ['ja'],
          },
        ],
      ];
      for (const [key, who, overrides] of specs) f[key] = (await create(who, { ...base, ...overrides })).id;
      fixtures = new Set(Object.values(f));
    }, 30_000);

    it('sees all fixtures without a filter', async () => {
      expect(await matching({})).toEqual(Object.keys(f).sort());
    });

    it('filters by economy', async () => {
      expect(await matching({ economy: 'PE' })).toEqual(['andes', 'bakery']);
      expect(await matching({ economy: 'TH' })).toEqual(['fivehundred', 'percent']);
      expect(await matching({ economy: 'CL' })).toEqual([]);
    });

    it('filters by sector: a section letter or a division code', async () => {
      expect(await matching({ sector: 'C' })).toEqual(['andes', 'bakery']);
      expect(await matching({ sector: '10' })).toEqual(['bakery']);
      expect(await matching({ sector: '13' })).toEqual(['andes']);
      expect(await matching({ sector: 'A' })).toEqual(['fivehundred', 'percent']);
      expect(await matching({ sector: 'J' })).toEqual(['bytes']);
      expect(await matching({ sector: 'G' })).toEqual(['lookalike', 'underscore']);
      expect(await matching({ sector: 'B' })).toEqual([]);
      expect(await adminOwner.client.errorCode(LIST, { filter: { sector: 'Z' } })).toBe('BAD_USER_INPUT');
      expect(await adminOwner.client.errorCode(LIST, { filter: { sector: '04' } })).toBe('BAD_USER_INPUT');
    });

    it('filters by kind, women-led and women-owned', async () => {
      expect(await matching({ kind: 'STARTUP' })).toEqual(['bytes']);
      expect(await matching({ kind: 'MSME' })).toHaveLength(6);
      expect(await matching({ womenLed: true })).toEqual(['andes', 'bakery']);
      expect(await matching({ womenLed: false })).toEqual([
        'bytes',
        'fivehundred',
        'lookalike',
        'percent',
        'underscore',
      ]);
      expect(await matching({ womenOwned: true })).toEqual(['andes', 'percent']);
    });

    it('filters by locality and size class', async () => {
      expect(await matching({ locality: 'RURAL' })).toEqual(['andes', 'percent']);
      expect(await matching({ locality: 'SUB_REGIONAL' })).toEqual(['bakery']);
      expect(await matching({ sizeClass: 'MICRO' })).toEqual([
        'andes',
        'fivehundred',
        'lookalike',
        'underscore',
      ]);
      expect(await matching({ sizeClass: 'SMALL' })).toEqual(['bakery']);
      expect(await matching({ sizeClass: 'MEDIUM' })).toEqual(['bytes']);
      expect(await matching({ sizeClass: 'LARGE' })).toEqual(['percent']);
    });

    it('filters by a needed topic and a language', async () => {
      expect(await matching({ topic: 'FINANCE' })).toEqual(['bytes']);
      expect(await matching({ topic: 'EXPORT' })).toEqual(['andes']);
      expect(await matching({ topic: 'TOURISM' })).toEqual([]);
      expect(await matching({ language: 'tl' })).toEqual(['bytes']);
      expect(await matching({ language: 'es' })).toEqual(['andes', 'bakery']);
      expect(await matching({ language: 'en' })).toEqual(['bakery', 'bytes']);
    });

    it('searches part of the name, case-insensitively, with % and _ taken literally', async () => {
      expect(await matching({ search: 'lima bAKERY' })).toEqual(['bakery']);
      expect(await matching({ search: tag.toUpperCase() })).toEqual(Object.keys(f).sort());
      expect(await matching({ search: '50%' })).toEqual(['percent']);
      expect(await matching({ search: '%' })).toEqual(['percent']);
      expect(await matching({ search: 'e_C' })).toEqual(['underscore']);
      expect(await matching({ search: 'Snake_' })).toEqual(['underscore']);
      expect(await matching({ search: 'weavers\\' })).toEqual([]);
    });

    it('filters to my own organisations with mine', async () => {
      expect(await matching({ mine: true })).toEqual(['andes', 'bakery']);
      expect(await matching({ mine: false })).toHaveLength(7);
      expect((await admin.client.data(LIST, { filter: { mine: true } })).organizations.totalCount).toBe(0);
    });

    it('combines filters', async () => {
      expect(await matching({ economy: 'PE', womenOwned: true })).toEqual(['andes']);
      expect(await matching({ sector: 'C', sizeClass: 'SMALL' })).toEqual(['bakery']);
      expect(await matching({ economy: 'TH', womenLed: true })).toEqual([]);
    });

    it('applies visibility before filters for a program manager', async () => {
      expect(await matching({ economy: 'PE' }, pm)).toEqual([]);
      expect(await matching({}, pm)).toEqual(['bytes', 'fivehundred', 'percent']);
      expect(await matching({ womenOwned: true }, pm)).toEqual(['percent']);
    });
  });

  describe('keyset pagination', () => {
    it('walks pages of 3 in name-then-id order, without duplicates, matching totalCount', async () => {
      const tag = randomBytes(3).toString('hex');
      const names = ['Charlie', 'Alpha', 'Bravo', 'Alpha', 'Charlie', 'Alpha', 'Bravo'].map(
        (n) => `Keyset ${tag} ${n}`,
      );
      const created: Array<{ id: string; name: string }> = [];
      for (const name of names) created.push(await create(admin, { name }));
      const expected = [...created].sort((a, b) =>
        a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1,
      );

      const seen: Edge[] = [];
      const pageSizes: number[] = [];
      let after: string | null = null;
      for (;;) {
        const { organizations }: { organizations: Page } = await admin.client.data(LIST, {
          filter: { search: `Keyset ${tag}` },
          first: 3,
          after,
        });
        expect(organizations.totalCount).toBe(7);
        seen.push(...organizations.edges);
        pageSizes.push(organizations.edges.length);
        if (!organizations.pageInfo.hasNextPage) break;
        expect(organizations.pageInfo.endCursor).toBe(organizations.edges.at(-1)?.cursor);
        after = organizations.pageInfo.endCursor;
      }
      expect(pageSizes).toEqual([3, 3, 1]);
      expect(seen.map((e) => e.node.id)).toEqual(expected.map((o) => o.id));
      expect(seen.map((e) => e.node.name)).toEqual(expected.map((o) => o.name));
    });

    it('walks every organisation as admin without duplicates or gaps', async () => {
      const seen = idsOf(await listAll(admin.client, {}, 3));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(await countAll());
    });

    it('rejects a bad cursor or page size with BAD_USER_INPUT', async () => {
      expect(await admin.client.errorCode(LIST, { after: '!!!' })).toBe('BAD_USER_INPUT');
      const bogus = Buffer.from(JSON.stringify(['Keyset', 'not-a-uuid'])).toString('base64url');
      expect(await admin.client.errorCode(LIST, { after: bogus })).toBe('BAD_USER_INPUT');
      expect(await admin.client.errorCode(LIST, { first: 101 })).toBe('BAD_USER_INPUT');
      expect((await admin.client.data(LIST, { first: 0 })).organizations.edges).toEqual([]);
    });
  });
});
