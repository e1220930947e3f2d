import { Role } from '@app/common';
import { mentorInput, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
import { createApiApp } from '../../apps/api/src/bootstrap';

const EVENTS = `query($action: String, $targetId: String, $first: Int, $after: String) {
  auditEvents(action: $action, targetId: $targetId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id action targetType targetId details occurredAt actor { id } }
  }
}`;

describe(`audit log (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let admin: SignedIn;
  let owner: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    admin = await t.signUp(Role.ADMIN);
    owner = await t.signUp(Role.MSME_OWNER);
  });
  afterAll(() => t?.close());

  const events = async (variables: Record<string, unknown>) =>
    (await admin.client.data(EVENTS, variables)).auditEvents;

  it('records who changed which organisation and which fields, in the same transaction', async () => {
    const { createOrganization: org } = await owner.client.data(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: organizationInput() },
    );
    await owner.client.data(
      `mutation($id: ID!) { updateOrganization(id: $id, input: { employees: 60, city: "Lampang" }) { id } }`,
      { id: org.id },
    );
    // A rejected change is not recorded.
    expect(
      await owner.client.errorCode(
        `mutation($id: ID!) { updateOrganization(id: $id, input: { economy: "FR" }) { id } }`,
        {
          id: org.id,
        },
      ),
    ).toBe('BAD_USER_INPUT');
    await owner.client.data(`mutation($id: ID!) { deleteOrganization(id: $id) { id } }`, { id: org.id });

    const log = await events({ targetId: org.id });
    expect(log.nodes.map((e: { action: string }) => e.action)).toEqual([
      'organization.deleted',
      'organization.updated',
      'organization.created',
    ]);
    for (const e of log.nodes) expect(e.actor).toEqual({ id: owner.userId });
    expect(JSON.parse(log.nodes[1].details).fields.sort()).toEqual(['city', 'employees']);
  });

  it('records role changes with the roles before and after', async () => {
    const target = await t.signUp(Role.MSME_OWNER);
    await admin.client.data(
      `mutation($id: ID!) { updateUserRoles(id: $id, input: { roles: [PROGRAM_MANAGER], managedEconomies: ["TH"] }) { id } }`,
      { id: target.userId },
    );
    const [event] = (await events({ action: 'user.roles_changed', targetId: target.userId })).nodes;
    expect(event.actor).toEqual({ id: admin.userId });
    expect(JSON.parse(event.details)).toEqual({
      before: { roles: ['MSME_OWNER'], managedEconomies: [] },
      after: { roles: ['PROGRAM_MANAGER'], managedEconomies: ['TH'] },
    });
  });

  it('records mentor profile changes by field name only (gender stays private)', async () => {
    const mentor = await t.signUp(Role.MENTOR);
    const { upsertMentorProfile } = await mentor.client.data(
      `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
      { input: mentorInput({ gender: 'WOMAN' }) },
    );
    const [created] = (await events({ targetId: upsertMentorProfile.id })).nodes;
    expect(created.action).toBe('mentor_profile.created');
    expect(created.details).not.toContain('WOMAN');
    expect(JSON.parse(created.details).fields).toContain('gender');
  });

  it('records self-registration as the new user’s own act', async () => {
    const mentor = await t.signUp(Role.MENTOR);
    const [event] = (await events({ action: 'user.registered', targetId: mentor.userId })).nodes;
    expect(event.actor).toEqual({ id: mentor.userId });
    expect(event.details).not.toContain(mentor.email);
  });

  it('pages newest first without gaps or repeats', async () => {
    const all = await events({ first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        await events({ first: 3, after });
      seen.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n: { id: string }) => n.id));
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
  });

  it('is for admins only', async () => {
    expect(await owner.client.errorCode(EVENTS, {})).toBe('FORBIDDEN');
    expect(await t.client.errorCode(EVENTS, {})).toBe('UNAUTHENTICATED');
  });
});
