import { Role } from '@app/common';
import { mentorInput, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const UPDATE_ORG = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`;
const UPSERT_MENTOR = `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`;
const REQUEST = `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptMentorshipRequest(id: $id) { id mentorship { id } } }`;

/** Room for many open requests at once, so many mentors can accept at once. */
const MAX_OPEN = 20;

const codeOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }): string =>
  r.errors ? String(r.errors[0].extensions?.code) : 'OK';

/**
 * mentorsWanted under concurrency, as capacity is for mentors: an organisation never runs more
 * mentorships than the mentors it wants, however many requests and acceptances race; the losers
 * get a coded error and the counters match the rows.
 */
describe(`mentors wanted under concurrency (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let owner: SignedIn;

  async function mentors(n: number): Promise<Array<{ user: SignedIn; id: string }>> {
    const made = [];
    for (let i = 0; i < n; i++) {
      const user = await t.signUp(Role.MENTOR);
      const { upsertMentorProfile } = await user.client.data(UPSERT_MENTOR, { input: mentorInput() });
      made.push({ user, id: upsertMentorProfile.id as string });
    }
    return made;
  }

  async function organization(mentorsWanted: number): Promise<string> {
    const { createOrganization } = await owner.client.data(CREATE_ORG, {
      input: organizationInput({ mentorsWanted }),
    });
    return createOrganization.id;
  }

  const ask = (organizationId: string, mentorId: string) => ({
    organizationId,
    mentorId,
    message: 'Help us export',
  });

  /** The organisation's counters, and the rows they count. */
  async function counts(org: string) {
    const [row] = await t.dataSource.query(
      `SELECT o.open_requests, o.active_mentorships, o.mentors_wanted,
              (SELECT count(*) FROM mentorship_requests r WHERE r.organization_id = o.id AND r.status = 'PENDING')::int AS pending,
              (SELECT count(*) FROM mentorships s WHERE s.organization_id = o.id AND s.status = 'ACTIVE')::int AS running
         FROM organizations o WHERE o.id = $1`,
      [org],
    );
    expect([row.open_requests, row.active_mentorships]).toEqual([row.pending, row.running]);
    return row as { open_requests: number; active_mentorships: number; mentors_wanted: number };
  }

  beforeAll(async () => {
    t = await startTestApp(createApiApp, { env: { MAX_OPEN_REQUESTS: String(MAX_OPEN) } });
    owner = await t.signUp(Role.MSME_OWNER);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('gives an organisation wanting one mentor exactly one, while 15 mentors accept and 15 more are asked at once', async () => {
    const org = await organization(1);
    const asked = await mentors(15);
    const ids: string[] = [];
    for (const m of asked)
      ids.push((await owner.client.data(REQUEST, { input: ask(org, m.id) })).requestMentorship.id);
    const late = await mentors(15);

    const results = await Promise.all([
      ...asked.map((m, i) => m.user.client.request(ACCEPT, { id: ids[i] })),
      // Each late mentor is asked, and accepts at once if the request went out.
      ...late.map(async (m) => {
        const sent = await owner.client.request(REQUEST, { input: ask(org, m.id) });
        if (sent.errors) return sent;
        return m.user.client.request(ACCEPT, { id: sent.data!.requestMentorship.id });
      }),
    ]);
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    const refused = new Set(codes.filter((c) => c !== 'OK'));
    for (const code of refused) {
      expect(['ALREADY_DECIDED', 'MENTORS_WANTED_REACHED', 'TOO_MANY_OPEN_REQUESTS']).toContain(code);
    }
    const after = await counts(org);
    expect(after).toMatchObject({ active_mentorships: 1, open_requests: 0 });
  });

  it('refuses every acceptance past a lowered mentorsWanted at once, and lets exactly one through when raised', async () => {
    const org = await organization(3);
    const asked = await mentors(10);
    const ids: string[] = [];
    for (const m of asked)
      ids.push((await owner.client.data(REQUEST, { input: ask(org, m.id) })).requestMentorship.id);
    await asked[0].user.client.data(ACCEPT, { id: ids[0] });
    // It wants one mentor now, and runs one: the nine requests still open may not start another.
    await owner.client.data(UPDATE_ORG, { id: org, input: { mentorsWanted: 1 } });
    const racing = asked.slice(1).map((m, i) => () => m.user.client.request(ACCEPT, { id: ids[i + 1] }));

    const refused = (await Promise.all(racing.map((accept) => accept()))).map(codeOf);
    expect(refused).toEqual(Array(9).fill('MENTORS_WANTED_REACHED'));
    expect(await counts(org)).toMatchObject({ active_mentorships: 1, open_requests: 9 });

    await owner.client.data(UPDATE_ORG, { id: org, input: { mentorsWanted: 2 } });
    const raised = (await Promise.all(racing.map((accept) => accept()))).map(codeOf);
    expect(raised.filter((c) => c === 'OK')).toHaveLength(1);
    // The second mentor wanted accepted: the other open requests were withdrawn.
    expect(raised.filter((c) => c === 'ALREADY_DECIDED')).toHaveLength(8);
    expect(await counts(org)).toMatchObject({ active_mentorships: 2, mentors_wanted: 2, open_requests: 0 });
  });
});
