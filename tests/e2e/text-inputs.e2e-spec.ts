import { randomUUID } from 'node:crypto';
import { Role } from '@app/common';
import { mentorInput, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

/**
 * Text PostgreSQL cannot store (U+0000) or that is not Unicode (a lone UTF-16 surrogate), in any
 * text argument of any operation, as a variable or written inline: BAD_USER_INPUT naming the
 * field, HTTP 400, and nothing written.
 */
const NUL = 'a\u0000b';
const LONE = 'a\uD800b';

interface Case {
  name: string;
  who: () => SignedIn | null;
  query: string;
  /** The variables, with `bad` in the one text under test. */
  variables: (bad: string) => Record<string, unknown>;
  field: string;
}

describe(`text inputs (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let owner: SignedIn;
  let mentor: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let orgId: string;
  let mentorId: string;
  let mentorshipId: string;
  let pendingId: string;
  let goalId: string;
  let pendingMentor: SignedIn;

  /** Every table's contents, fingerprinted: equal before and after means nothing was written. */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables: Array<{ name: string }> = await t.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const prints: Record<string, string> = {};
    for (const { name } of tables) {
      const [row] = await t.dataSource.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h
           FROM "${name}" x`,
      );
      prints[name] = `${row.n}:${row.h}`;
    }
    return prints;
  }

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    [owner, mentor, manager, admin] = await Promise.all([
      t.signUp(Role.MSME_OWNER),
      t.signUp(Role.MENTOR),
      t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH'] }),
      t.signUp(Role.ADMIN),
    ]);
    mentorId = (
      await mentor.client.data(
        `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
        { input: mentorInput() },
      )
    ).upsertMentorProfile.id;
    const createOrg = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
    orgId = (await owner.client.data(createOrg, { input: organizationInput() })).createOrganization.id;
    const otherOrg = (await owner.client.data(createOrg, { input: organizationInput({ name: 'Second' }) }))
      .createOrganization.id;
    const request = `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`;
    const accepted = (
      await owner.client.data(request, { input: { organizationId: orgId, mentorId, message: 'Help' } })
    ).requestMentorship.id;
    mentorshipId = (
      await mentor.client.data(
        `mutation($id: ID!) { acceptMentorshipRequest(id: $id) { mentorship { id } } }`,
        { id: accepted },
      )
    ).acceptMentorshipRequest.mentorship.id;
    goalId = (
      await owner.client.data(
        `mutation($id: ID!) { addMentorshipGoal(mentorshipId: $id, title: "Price list") { id } }`,
        { id: mentorshipId },
      )
    ).addMentorshipGoal.id;
    // A second mentor with room, for a request that stays open.
    const other = await t.signUp(Role.MENTOR);
    const otherMentor = (
      await other.client.data(
        `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
        { input: mentorInput() },
      )
    ).upsertMentorProfile.id;
    pendingId = (
      await owner.client.data(request, {
        input: { organizationId: otherOrg, mentorId: otherMentor, message: 'Help' },
      })
    ).requestMentorship.id;
    pendingMentor = other;
    await t.settle();
  }, 120_000);

  afterAll(() => t?.close());

  const anonymous = (): null => null;
  const cases: Case[] = [
    {
      name: 'register: e-mail',
      who: anonymous,
      query: `mutation($input: RegisterInput!) { register(input: $input) { token } }`,
      variables: (bad) => ({
        input: { email: `x${bad}@test.example`, password: 'correct horse', displayName: 'X', role: 'MENTOR' },
      }),
      field: 'input.email',
    },
    {
      name: 'register: display name',
      who: anonymous,
      query: `mutation($input: RegisterInput!) { register(input: $input) { token } }`,
      variables: (bad) => ({
        input: { email: 'y@test.example', password: 'correct horse', displayName: bad, role: 'MENTOR' },
      }),
      field: 'input.displayName',
    },
    {
      name: 'login: e-mail',
      who: anonymous,
      query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      variables: (bad) => ({ e: `o${bad}@test.example`, p: 'correct horse battery' }),
      field: 'email',
    },
    {
      name: 'login: password',
      who: anonymous,
      query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`,
      variables: (bad) => ({ e: 'someone@test.example', p: bad }),
      field: 'password',
    },
    {
      name: 'createUser: display name',
      who: () => admin,
      query: `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      variables: (bad) => ({
        input: { email: 'z@test.example', password: 'correct horse', displayName: bad, roles: ['ADMIN'] },
      }),
      field: 'input.displayName',
    },
    ...(['name', 'description', 'city', 'cluster'] as const).map((key): Case => ({
      name: `createOrganization: ${key}`,
      who: () => owner,
      query: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      variables: (bad) => ({ input: organizationInput({ [key]: bad }) }),
      field: `input.${key}`,
    })),
    {
      name: 'createOrganization: a need in a list',
      who: () => owner,
      query: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      variables: (bad) => ({ input: organizationInput({ needs: ['EXPORT', bad] }) }),
      field: 'input.needs.1',
    },
    {
      name: 'updateOrganization: name',
      who: () => owner,
      query: `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`,
      variables: (bad) => ({ id: orgId, input: { name: bad } }),
      field: 'input.name',
    },
    ...(['headline', 'bio'] as const).map((key): Case => ({
      name: `upsertMentorProfile: ${key}`,
      who: () => mentor,
      query: `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
      variables: (bad) => ({ input: { [key]: bad } }),
      field: `input.${key}`,
    })),
    {
      name: 'requestMentorship: message',
      who: () => owner,
      query: `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`,
      variables: (bad) => ({ input: { organizationId: orgId, mentorId, message: bad } }),
      field: 'input.message',
    },
    {
      name: 'requestMentorship: a goal',
      who: () => owner,
      query: `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`,
      variables: (bad) => ({
        input: { organizationId: orgId, mentorId, message: 'Hi', goals: ['One', bad] },
      }),
      field: 'input.goals.1',
    },
    {
      name: 'declineMentorshipRequest: comment',
      who: () => pendingMentor,
      query: `mutation($id: ID!, $c: String) { declineMentorshipRequest(id: $id, reason: OTHER, comment: $c) { id } }`,
      variables: (bad) => ({ id: pendingId, c: bad }),
      field: 'comment',
    },
    {
      name: 'addMentorshipGoal: title',
      who: () => owner,
      query: `mutation($id: ID!, $title: String!) { addMentorshipGoal(mentorshipId: $id, title: $title) { id } }`,
      variables: (bad) => ({ id: mentorshipId, title: bad }),
      field: 'title',
    },
    {
      name: 'updateMentorshipGoal: title',
      who: () => owner,
      query: `mutation($id: ID!, $title: String) { updateMentorshipGoal(id: $id, title: $title) { id } }`,
      variables: (bad) => ({ id: goalId, title: bad }),
      field: 'title',
    },
    {
      name: 'logMentorshipSession: notes',
      who: () => mentor,
      query: `mutation($id: ID!, $input: LogSessionInput!) { logMentorshipSession(mentorshipId: $id, input: $input) { heldOn } }`,
      variables: (bad) => ({
        id: mentorshipId,
        input: { heldOn: new Date().toISOString().slice(0, 10), minutes: 30, notes: bad },
      }),
      field: 'input.notes',
    },
    {
      name: 'endMentorship: reason',
      who: () => owner,
      query: `mutation($id: ID!, $reason: String!) { endMentorship(id: $id, reason: $reason) { id } }`,
      variables: (bad) => ({ id: mentorshipId, reason: bad }),
      field: 'reason',
    },
    {
      name: 'submitMentorshipFeedback: comment',
      who: () => owner,
      query: `mutation($id: ID!, $c: String) { submitMentorshipFeedback(mentorshipId: $id, rating: 5, comment: $c) { rating } }`,
      variables: (bad) => ({ id: mentorshipId, c: bad }),
      field: 'comment',
    },
    {
      name: 'reportMentorshipOutcomes: a note',
      who: () => owner,
      query: `mutation($id: ID!, $o: [OutcomeInput!]!) { reportMentorshipOutcomes(mentorshipId: $id, outcomes: $o) { id } }`,
      variables: (bad) => ({ id: mentorshipId, o: [{ kind: 'PARTNERSHIP', note: bad }] }),
      field: 'outcomes.0.note',
    },
    {
      name: 'markOutcomeCaseStudy: narrative',
      who: () => manager,
      query: `mutation($id: ID!, $n: String!) { markOutcomeCaseStudy(outcomeId: $id, narrative: $n) { id } }`,
      variables: (bad) => ({ id: randomUUID(), n: bad }),
      field: 'narrative',
    },
    {
      name: 'createProgram: name',
      who: () => manager,
      query: `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
      variables: (bad) => ({
        input: { name: bad, economies: ['TH'], startsOn: '2026-01-01', endsOn: '2026-12-31' },
      }),
      field: 'input.name',
    },
    {
      name: 'organizations: search filter',
      who: () => owner,
      query: `query($f: OrganizationFilterInput) { organizations(filter: $f) { totalCount } }`,
      variables: (bad) => ({ f: { search: bad } }),
      field: 'filter.search',
    },
    {
      name: 'mentors: search filter',
      who: () => owner,
      query: `query($f: MentorFilterInput) { mentors(filter: $f) { totalCount } }`,
      variables: (bad) => ({ f: { search: bad } }),
      field: 'filter.search',
    },
    {
      name: 'users: search',
      who: () => admin,
      query: `query($s: String) { users(search: $s) { totalCount } }`,
      variables: (bad) => ({ s: bad }),
      field: 'search',
    },
    {
      name: 'auditEvents: action',
      who: () => admin,
      query: `query($a: String) { auditEvents(action: $a) { totalCount } }`,
      variables: (bad) => ({ a: bad }),
      field: 'action',
    },
    {
      name: 'a page cursor',
      who: () => owner,
      query: `query($after: String) { organizations(after: $after) { totalCount } }`,
      variables: (bad) => ({ after: bad }),
      field: 'after',
    },
    {
      name: 'an ID',
      who: () => owner,
      query: `query($id: ID!) { organization(id: $id) { id } }`,
      variables: (bad) => ({ id: bad }),
      field: 'id',
    },
  ];

  it.each([
    ['NUL', NUL],
    ['a lone surrogate', LONE],
  ])(
    'answers %s in every text argument sent as a variable with BAD_USER_INPUT naming it, writing nothing',
    async (_what, bad) => {
      const before = await fingerprint();
      const answers: Array<[string, unknown, unknown, number]> = [];
      for (const c of cases) {
        const client = c.who()?.client ?? t.client;
        const res = await client.request(c.query, c.variables(bad));
        answers.push([
          c.name,
          res.errors?.[0]?.extensions?.code,
          res.errors?.[0]?.extensions?.field,
          res.status,
        ]);
      }
      expect(answers).toEqual(cases.map((c) => [c.name, 'BAD_USER_INPUT', c.field, 400]));
      await t.settle();
      expect(await fingerprint()).toEqual(before);
    },
  );

  it('answers NUL written inline in the document the same way', async () => {
    const before = await fingerprint();
    const inline: Array<[SignedIn | null, string, string]> = [
      [
        null,
        `mutation { register(input: { email: "i@test.example", password: "correct horse", displayName: "a\\u0000b", role: MENTOR }) { token } }`,
        'input.displayName',
      ],
      [owner, `mutation { endMentorship(id: "${mentorshipId}", reason: "a\\u0000b") { id } }`, 'reason'],
      [owner, `query { mentors(filter: { search: "a\\u0000" }) { totalCount } }`, 'filter.search'],
      [
        owner,
        `mutation { requestMentorship(input: { organizationId: "${orgId}", mentorId: "${mentorId}", message: "Hi", goals: ["ok", """a\u0000b"""] }) { id } }`,
        'input.goals.1',
      ],
      // A variable's default value is text the client sent too.
      [
        owner,
        `query($s: String = "a\\u0000") { mentors(filter: { search: $s }) { totalCount } }`,
        'filter.search',
      ],
    ];
    for (const [who, query, field] of inline) {
      const res = await (who?.client ?? t.client).request(query);
      expect([query, res.status, res.errors?.[0]?.extensions]).toEqual([
        query,
        400,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
      expect(res.errors?.[0]?.message).toContain(field);
      expect(Object.keys(res.errors?.[0]?.extensions ?? {}).sort()).toEqual(['code', 'field', 'problems']);
    }
    // GraphQL's lexer refuses a lone surrogate written inline: a parse failure, still not a 500.
    const res = await owner.client.request(
      `query { mentors(filter: { search: "a\\uD800" }) { totalCount } }`,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    await t.settle();
    expect(await fingerprint()).toEqual(before);
  });

  it('still takes valid text outside the Basic Multilingual Plane and other control characters', async () => {
    const { mentors } = await owner.client.data(
      `query($f: MentorFilterInput) { mentors(filter: $f) { totalCount } }`,
      { f: { search: '🌏 Chiang Mai\tรา' } },
    );
    expect(mentors.totalCount).toBe(0);
    const goal = await owner.client.data(
      `mutation($id: ID!, $title: String!) { addMentorshipGoal(mentorshipId: $id, title: $title) { title } }`,
      { id: mentorshipId, title: 'Export 🍵 to Japan' },
    );
    expect(goal.addMentorshipGoal.title).toBe('Export 🍵 to Japan');
  });
});
