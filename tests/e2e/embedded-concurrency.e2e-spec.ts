import { randomBytes } from 'node:crypto';
import { Role } from '@app/common';
import {
  MENTOR_FIELDS,
  ORGANIZATION_FIELDS,
  mentorInput,
  organizationInput,
  type GraphQLResponse,
} from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${ORGANIZATION_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { ${ORGANIZATION_FIELDS} } }`;
const GET = `query($id: ID!) { organization(id: $id) { ${ORGANIZATION_FIELDS} } }`;
const LIST = `{ organizations(first: 100) { totalCount edges { node { id owner { id } } } } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token user { id } } }`;
const UPSERT = `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { ${MENTOR_FIELDS} } }`;

/** IFC size classes, as the API derives them from employees. */
const sizeClassOf = (employees: number): string =>
  employees < 10 ? 'MICRO' : employees < 50 ? 'SMALL' : employees <= 300 ? 'MEDIUM' : 'LARGE';

const errorsOf = (responses: GraphQLResponse[]): unknown[] => responses.flatMap((r) => r.errors ?? []);

describe(`embedded concurrency (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let admin: SignedIn;

  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    ((await t.dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    admin = await t.signUp(Role.ADMIN);
  }, 60_000);
  afterAll(() => t?.close());

  it('runs concurrent creates, updates and reads without errors or lost work', async () => {
    const owners: SignedIn[] = [];
    for (let i = 0; i < 4; i++) owners.push(await t.signUp(Role.MSME_OWNER));
    const targetOwner = await t.signUp(Role.MSME_OWNER);
    const { createOrganization: target } = await targetOwner.client.data(CREATE, {
      input: organizationInput({ name: 'Contended Co', employees: 12 }),
    });
    const before = await count('SELECT count(*)::int AS n FROM organizations');

    const employeeValues = [5, 150];
    const creates = Array.from({ length: 40 }, (_, i) =>
      owners[i % 4].client.request(CREATE, {
        input: organizationInput({ name: `Concurrent ${i}`, employees: i }),
      }),
    );
    const updates = Array.from({ length: 40 }, (_, i) =>
      targetOwner.client.request(UPDATE, { id: target.id, input: { employees: employeeValues[i % 2] } }),
    );
    const reads = Array.from({ length: 20 }, (_, i) =>
      (i % 5 === 4 ? admin : owners[i % 4]).client.request(LIST),
    );
    const [created, updated, read] = await Promise.all([
      Promise.all(creates),
      Promise.all(updates),
      Promise.all(reads),
    ]);

    expect(errorsOf(created)).toEqual([]);
    expect(errorsOf(updated)).toEqual([]);
    expect(errorsOf(read)).toEqual([]);
    for (const res of [...created, ...updated, ...read]) expect(res.status).toBe(200);

    // Every create returned its own row, owned by the caller, with its own derived size class.
    const createdOrgs = created.map(
      (r) =>
        (r.data as { createOrganization: { id: string; name: string; employees: number; sizeClass: string } })
          .createOrganization,
    );
    expect(new Set(createdOrgs.map((o) => o.id)).size).toBe(40);
    createdOrgs.forEach((org, i) => {
      expect(org).toMatchObject({
        name: `Concurrent ${i}`,
        employees: i,
        owner: { id: owners[i % 4].userId },
      });
      expect(org.sizeClass).toBe(sizeClassOf(i));
    });
    // Every update answered a consistent row: the value it wrote and the size class that goes with it.
    updated.forEach((r, i) => {
      const org = (r.data as { updateOrganization: { employees: number; sizeClass: string } })
        .updateOrganization;
      expect(org.employees).toBe(employeeValues[i % 2]);
      expect(org.sizeClass).toBe(sizeClassOf(org.employees));
    });
    // Reads saw only what the caller may see.
    read.forEach((r, i) => {
      const edges = (
        r.data as { organizations: { edges: Array<{ node: { owner: { id: string } | null } }> } }
      ).organizations.edges;
      if (i % 5 !== 4) expect(edges.every((e) => e.node.owner?.id === owners[i % 4].userId)).toBe(true);
    });

    // Afterwards: exactly what was created, per owner and in total.
    for (const owner of owners) {
      const { organizations } = await owner.client.data(LIST);
      expect(organizations.totalCount).toBe(10);
    }
    expect(await count('SELECT count(*)::int AS n FROM organizations')).toBe(before + 40);
    expect((await admin.client.data(LIST)).organizations.totalCount).toBe(before + 40);

    // The contended row holds one of the written values, consistently derived, other fields intact.
    const { organization } = await targetOwner.client.data(GET, { id: target.id });
    expect(employeeValues).toContain(organization.employees);
    expect(organization.sizeClass).toBe(sizeClassOf(organization.employees));
    expect(organization).toEqual({
      ...target,
      employees: organization.employees,
      sizeClass: organization.sizeClass,
    });
    const [row] = (await t.dataSource.query('SELECT employees, size_class FROM organizations WHERE id = $1', [
      target.id,
    ])) as Array<{ employees: number; size_class: string }>;
    expect(row).toEqual({ employees: organization.employees, size_class: organization.sizeClass });
  }, 60_000);

  it('keeps every field of concurrent partial updates to the same organisations', async () => {
    const pm = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    // Unowned Thai organisations: the program manager may edit them, and so may an admin.
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) {
      ids.push(
        (await pm.client.data(CREATE, { input: organizationInput({ name: `Shared ${i}` }) }))
          .createOrganization.id,
      );
    }
    const results = await Promise.all(
      ids.flatMap((id) => [
        pm.client.request(UPDATE, { id, input: { city: 'Lampang' } }),
        admin.client.request(UPDATE, { id, input: { employees: 150 } }),
        pm.client.request(UPDATE, { id, input: { needs: ['FINANCE'] } }),
      ]),
    );
    expect(errorsOf(results)).toEqual([]);
    for (const id of ids) {
      const { organization } = await admin.client.data(GET, { id });
      expect(organization).toMatchObject({
        city: 'Lampang',
        employees: 150,
        sizeClass: 'MEDIUM',
        needs: [{ code: 'FINANCE' }],
        owner: null,
      });
    }
  }, 60_000);

  it('lets exactly one of 10 concurrent registrations of one email succeed', async () => {
    const email = `race-${randomBytes(4).toString('hex')}@test.example`;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.client.request(REGISTER, {
          // Casing differs; it is one address all the same.
          input: {
            email: i % 2 ? email.toUpperCase() : email,
            password: 'correct horse battery',
            displayName: `Racer ${i}`,
            role: 'MENTOR',
          },
        }),
      ),
    );
    const ok = results.filter((r) => !r.errors && r.data);
    const codes = results.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code);
    expect(ok).toHaveLength(1);
    expect(codes).toHaveLength(9);
    expect(codes.every((code) => code === 'EMAIL_TAKEN')).toBe(true);
    expect(await count('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(1);

    // The winner's token works and names the stored account.
    const winner = (ok[0].data as { register: { token: string; user: { id: string } } }).register;
    const { me } = await t.client.withToken(winner.token).data(`{ me { id email } }`);
    expect(me).toEqual({ id: winner.user.id, email });
  }, 30_000);

  it('keeps one profile when a mentor upserts it concurrently', async () => {
    const mentor = await t.signUp(Role.MENTOR);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        mentor.client.request(UPSERT, { input: mentorInput({ headline: `Attempt ${i}`, capacity: i + 1 }) }),
      ),
    );
    expect(errorsOf(results)).toEqual([]);
    const ids = new Set(
      results.map((r) => (r.data as { upsertMentorProfile: { id: string } }).upsertMentorProfile.id),
    );
    expect(ids.size).toBe(1);
    expect(
      await count('SELECT count(*)::int AS n FROM mentor_profiles WHERE user_id = $1', [mentor.userId]),
    ).toBe(1);
    const { myMentorProfile } = await mentor.client.data(`{ myMentorProfile { headline capacity } }`);
    // Whichever write came last, its headline and capacity belong together.
    const attempt = Number(/^Attempt (\d)$/.exec(myMentorProfile.headline)?.[1]);
    expect(myMentorProfile.capacity).toBe(attempt + 1);
  }, 30_000);

  it('keeps the app healthy afterwards', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('ok');
  });
});
