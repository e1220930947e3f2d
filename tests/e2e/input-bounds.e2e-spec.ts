import { randomBytes } from 'node:crypto';
import {
  buildClientSchema,
  getIntrospectionQuery,
  isInputObjectType,
  isObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { Role } from '@app/common';
import { mentorInput, organizationInput, type GraphQLResponse } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

/**
 * Every length the schema documents ("1 to 200 characters.", "Up to 4000 characters.") is the
 * length the server takes: the documented maximum is accepted, one more character is refused
 * with BAD_USER_INPUT naming the field, and so is an empty required text. Dates stay within the
 * documented range. The web app's own test holds its forms to the same descriptions.
 */
describe(`documented input bounds (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  let owner: SignedIn;
  let mentorUser: SignedIn;
  let manager: SignedIn;
  let admin: SignedIn;
  let orgId: string;
  let mentorId: string;

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    schema = buildClientSchema(await t.client.data<IntrospectionQuery>(getIntrospectionQuery()));
    [owner, mentorUser, manager, admin] = await Promise.all([
      t.signUp(Role.MSME_OWNER),
      t.signUp(Role.MENTOR),
      t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH'] }),
      t.signUp(Role.ADMIN),
    ]);
    mentorId = (
      await mentorUser.client.data(
        `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
        { input: mentorInput({ capacity: 20 }) },
      )
    ).upsertMentorProfile.id;
    orgId = await organization();
  }, 120_000);
  afterAll(() => t?.close());

  async function organization(): Promise<string> {
    return (
      await owner.client.data(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
        { input: organizationInput() },
      )
    ).createOrganization.id;
  }

  /** [min, max] from the description of `Type.field` or `Type.field(arg)`. */
  function documented(where: string): [number, number] {
    const [, typeName, fieldName, argName] = /^(\w+)\.(\w+)(?:\((\w+)\))?$/.exec(where) ?? [];
    const type = schema.getType(typeName);
    const text =
      argName && isObjectType(type)
        ? type.getFields()[fieldName]?.args.find((a) => a.name === argName)?.description
        : isInputObjectType(type)
          ? type.getFields()[fieldName]?.description
          : undefined;
    const match = /(?:up to|(\d+) to) (\d+) characters/i.exec(text ?? '');
    if (!match) throw new Error(`${where} documents no length: ${text}`);
    return [Number(match[1] ?? 0), Number(match[2])];
  }

  const refusedNaming = (res: GraphQLResponse): unknown[] => [
    res.errors?.[0]?.extensions?.code,
    res.errors?.[0]?.extensions?.field,
  ];
  const text = (length: number): string => 'x'.repeat(length);

  /**
   * Sends the documented maximum plus one (refused, naming `field`), below the minimum (refused),
   * then the maximum (accepted, which may write: it comes last).
   */
  async function holds(
    where: string,
    field: string,
    send: (value: string) => Promise<GraphQLResponse>,
    accepted: (res: GraphQLResponse) => void = (res) => expect(res.errors).toBeUndefined(),
  ): Promise<void> {
    const [min, max] = documented(where);
    expect([where, ...refusedNaming(await send(text(max + 1)))]).toEqual([where, 'BAD_USER_INPUT', field]);
    if (min > 0) {
      expect([where, ...refusedNaming(await send(text(min - 1)))]).toEqual([where, 'BAD_USER_INPUT', field]);
    }
    accepted(await send(text(max)));
  }

  it('accounts: display names, e-mails, passwords, user search', async () => {
    const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { token } }`;
    const register = (overrides: Record<string, string>) =>
      t.client.request(REGISTER, {
        input: {
          email: `b-${randomBytes(5).toString('hex')}@test.example`,
          password: 'correct horse battery',
          displayName: 'Bounds',
          role: 'MENTOR',
          ...overrides,
        },
      });
    await holds('RegisterInput.displayName', 'input.displayName', (v) => register({ displayName: v }));
    await holds('RegisterInput.password', 'input.password', (v) => register({ password: v }));
    // The longest address there is: a 64-character local part and a 189-character domain.
    const [, emailMax] = documented('RegisterInput.email');
    const local = 'a'.repeat(64);
    const domain = (extra: number) => `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(53 + extra)}.example`;
    expect(`${local}@${domain(0)}`).toHaveLength(emailMax);
    const over = await register({ email: `${local}@${domain(1)}` });
    expect(refusedNaming(over)).toEqual(['BAD_USER_INPUT', 'input.email']);
    expect((await register({ email: `${local}@${domain(0)}` })).errors).toBeUndefined();

    const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
    await holds(
      'Mutation.login(email)',
      'email',
      (v) => t.client.request(LOGIN, { e: v, p: 'whatever it is' }),
      (res) => expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS'),
    );
    await holds(
      'Mutation.login(password)',
      'password',
      (v) => t.client.request(LOGIN, { e: 'nobody@test.example', p: v }),
      (res) => expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS'),
    );

    const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
    await holds('CreateUserInput.displayName', 'input.displayName', (v) =>
      admin.client.request(CREATE_USER, {
        input: {
          email: `u-${randomBytes(5).toString('hex')}@test.example`,
          password: 'correct horse battery',
          displayName: v,
          roles: ['ADMIN'],
        },
      }),
    );
    await holds('Query.users(search)', 'search', (v) =>
      admin.client.request(`query($s: String) { users(search: $s) { totalCount } }`, { s: v }),
    );
  });

  it('organisations and mentor profiles, and their searches', async () => {
    const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
    for (const key of ['name', 'description', 'city', 'cluster']) {
      await holds(`CreateOrganizationInput.${key}`, `input.${key}`, (v) =>
        owner.client.request(CREATE, { input: organizationInput({ [key]: v }) }),
      );
    }
    const UPDATE = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`;
    await holds('UpdateOrganizationInput.name', 'input.name', (v) =>
      owner.client.request(UPDATE, { id: orgId, input: { name: v } }),
    );
    const UPSERT = `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`;
    for (const key of ['headline', 'bio']) {
      await holds(`UpsertMentorProfileInput.${key}`, `input.${key}`, (v) =>
        mentorUser.client.request(UPSERT, { input: { [key]: v } }),
      );
    }
    await holds('OrganizationFilterInput.search', 'filter.search', (v) =>
      owner.client.request(
        `query($f: OrganizationFilterInput) { organizations(filter: $f) { totalCount } }`,
        {
          f: { search: v },
        },
      ),
    );
    await holds('MentorFilterInput.search', 'filter.search', (v) =>
      owner.client.request(`query($f: MentorFilterInput) { mentors(filter: $f) { totalCount } }`, {
        f: { search: v },
      }),
    );
    for (const arg of ['action', 'targetId']) {
      await holds(`Query.auditEvents(${arg})`, arg, (v) =>
        admin.client.request(`query($v: String) { auditEvents(${arg}: $v) { totalCount } }`, { v }),
      );
    }
  });

  it('requests and mentorships: messages, goals, comments, notes, reasons, feedback, outcomes, case studies', async () => {
    const REQUEST = `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`;
    const request = (org: string, extra: Record<string, unknown>) =>
      owner.client.request(REQUEST, { input: { organizationId: org, mentorId, message: 'Help', ...extra } });
    await holds('RequestMentorshipInput.message', 'input.message', async (v) =>
      request(orgId, { message: v }),
    );
    // Goals: as many as documented, each as long as documented.
    const goalsText = schema.getType('RequestMentorshipInput') as unknown as {
      getFields(): Record<string, { description?: string }>;
    };
    const [, goalsMax, goalMax] = /Up to (\d+) goals, each up to (\d+) characters/
      .exec(goalsText.getFields().goals.description ?? '')!
      .map(Number);
    const goalsOrg = await organization();
    expect(refusedNaming(await request(goalsOrg, { goals: Array(goalsMax + 1).fill('g') }))).toEqual([
      'BAD_USER_INPUT',
      'input.goals',
    ]);
    expect(refusedNaming(await request(goalsOrg, { goals: ['ok', text(goalMax + 1)] }))).toEqual([
      'BAD_USER_INPUT',
      'input.goals',
    ]);
    const pending = await request(goalsOrg, { goals: Array(goalsMax).fill(text(goalMax)) });
    expect(pending.errors).toBeUndefined();

    const DECLINE = `mutation($id: ID!, $c: String) { declineMentorshipRequest(id: $id, reason: OTHER, comment: $c) { id } }`;
    await holds('Mutation.declineMentorshipRequest(comment)', 'comment', (v) =>
      mentorUser.client.request(DECLINE, { id: pending.data!.requestMentorship.id, c: v }),
    );

    // A running mentorship, from a request on a fresh organisation.
    const sessionOrg = await organization();
    const requestId = (await request(sessionOrg, {})).data!.requestMentorship.id;
    const mentorshipId = (
      await mentorUser.client.data(
        `mutation($id: ID!) { acceptMentorshipRequest(id: $id) { mentorship { id } } }`,
        { id: requestId },
      )
    ).acceptMentorshipRequest.mentorship.id;

    await holds('Mutation.addMentorshipGoal(title)', 'title', (v) =>
      owner.client.request(
        `mutation($id: ID!, $t: String!) { addMentorshipGoal(mentorshipId: $id, title: $t) { id } }`,
        { id: mentorshipId, t: v },
      ),
    );
    const goalId = (
      await owner.client.data(
        `mutation($id: ID!) { addMentorshipGoal(mentorshipId: $id, title: "Prices") { id } }`,
        { id: mentorshipId },
      )
    ).addMentorshipGoal.id;
    await holds('Mutation.updateMentorshipGoal(title)', 'title', (v) =>
      owner.client.request(
        `mutation($id: ID!, $t: String) { updateMentorshipGoal(id: $id, title: $t) { id } }`,
        {
          id: goalId,
          t: v,
        },
      ),
    );
    await holds('LogSessionInput.notes', 'input.notes', (v) =>
      mentorUser.client.request(
        `mutation($id: ID!, $input: LogSessionInput!) { logMentorshipSession(mentorshipId: $id, input: $input) { heldOn } }`,
        { id: mentorshipId, input: { heldOn: new Date().toISOString().slice(0, 10), minutes: 45, notes: v } },
      ),
    );
    await holds('Mutation.endMentorship(reason)', 'reason', (v) =>
      owner.client.request(`mutation($id: ID!, $r: String!) { endMentorship(id: $id, reason: $r) { id } }`, {
        id: mentorshipId,
        r: v,
      }),
    );
    await holds('Mutation.submitMentorshipFeedback(comment)', 'comment', (v) =>
      owner.client.request(
        `mutation($id: ID!, $c: String) { submitMentorshipFeedback(mentorshipId: $id, rating: 4, comment: $c) { rating } }`,
        { id: mentorshipId, c: v },
      ),
    );
    const OUTCOMES = `mutation($id: ID!, $o: [OutcomeInput!]!) { reportMentorshipOutcomes(mentorshipId: $id, outcomes: $o) { id } }`;
    let outcomeId = '';
    await holds(
      'OutcomeInput.note',
      'outcomes.0.note',
      (v) => owner.client.request(OUTCOMES, { id: mentorshipId, o: [{ kind: 'PARTNERSHIP', note: v }] }),
      (res) => {
        expect(res.errors).toBeUndefined();
        outcomeId = (res.data as { reportMentorshipOutcomes: Array<{ id: string }> })
          .reportMentorshipOutcomes[0].id;
      },
    );
    await holds('Mutation.markOutcomeCaseStudy(narrative)', 'narrative', (v) =>
      manager.client.request(
        `mutation($id: ID!, $n: String!) { markOutcomeCaseStudy(outcomeId: $id, narrative: $n) { id } }`,
        { id: outcomeId, n: v },
      ),
    );
  });

  describe('programmes', () => {
    const CREATE = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id startsOn endsOn } }`;
    const program = (input: Record<string, unknown>) =>
      manager.client.request(CREATE, {
        input: { name: 'Bounds', economies: ['TH'], startsOn: '2026-01-01', endsOn: '2026-12-31', ...input },
      });

    it('names', async () => {
      await holds('CreateProgramInput.name', 'input.name', (v) => program({ name: v }));
    });

    it.each([
      ['startsOn', '1900-01-01', { endsOn: '2026-12-31' }],
      ['startsOn', '1999-12-31', { endsOn: '2026-12-31' }],
      ['endsOn', '2101-01-01', {}],
      ['endsOn', '9999-12-31', {}],
    ])('refuses %s %s, outside the documented range', async (field, date, rest) => {
      const res = await program({ [field]: date, ...rest });
      expect([res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.field]).toEqual([
        'BAD_USER_INPUT',
        field,
      ]);
      expect(res.errors?.[0]?.message).toContain('2000-01-01 to 2100-12-31');
    });

    it('takes the first and the last documented day, and reports within them', async () => {
      const description = (
        schema.getType('CreateProgramInput') as unknown as {
          getFields(): Record<string, { description?: string }>;
        }
      ).getFields().startsOn.description;
      const [, first, last] = /from (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(description ?? '')!;
      const res = await program({ startsOn: first, endsOn: last });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createProgram).toMatchObject({ startsOn: first, endsOn: last });

      const REPORT = `query($id: ID!, $f: ProgramReportFilterInput) { programReport(id: $id, filter: $f) { totals { organizations } } }`;
      const id = res.data!.createProgram.id;
      for (const [key, date] of [
        ['from', '1999-12-31'],
        ['to', '2101-01-01'],
      ]) {
        const refused = await manager.client.request(REPORT, { id, f: { [key]: date } });
        expect([refused.errors?.[0]?.extensions?.code, refused.errors?.[0]?.extensions?.field]).toEqual([
          'BAD_USER_INPUT',
          `filter.${key}`,
        ]);
      }
      const within = await manager.client.request(REPORT, { id, f: { from: first, to: last } });
      expect(within.errors).toBeUndefined();
    });
  });
});
