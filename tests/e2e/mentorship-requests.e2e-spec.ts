import { Role } from '@app/common';
import { MentorshipRecordsService, MentorshipRequestsService } from '@app/mentorships';
import { mentorInput, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const UPSERT_MENTOR = `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`;
const REQUEST = `mutation($input: RequestMentorshipInput!) {
  requestMentorship(input: $input) { id status source goals expiresAt organization { id name } mentor { id } }
}`;
const ACCEPT = `mutation($id: ID!) { acceptMentorshipRequest(id: $id) { id status decidedAt mentorship { id status } } }`;
const DECLINE = `mutation($id: ID!, $reason: DeclineReason!, $comment: String) {
  declineMentorshipRequest(id: $id, reason: $reason, comment: $comment) { id status declineReason declineComment }
}`;
const CANCEL = `mutation($id: ID!) { cancelMentorshipRequest(id: $id) { id status } }`;
const REQUESTS = `query($filter: MentorshipRequestFilterInput) {
  mentorshipRequests(filter: $filter, first: 50) { totalCount nodes { id status organization { name } mentor { id } } }
}`;
const COMPLETE = `mutation($id: ID!) { completeMentorship(id: $id) { id status endedAt } }`;
const END = `mutation($id: ID!, $reason: String!) { endMentorship(id: $id, reason: $reason) { id status endReason } }`;
const NOTIFICATIONS = `query { notifications(first: 50) { totalCount nodes { id kind requestId mentorshipId readAt } } }`;
const MARK_READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;

describe(`mentorship requests (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let owner: SignedIn;
  let otherOwner: SignedIn;
  let manager: SignedIn;

  async function mentor(overrides: Record<string, unknown> = {}): Promise<{ user: SignedIn; id: string }> {
    const user = await t.signUp(Role.MENTOR);
    const { upsertMentorProfile } = await user.client.data(UPSERT_MENTOR, { input: mentorInput(overrides) });
    return { user, id: upsertMentorProfile.id };
  }

  async function organization(by: SignedIn, overrides: Record<string, unknown> = {}): Promise<string> {
    const { createOrganization } = await by.client.data(CREATE_ORG, { input: organizationInput(overrides) });
    return createOrganization.id;
  }

  const request = (
    by: SignedIn,
    organizationId: string,
    mentorId: string,
    extra: Record<string, unknown> = {},
  ) =>
    by.client.request(REQUEST, { input: { organizationId, mentorId, message: 'Help us export', ...extra } });

  /** Counters on organisations and mentors against the rows they count. */
  async function countersMatchRows(): Promise<void> {
    const orgs = await t.dataSource.query(
      `SELECT o.id, o.open_requests, o.active_mentorships,
              (SELECT count(*) FROM mentorship_requests r WHERE r.organization_id = o.id AND r.status = 'PENDING')::int AS pending,
              (SELECT count(*) FROM mentorships s WHERE s.organization_id = o.id AND s.status = 'ACTIVE')::int AS active
         FROM organizations o`,
    );
    for (const o of orgs) {
      expect([o.id, o.open_requests]).toEqual([o.id, o.pending]);
      expect([o.id, o.active_mentorships]).toEqual([o.id, o.active]);
    }
    const mentors = await t.dataSource.query(
      `SELECT m.id, m.active_mentorships, m.capacity,
              (SELECT count(*) FROM mentorships s WHERE s.mentor_id = m.id AND s.status = 'ACTIVE')::int AS active
         FROM mentor_profiles m`,
    );
    for (const m of mentors) {
      expect([m.id, m.active_mentorships]).toEqual([m.id, m.active]);
      expect(m.active_mentorships).toBeLessThanOrEqual(m.capacity);
    }
  }

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    owner = await t.signUp(Role.MSME_OWNER);
    otherOwner = await t.signUp(Role.MSME_OWNER);
    manager = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH'] });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('runs a request through acceptance to a completed mentorship, telling each side', async () => {
    const m = await mentor();
    const org = await organization(owner);
    const res = await request(owner, org, m.id, { goals: ['First export order', '  '] });
    expect(res.errors).toBeUndefined();
    const sent = res.data!.requestMentorship;
    expect(sent).toMatchObject({ status: 'PENDING', source: 'DIRECT', goals: ['First export order'] });
    expect(sent.organization.id).toBe(org);
    const days = (Date.parse(sent.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    // The mentor sees it, with the organisation that asked.
    const inbox = await m.user.client.data(REQUESTS, { filter: { status: 'PENDING' } });
    expect(inbox.mentorshipRequests.nodes).toEqual([
      {
        id: sent.id,
        status: 'PENDING',
        organization: { name: 'Chiang Mai Coffee Roasters' },
        mentor: { id: m.id },
      },
    ]);
    // With how well they match, the points adding up to the score.
    const { mentorshipRequest: seen } = await m.user.client.data(
      `query($id: ID!) { mentorshipRequest(id: $id) { match { score breakdown { code points maxPoints } }
        mentor { capacity activeMentorships } } }`,
      { id: sent.id },
    );
    expect(seen.match.score).toBeGreaterThan(0);
    expect(seen.match.breakdown).toHaveLength(6);
    expect(seen.match.breakdown.reduce((n: number, c: { points: number }) => n + c.points, 0)).toBe(
      seen.match.score,
    );
    expect(seen.mentor.activeMentorships).toBe(0);
    const received = (await m.user.client.data(NOTIFICATIONS)).notifications.nodes;
    expect(received).toEqual([
      expect.objectContaining({ kind: 'REQUEST_RECEIVED', requestId: sent.id, readAt: null }),
    ]);
    // Its e-mail waits in the outbox: no SMTP_URL here.
    await t.settle();
    const mails = await t.dataSource.query(
      `SELECT template, to_address, sent_at, body FROM email_outbox WHERE user_id = $1`,
      [m.user.userId],
    );
    expect(mails).toEqual([
      expect.objectContaining({ template: 'REQUEST_RECEIVED', to_address: m.user.email, sent_at: null }),
    ]);
    expect(mails[0].body).toContain(`/requests/${sent.id}`);
    const read = await m.user.client.data(MARK_READ, { id: received[0].id });
    expect(read.markNotificationRead.readAt).not.toBeNull();
    // Nobody else reads it.
    expect(await owner.client.errorCode(MARK_READ, { id: received[0].id })).toBe('NOT_FOUND');

    const { acceptMentorshipRequest: accepted } = await m.user.client.data(ACCEPT, { id: sent.id });
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.mentorship.status).toBe('ACTIVE');
    const { myMentorProfile } = await m.user.client.data(
      `{ myMentorProfile { activeMentorships capacity } }`,
    );
    expect(myMentorProfile.activeMentorships).toBe(1);
    const ownerNews = (await owner.client.data(NOTIFICATIONS)).notifications.nodes;
    expect(ownerNews).toEqual([
      expect.objectContaining({
        kind: 'REQUEST_ACCEPTED',
        requestId: sent.id,
        mentorshipId: accepted.mentorship.id,
      }),
    ]);
    await countersMatchRows();

    const { completeMentorship } = await owner.client.data(COMPLETE, { id: accepted.mentorship.id });
    expect(completeMentorship.status).toBe('COMPLETED');
    expect(await m.user.client.errorCode(END, { id: accepted.mentorship.id, reason: 'x' })).toBe(
      'NOT_ACTIVE',
    );
    const [row] = await t.dataSource.query('SELECT active_mentorships FROM mentor_profiles WHERE id = $1', [
      m.id,
    ]);
    expect(row.active_mentorships).toBe(0);
    await countersMatchRows();

    // The audit log holds every step, in order.
    const actions = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE target_id IN ($1, $2) ORDER BY id`,
      [sent.id, accepted.mentorship.id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'mentorship_request.created',
      'mentorship_request.accepted',
      'mentorship.completed',
    ]);
  });

  it('refuses bad requests with a code and changes nothing', async () => {
    const [a, b, c, d] = [await mentor(), await mentor(), await mentor(), await mentor()];
    const thaiOnly = await mentor({ languages: ['th'], economy: 'TH' });
    const closed = await mentor({ acceptingRequests: false });
    const org = await organization(owner, { languages: ['en'] });
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM mentorship_requests');

    const code = async (p: Promise<{ errors?: Array<{ extensions?: Record<string, unknown> }> }>) =>
      (await p).errors?.[0]?.extensions?.code;
    expect(await code(request(owner, org, a.id, { message: '   ' }))).toBe('BAD_USER_INPUT');
    expect(await code(request(owner, org, a.id, { message: 'x'.repeat(2001) }))).toBe('BAD_USER_INPUT');
    expect(await code(request(owner, org, thaiOnly.id))).toBe('NOT_ELIGIBLE');
    expect(await code(request(owner, org, closed.id))).toBe('NOT_ELIGIBLE');
    expect(await code(request(otherOwner, org, a.id))).toBe('NOT_FOUND');
    expect(await code(request(manager, org, a.id))).toBe('FORBIDDEN');
    expect(await code(request(owner, org, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM mentorship_requests');
    expect(after[0].n).toBe(before[0].n);

    expect((await request(owner, org, a.id)).errors).toBeUndefined();
    expect(await code(request(owner, org, a.id))).toBe('DUPLICATE_REQUEST');
    expect((await request(owner, org, b.id)).errors).toBeUndefined();
    expect((await request(owner, org, c.id)).errors).toBeUndefined();
    expect(await code(request(owner, org, d.id))).toBe('TOO_MANY_OPEN_REQUESTS');
    await countersMatchRows();
  });

  it('decides a request once: decline, cancel and accept after a decision are refused', async () => {
    const a = await mentor();
    const b = await mentor();
    const org = await organization(owner);
    const first = (await request(owner, org, a.id)).data!.requestMentorship.id;
    const second = (await request(owner, org, b.id)).data!.requestMentorship.id;

    // Only the addressed mentor answers; only the owner cancels.
    expect(await b.user.client.errorCode(ACCEPT, { id: first })).toBe('NOT_FOUND');
    expect(await owner.client.errorCode(ACCEPT, { id: first })).toBe('FORBIDDEN');
    expect(await a.user.client.errorCode(CANCEL, { id: first })).toBe('FORBIDDEN');
    expect(await manager.client.errorCode(CANCEL, { id: first })).toBe('FORBIDDEN');

    const { declineMentorshipRequest } = await a.user.client.data(DECLINE, {
      id: first,
      reason: 'TIMING',
      comment: 'Travelling until March',
    });
    expect(declineMentorshipRequest).toMatchObject({ status: 'DECLINED', declineReason: 'TIMING' });
    expect(await a.user.client.errorCode(ACCEPT, { id: first })).toBe('ALREADY_DECIDED');
    expect(await owner.client.errorCode(CANCEL, { id: first })).toBe('ALREADY_DECIDED');

    expect((await owner.client.data(CANCEL, { id: second })).cancelMentorshipRequest.status).toBe(
      'CANCELLED',
    );
    expect(await b.user.client.errorCode(ACCEPT, { id: second })).toBe('ALREADY_DECIDED');
    const kinds = (await owner.client.data(NOTIFICATIONS)).notifications.nodes.map(
      (n: { kind: string }) => n.kind,
    );
    expect(kinds).toContain('REQUEST_DECLINED');
    // The program manager of the economy sees both.
    const seen = await manager.client.data(REQUESTS, { filter: { organizationId: org } });
    expect(seen.mentorshipRequests.totalCount).toBe(2);
    expect(
      (await otherOwner.client.data(REQUESTS, { filter: { organizationId: org } })).mentorshipRequests
        .totalCount,
    ).toBe(0);
    await countersMatchRows();
  });

  it('withdraws the other open requests once the organisation has the mentors it wants', async () => {
    const [a, b, c] = [await mentor(), await mentor(), await mentor()];
    const org = await organization(owner);
    const ids: string[] = [];
    for (const m of [a, b, c]) ids.push((await request(owner, org, m.id)).data!.requestMentorship.id);
    await b.user.client.data(ACCEPT, { id: ids[1] });
    const statuses = await t.dataSource.query(
      `SELECT id, status FROM mentorship_requests WHERE organization_id = $1 ORDER BY created_at`,
      [org],
    );
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(['WITHDRAWN', 'ACCEPTED', 'WITHDRAWN']);
    for (const [m, id] of [
      [a, ids[0]],
      [c, ids[2]],
    ] as const) {
      const news = (await m.user.client.data(NOTIFICATIONS)).notifications.nodes;
      expect(news.map((n: { kind: string; requestId: string }) => [n.kind, n.requestId])).toContainEqual([
        'REQUEST_WITHDRAWN',
        id,
      ]);
    }
    await countersMatchRows();
  });

  it('keeps other requests open until the organisation has as many mentors as it wants', async () => {
    const [a, b, c] = [await mentor(), await mentor(), await mentor()];
    const org = await organization(owner, { mentorsWanted: 2 });
    const ids: string[] = [];
    for (const m of [a, b, c]) ids.push((await request(owner, org, m.id)).data!.requestMentorship.id);
    await a.user.client.data(ACCEPT, { id: ids[0] });
    const statuses = async () =>
      (
        await t.dataSource.query(`SELECT status FROM mentorship_requests WHERE id = ANY($1::uuid[])`, [ids])
      ).map((r: { status: string }) => r.status);
    expect((await statuses()).sort()).toEqual(['ACCEPTED', 'PENDING', 'PENDING']);
    await b.user.client.data(ACCEPT, { id: ids[1] });
    expect((await statuses()).sort()).toEqual(['ACCEPTED', 'ACCEPTED', 'WITHDRAWN']);
    expect(
      await owner.client.errorCode(
        `mutation($id: ID!) { updateOrganization(id: $id, input: { mentorsWanted: 4 }) { id } }`,
        { id: org },
      ),
    ).toBe('BAD_USER_INPUT');
    await countersMatchRows();
  });

  it('never exceeds capacity: 100 concurrent accepts against capacity 3 → exactly 3 succeed', async () => {
    const m = await mentor({ capacity: 3 });
    const requestIds: string[] = [];
    for (let i = 0; i < 100; i++) {
      const org = await organization(owner, { name: `Concurrent ${i}` });
      requestIds.push((await request(owner, org, m.id)).data!.requestMentorship.id);
    }
    const results = await Promise.all(requestIds.map((id) => m.user.client.request(ACCEPT, { id })));
    const codes = results.map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK'));
    expect(codes.filter((c) => c === 'OK')).toHaveLength(3);
    expect(codes.filter((c) => c === 'CAPACITY_FULL')).toHaveLength(97);
    const [row] = await t.dataSource.query(
      `SELECT m.active_mentorships, (SELECT count(*) FROM mentorships s WHERE s.mentor_id = m.id)::int AS rows
         FROM mentor_profiles m WHERE m.id = $1`,
      [m.id],
    );
    expect(row).toEqual({ active_mentorships: 3, rows: 3 });
    // The refused requests are still open, for the mentor to decline or let expire.
    const [open] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mentorship_requests WHERE mentor_id = $1 AND status = 'PENDING'`,
      [m.id],
    );
    expect(open.n).toBe(97);
    // At capacity, new requests are refused up front.
    const another = await organization(owner, { name: 'One more' });
    expect((await request(owner, another, m.id)).errors?.[0]?.extensions?.code).toBe('CAPACITY_FULL');
    // Capacity cannot be cut below the mentorships running.
    expect(await m.user.client.errorCode(UPSERT_MENTOR, { input: mentorInput({ capacity: 2 }) })).toBe(
      'BAD_USER_INPUT',
    );
    await countersMatchRows();
  });

  it('expires an unanswered request and reminds its mentor once, however often the jobs run', async () => {
    const m = await mentor();
    const org = await organization(otherOwner);
    const id = (await request(otherOwner, org, m.id)).data!.requestMentorship.id;
    const service = t.app.get(MentorshipRequestsService);

    expect(await service.expire(id)).toBe(false); // not due yet
    expect(await service.remind(id)).toBe(true);
    expect(await service.remind(id)).toBe(false);
    await t.dataSource.query(
      `UPDATE mentorship_requests SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    const runs = await Promise.all([service.expire(id), service.expire(id), service.expire(id)]);
    expect(runs.filter(Boolean)).toHaveLength(1);

    const [row] = await t.dataSource.query('SELECT status FROM mentorship_requests WHERE id = $1', [id]);
    expect(row.status).toBe('EXPIRED');
    const mentorKinds = (await m.user.client.data(NOTIFICATIONS)).notifications.nodes.map(
      (n: { kind: string }) => n.kind,
    );
    expect(mentorKinds.filter((k: string) => k === 'REQUEST_REMINDER')).toHaveLength(1);
    const ownerKinds = (await otherOwner.client.data(NOTIFICATIONS)).notifications.nodes.map(
      (n: { kind: string }) => n.kind,
    );
    expect(ownerKinds.filter((k: string) => k === 'REQUEST_EXPIRED')).toHaveLength(1);
    expect(await m.user.client.errorCode(ACCEPT, { id })).toBe('ALREADY_DECIDED');
    await countersMatchRows();
  });

  it('refuses to delete an organisation in a running mentorship, and cancels its open requests when deleted', async () => {
    const DELETE_ORG = `mutation($id: ID!) { deleteOrganization(id: $id) { id } }`;
    const [a, b] = [await mentor(), await mentor()];
    const busy = await organization(owner);
    const id = (await request(owner, busy, a.id)).data!.requestMentorship.id;
    const { acceptMentorshipRequest } = await a.user.client.data(ACCEPT, { id });
    expect(await owner.client.errorCode(DELETE_ORG, { id: busy })).toBe('CONFLICT');

    const waiting = await organization(owner);
    const open = (await request(owner, waiting, b.id)).data!.requestMentorship.id;
    await owner.client.data(DELETE_ORG, { id: waiting });
    const [row] = await t.dataSource.query('SELECT status FROM mentorship_requests WHERE id = $1', [open]);
    expect(row.status).toBe('CANCELLED');
    const told = (await b.user.client.data(NOTIFICATIONS)).notifications.nodes.map(
      (n: { kind: string; requestId: string }) => [n.kind, n.requestId],
    );
    expect(told).toContainEqual(['REQUEST_CANCELLED', open]);
    // Once the mentorship has ended, the first one may go too.
    await owner.client.data(END, {
      id: acceptMentorshipRequest.mentorship.id,
      reason: 'Closing the business',
    });
    expect((await owner.client.request(DELETE_ORG, { id: busy })).errors).toBeUndefined();
    // The mentor still sees the finished mentorship; its organisation is gone.
    const { mentorships } = await a.user.client.data(
      `{ mentorships { nodes { status organization { id } } } }`,
    );
    expect(mentorships.nodes).toEqual([{ status: 'ENDED', organization: null }]);
  });

  describe('inside a mentorship', () => {
    const MENTORSHIP = `query($id: ID!) { mentorship(id: $id) {
      id status goals { id title status } sessions { heldOn minutes topics notes }
      feedback { side rating comment } outcomes { id kind economies jobsCreated caseStudy caseStudyNarrative }
    } }`;
    const ADD_GOAL = `mutation($id: ID!, $title: String!) { addMentorshipGoal(mentorshipId: $id, title: $title) { id status } }`;
    const UPDATE_GOAL = `mutation($id: ID!, $status: GoalStatus) { updateMentorshipGoal(id: $id, status: $status) { id status } }`;
    const LOG = `mutation($id: ID!, $input: LogSessionInput!) { logMentorshipSession(mentorshipId: $id, input: $input) { heldOn } }`;
    const FEEDBACK = `mutation($id: ID!, $rating: Int!, $comment: String) {
      submitMentorshipFeedback(mentorshipId: $id, rating: $rating, comment: $comment) { side rating }
    }`;
    const OUTCOMES = `mutation($id: ID!, $outcomes: [OutcomeInput!]!) {
      reportMentorshipOutcomes(mentorshipId: $id, outcomes: $outcomes) { id kind }
    }`;
    const CASE_STUDY = `mutation($id: ID!, $narrative: String!) { markOutcomeCaseStudy(outcomeId: $id, narrative: $narrative) { caseStudy } }`;
    const today = () => new Date().toISOString().slice(0, 10);

    async function started(goals: string[] = []) {
      const m = await mentor();
      const org = await organization(owner);
      const id = (await request(owner, org, m.id, { goals })).data!.requestMentorship.id;
      const { acceptMentorshipRequest } = await m.user.client.data(ACCEPT, { id });
      return { m, org, mentorshipId: acceptMentorshipRequest.mentorship.id as string };
    }

    it('keeps goals and sessions while it runs, then takes feedback from each side once', async () => {
      const { m, mentorshipId } = await started(['Find a distributor in Japan']);
      let view = (await owner.client.data(MENTORSHIP, { id: mentorshipId })).mentorship;
      expect(view.goals).toEqual([
        expect.objectContaining({ title: 'Find a distributor in Japan', status: 'OPEN' }),
      ]);

      const goal = (await m.user.client.data(ADD_GOAL, { id: mentorshipId, title: 'Price list in yen' }))
        .addMentorshipGoal;
      await owner.client.data(UPDATE_GOAL, { id: goal.id, status: 'ACHIEVED' });
      const session = { heldOn: today(), minutes: 60, topics: ['EXPORT'], notes: 'Walked through Incoterms' };
      await m.user.client.data(LOG, { id: mentorshipId, input: session });
      expect(
        await owner.client.errorCode(LOG, { id: mentorshipId, input: { ...session, heldOn: '2020-01-01' } }),
      ).toBe('BAD_USER_INPUT');
      expect(
        await owner.client.errorCode(LOG, { id: mentorshipId, input: { ...session, heldOn: '2026-13-40' } }),
      ).toBe('BAD_USER_INPUT');
      expect(
        await owner.client.errorCode(LOG, { id: mentorshipId, input: { ...session, topics: ['NOPE'] } }),
      ).toBe('BAD_USER_INPUT');
      expect(await owner.client.errorCode(LOG, { id: mentorshipId, input: { ...session, minutes: 0 } })).toBe(
        'BAD_USER_INPUT',
      );
      expect(await otherOwner.client.errorCode(LOG, { id: mentorshipId, input: session })).toBe('NOT_FOUND');
      expect(await manager.client.errorCode(LOG, { id: mentorshipId, input: session })).toBe('FORBIDDEN');
      expect(await owner.client.errorCode(FEEDBACK, { id: mentorshipId, rating: 5 })).toBe('NOT_FINISHED');

      await m.user.client.data(COMPLETE, { id: mentorshipId });
      expect(await owner.client.errorCode(LOG, { id: mentorshipId, input: session })).toBe('NOT_ACTIVE');
      for (const who of [owner, m.user]) {
        const kinds = (await who.client.data(NOTIFICATIONS)).notifications.nodes
          .filter((n: { mentorshipId: string }) => n.mentorshipId === mentorshipId)
          .map((n: { kind: string }) => n.kind);
        expect(kinds).toContain('FEEDBACK_DUE');
      }
      expect(await owner.client.errorCode(FEEDBACK, { id: mentorshipId, rating: 6 })).toBe('BAD_USER_INPUT');
      await owner.client.data(FEEDBACK, { id: mentorshipId, rating: 5, comment: 'Opened Japan for us' });
      expect(await owner.client.errorCode(FEEDBACK, { id: mentorshipId, rating: 4 })).toBe(
        'ALREADY_SUBMITTED',
      );
      // Hidden from the mentor until they have given theirs.
      expect((await m.user.client.data(MENTORSHIP, { id: mentorshipId })).mentorship.feedback).toEqual([]);
      expect((await owner.client.data(MENTORSHIP, { id: mentorshipId })).mentorship.feedback).toHaveLength(1);
      await m.user.client.data(FEEDBACK, { id: mentorshipId, rating: 4 });
      view = (await m.user.client.data(MENTORSHIP, { id: mentorshipId })).mentorship;
      expect(view.feedback.map((f: { side: string; rating: number }) => [f.side, f.rating]).sort()).toEqual([
        ['MENTOR', 4],
        ['ORGANIZATION', 5],
      ]);
      expect(view.sessions).toEqual([session]);
      expect(view.goals.map((g: { status: string }) => g.status)).toEqual(['OPEN', 'ACHIEVED']);
    });

    it('lets an admin finish a mentorship, and tells a program manager who may', async () => {
      const { mentorshipId } = await started();
      const refused = await manager.client.request(COMPLETE, { id: mentorshipId });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // The message names everyone the rule lets finish it, admins included.
      expect(refused.errors?.[0]?.message).toMatch(/mentor/);
      expect(refused.errors?.[0]?.message).toMatch(/owner/);
      expect(refused.errors?.[0]?.message).toMatch(/admin/i);
      const admin = await t.signUp(Role.ADMIN);
      const { completeMentorship } = await admin.client.data(COMPLETE, { id: mentorshipId });
      expect(completeMentorship.status).toBe('COMPLETED');
    });

    it('shows one side’s feedback to the other 14 days after the end', async () => {
      const { m, mentorshipId } = await started();
      await owner.client.data(END, { id: mentorshipId, reason: 'Moved to another market' });
      await m.user.client.data(FEEDBACK, { id: mentorshipId, rating: 3 });
      expect((await owner.client.data(MENTORSHIP, { id: mentorshipId })).mentorship.feedback).toEqual([]);
      await t.dataSource.query(`UPDATE mentorships SET ended_at = now() - interval '15 days' WHERE id = $1`, [
        mentorshipId,
      ]);
      expect((await owner.client.data(MENTORSHIP, { id: mentorshipId })).mentorship.feedback).toEqual([
        { side: 'MENTOR', rating: 3, comment: '' },
      ]);
    });

    it('takes outcomes from the owner, asks for them once, and lets a program manager feature one', async () => {
      const { m, mentorshipId } = await started();
      const records = t.app.get(MentorshipRecordsService);
      expect(
        await Promise.all([records.sendOutcomeSurvey(mentorshipId), records.sendOutcomeSurvey(mentorshipId)]),
      ).toEqual(expect.arrayContaining([true, false]));
      const surveys = (await owner.client.data(NOTIFICATIONS)).notifications.nodes.filter(
        (n: { kind: string; mentorshipId: string }) =>
          n.kind === 'OUTCOME_SURVEY_DUE' && n.mentorshipId === mentorshipId,
      );
      expect(surveys).toHaveLength(1);

      const bad = [
        [],
        [{ kind: 'NONE' }, { kind: 'PARTNERSHIP' }],
        [{ kind: 'EXPORT_STARTED' }],
        [{ kind: 'EXPORT_STARTED', economies: ['XX'] }],
        [{ kind: 'FINANCING' }],
        [{ kind: 'PARTNERSHIP', jobsCreated: 3 }],
        [{ kind: 'JOBS_CREATED', jobsCreated: 0 }],
        [{ kind: 'PARTNERSHIP' }, { kind: 'PARTNERSHIP' }],
      ];
      for (const outcomes of bad) {
        expect([outcomes, await owner.client.errorCode(OUTCOMES, { id: mentorshipId, outcomes })]).toEqual([
          outcomes,
          'BAD_USER_INPUT',
        ]);
      }
      expect(
        await m.user.client.errorCode(OUTCOMES, { id: mentorshipId, outcomes: [{ kind: 'NONE' }] }),
      ).toBe('FORBIDDEN');
      const reported = (
        await owner.client.data(OUTCOMES, {
          id: mentorshipId,
          outcomes: [
            { kind: 'EXPORT_STARTED', economies: ['JP', 'JP'] },
            { kind: 'JOBS_CREATED', jobsCreated: 3 },
            { kind: 'FINANCING', financingBand: 'FROM_10K_TO_50K' },
          ],
        })
      ).reportMentorshipOutcomes;
      expect(reported.map((o: { kind: string }) => o.kind)).toEqual([
        'EXPORT_STARTED',
        'JOBS_CREATED',
        'FINANCING',
      ]);

      const vietnamManager = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['VN'] });
      const narrative = 'First export order to Osaka within five months';
      expect(await vietnamManager.client.errorCode(CASE_STUDY, { id: reported[0].id, narrative })).toBe(
        'NOT_FOUND',
      );
      expect(await owner.client.errorCode(CASE_STUDY, { id: reported[0].id, narrative })).toBe('FORBIDDEN');
      expect(
        (await manager.client.data(CASE_STUDY, { id: reported[0].id, narrative })).markOutcomeCaseStudy,
      ).toEqual({
        caseStudy: true,
      });
      const view = (await manager.client.data(MENTORSHIP, { id: mentorshipId })).mentorship;
      expect(view.outcomes.find((o: { id: string }) => o.id === reported[0].id)).toMatchObject({
        kind: 'EXPORT_STARTED',
        economies: ['JP'],
        caseStudyNarrative: narrative,
      });
    });
  });
});
