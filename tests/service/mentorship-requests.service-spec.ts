import type { Type } from '@nestjs/common';
import { Actor, Role } from '@app/common';
import {
  DeclineReason,
  MentorSuggestions,
  MentorshipRequestsService,
  MentorshipsService,
  NotificationKind,
  RequestSource,
  RequestStatus,
} from '@app/mentorships';
import {
  MentorProfilesService,
  OrganizationsService,
  type MentorFields,
  type OrganizationFields,
} from '@app/profiles';
import { mentorInput, organizationInput } from '@app/testing';
import { startServiceTest, type ServiceTest } from '@app/testing/service-test';

const DAY_MS = 86_400_000;

/**
 * Mentorship requests on a real database, without GraphQL: each decision's rows, counters,
 * notifications, e-mails in the outbox and the jobs it records (`t.jobs()`), in one transaction.
 */
describe('MentorshipRequestsService (PGlite, real migrations)', () => {
  let t: ServiceTest;
  let requests: MentorshipRequestsService;
  let organizations: OrganizationsService;
  let mentors: MentorProfilesService;
  let owner: Actor;

  interface Email {
    user_id: string;
    to_address: string;
    template: string;
    subject: string;
    body: string;
  }

  interface Job {
    name: string;
    payload: unknown;
    jobId: string | null;
    inDays: number;
  }

  interface Mentor {
    actor: Actor;
    id: string;
  }

  async function mentor(overrides: Record<string, unknown> = {}): Promise<Mentor> {
    const actor = await t.actor(Role.MENTOR);
    const profile = await mentors.upsert(actor, mentorInput(overrides) as unknown as MentorFields);
    return { actor, id: profile.id };
  }

  async function organization(by: Actor, overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await organizations.create(
      by,
      organizationInput(overrides) as unknown as OrganizationFields,
    );
    return created.id;
  }

  const ask = (org: string, m: Mentor, extra: Record<string, unknown> = {}, by = owner) =>
    requests.request(by, { organizationId: org, mentorId: m.id, message: 'Help us export', ...extra });

  /** What happens from here on: jobs recorded, notifications and e-mails written. */
  async function mark() {
    const [{ job }] = await t.dataSource.query(`SELECT coalesce(max(id), 0)::int AS job FROM job_intents`);
    const seen = async (table: string): Promise<string[]> =>
      (await t.dataSource.query(`SELECT id FROM ${table}`)).map((r: { id: string }) => r.id);
    const [notified, emailed] = [await seen('notifications'), await seen('email_outbox')];
    return {
      jobs: async (): Promise<Job[]> =>
        (
          await t.dataSource.query(
            `SELECT name, payload, job_id, run_at FROM job_intents WHERE id > $1 ORDER BY id`,
            [job],
          )
        ).map((r: { name: string; payload: unknown; job_id: string | null; run_at: Date | null }) => ({
          name: r.name,
          payload: r.payload,
          jobId: r.job_id,
          inDays: r.run_at ? (r.run_at.getTime() - Date.now()) / DAY_MS : 0,
        })),
      notifications: async (): Promise<Array<[string, string, string | null]>> =>
        (
          await t.dataSource.query(
            `SELECT user_id, kind, request_id FROM notifications WHERE id <> ALL($1::uuid[])
              ORDER BY created_at, kind, user_id`,
            [notified],
          )
        ).map((r: { user_id: string; kind: string; request_id: string | null }) => [
          r.user_id,
          r.kind,
          r.request_id,
        ]),
      emails: async (): Promise<Email[]> =>
        t.dataSource.query(
          `SELECT user_id, to_address, template, subject, body FROM email_outbox WHERE id <> ALL($1::uuid[])
            ORDER BY created_at, template, user_id`,
          [emailed],
        ),
    };
  }

  const emailOf = async (userId: string): Promise<string> =>
    (await t.dataSource.query(`SELECT email FROM users WHERE id = $1`, [userId]))[0].email;

  const statusOf = async (id: string): Promise<string> =>
    (await t.dataSource.query(`SELECT status FROM mentorship_requests WHERE id = $1`, [id]))[0].status;

  /** Counters on organisations and mentors against the rows they count. */
  async function countersMatchRows(): Promise<void> {
    const orgs = await t.dataSource.query(
      `SELECT o.id, o.open_requests, o.active_mentorships,
              (SELECT count(*) FROM mentorship_requests r WHERE r.organization_id = o.id AND r.status = 'PENDING')::int AS pending,
              (SELECT count(*) FROM mentorships s WHERE s.organization_id = o.id AND s.status = 'ACTIVE')::int AS active
         FROM organizations o`,
    );
    for (const o of orgs)
      expect([o.id, o.open_requests, o.active_mentorships]).toEqual([o.id, o.pending, o.active]);
    const ms = await t.dataSource.query(
      `SELECT m.id, m.active_mentorships, m.capacity,
              (SELECT count(*) FROM mentorships s WHERE s.mentor_id = m.id AND s.status = 'ACTIVE')::int AS active
         FROM mentor_profiles m`,
    );
    for (const m of ms) {
      expect([m.id, m.active_mentorships]).toEqual([m.id, m.active]);
      expect(m.active_mentorships).toBeLessThanOrEqual(m.capacity);
    }
  }

  /** The port's binding (matching's lists), to stub what an expired request is offered. */
  const suggestions = () => t.app.get(MentorSuggestions as unknown as Type<MentorSuggestions>);

  beforeAll(async () => {
    t = await startServiceTest();
    requests = t.get(MentorshipRequestsService);
    organizations = t.get(OrganizationsService);
    mentors = t.get(MentorProfilesService);
    owner = await t.actor(Role.MSME_OWNER);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('sends a request: the mentor is told and e-mailed, expiry and reminder are scheduled with fixed ids', async () => {
    const m = await mentor();
    const org = await organization(owner, { name: 'Cebu Dried Mangoes' });
    const since = await mark();
    const sent = await ask(org, m, { goals: [' First export order ', ' '] });
    expect(sent).toMatchObject({
      status: RequestStatus.PENDING,
      source: RequestSource.DIRECT,
      goals: ['First export order'],
      requestedBy: owner.userId,
    });
    expect((sent.expiresAt.getTime() - Date.now()) / DAY_MS).toBeCloseTo(t.config.REQUEST_EXPIRY_DAYS, 1);

    const jobs = await since.jobs();
    expect(jobs.map((j) => [j.name, j.jobId, j.payload])).toEqual([
      ['request-expire', `request-expire-${sent.id}`, { requestId: sent.id }],
      ['request-remind', `request-remind-${sent.id}`, { requestId: sent.id }],
      ['email-dispatch', null, {}],
    ]);
    expect(jobs[0].inDays).toBeCloseTo(t.config.REQUEST_EXPIRY_DAYS, 1);
    expect(jobs[1].inDays).toBeCloseTo(t.config.REQUEST_REMINDER_DAYS, 1);
    expect(await since.notifications()).toEqual([
      [m.actor.userId, NotificationKind.REQUEST_RECEIVED, sent.id],
    ]);
    const [mail] = await since.emails();
    expect(mail).toMatchObject({
      user_id: m.actor.userId,
      to_address: await emailOf(m.actor.userId),
      template: NotificationKind.REQUEST_RECEIVED,
      subject: 'Mentorship request from Cebu Dried Mangoes',
    });
    expect(mail.body).toContain(`Hello Service MENTOR`);
    expect(mail.body).toContain(`/requests/${sent.id}`);
    const [{ open_requests }] = await t.dataSource.query(
      `SELECT open_requests FROM organizations WHERE id = $1`,
      [org],
    );
    expect(open_requests).toBe(1);
  });

  it('refuses a request that fails a gate with its code, and changes nothing', async () => {
    const [a, b, c, d] = [await mentor(), await mentor(), await mentor(), await mentor()];
    const thaiOnly = await mentor({ languages: ['th'], economy: 'TH' });
    const closed = await mentor({ acceptingRequests: false });
    const org = await organization(owner, { languages: ['en'] });
    const selfMentor = await t.actor(Role.MENTOR);
    const self = {
      actor: selfMentor,
      id: (await mentors.upsert(selfMentor, mentorInput() as unknown as MentorFields)).id,
    };
    const ownOrg = await organization({ ...selfMentor, roles: [Role.MSME_OWNER, Role.MENTOR] });
    const other = await t.actor(Role.MSME_OWNER);
    const pm = await t.actor(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    const since = await mark();

    await expect(ask(org, a, { message: '  ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(ask(org, a, { goals: ['x'.repeat(201)] })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(ask(org, thaiOnly)).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
    await expect(ask(org, closed)).rejects.toMatchObject({ code: 'NOT_ELIGIBLE' });
    await expect(
      ask(ownOrg, self, {}, { ...selfMentor, roles: [Role.MSME_OWNER, Role.MENTOR] }),
    ).rejects.toMatchObject({
      code: 'NOT_ELIGIBLE',
    });
    await expect(ask(org, a, {}, other)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(ask(org, a, {}, pm)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      ask(org, { actor: a.actor, id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(ask('not-an-id', a)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await since.jobs()).toEqual([]);
    expect(await since.notifications()).toEqual([]);

    await ask(org, a);
    await expect(ask(org, a)).rejects.toMatchObject({ code: 'DUPLICATE_REQUEST' });
    await ask(org, b);
    await ask(org, c);
    await expect(ask(org, d)).rejects.toMatchObject({
      code: 'TOO_MANY_OPEN_REQUESTS',
      details: { limit: t.config.MAX_OPEN_REQUESTS },
    });
    await countersMatchRows();
  });

  it('accepts: a mentorship starts with the goals, the survey and e-mails scheduled, the mentor rescored', async () => {
    const m = await mentor();
    const org = await organization(owner, { name: 'Davao Cacao' });
    const sent = await ask(org, m, { goals: ['Export to Japan', 'Certification'] });
    const since = await mark();
    const accepted = await requests.accept(m.actor, sent.id);
    expect(accepted).toMatchObject({ id: sent.id, status: RequestStatus.ACCEPTED });
    expect(accepted.decidedAt).toBeInstanceOf(Date);
    const mentorship = await requests.mentorshipOf(sent.id);
    expect(mentorship).toMatchObject({ organizationId: org, mentorId: m.id, status: 'ACTIVE' });
    const goals = await t.dataSource.query(
      `SELECT title FROM mentorship_goals WHERE mentorship_id = $1 ORDER BY title`,
      [mentorship!.id],
    );
    expect(goals.map((g: { title: string }) => g.title)).toEqual(['Certification', 'Export to Japan']);

    const jobs = await since.jobs();
    expect(jobs.map((j) => [j.name, j.jobId, j.payload])).toEqual([
      ['outcome-survey', `outcome-survey-${mentorship!.id}`, { mentorshipId: mentorship!.id }],
      ['mentor-profile-changed', null, { mentorId: m.id }],
      ['email-dispatch', null, {}],
    ]);
    expect(jobs[0].inDays).toBeCloseTo(t.config.OUTCOME_SURVEY_DAYS, 1);
    expect(await since.notifications()).toEqual([[owner.userId, NotificationKind.REQUEST_ACCEPTED, sent.id]]);
    const [mail] = await since.emails();
    expect(mail).toMatchObject({ user_id: owner.userId, to_address: await emailOf(owner.userId) });
    expect(mail.subject).toMatch(/^Service MENTOR \d+ accepted your mentorship request$/);
    expect(mail.body).toContain('Davao Cacao');
    expect(mail.body).toContain(`/mentorships/${mentorship!.id}`);
    await countersMatchRows();
    await expect(requests.accept(m.actor, sent.id)).rejects.toMatchObject({ code: 'ALREADY_DECIDED' });
  });

  it('withdraws the other open requests once the organisation has the mentors it wants, telling their mentors', async () => {
    const [a, b, c] = [await mentor(), await mentor(), await mentor()];
    const org = await organization(owner);
    const [ra, rb, rc] = [await ask(org, a), await ask(org, b), await ask(org, c)];
    const since = await mark();
    await requests.accept(b.actor, rb.id);
    expect([await statusOf(ra.id), await statusOf(rb.id), await statusOf(rc.id)]).toEqual([
      'WITHDRAWN',
      'ACCEPTED',
      'WITHDRAWN',
    ]);
    const told = await since.notifications();
    expect(told).toEqual(
      expect.arrayContaining([
        [owner.userId, NotificationKind.REQUEST_ACCEPTED, rb.id],
        [a.actor.userId, NotificationKind.REQUEST_WITHDRAWN, ra.id],
        [c.actor.userId, NotificationKind.REQUEST_WITHDRAWN, rc.id],
      ]),
    );
    expect(told).toHaveLength(3);
    const mails = await since.emails();
    expect(mails.map((e) => [e.user_id, e.template]).sort()).toEqual(
      [
        [owner.userId, 'REQUEST_ACCEPTED'],
        [a.actor.userId, 'REQUEST_WITHDRAWN'],
        [c.actor.userId, 'REQUEST_WITHDRAWN'],
      ].sort(),
    );
    // One dispatch job for the transaction, however many e-mails it wrote.
    expect((await since.jobs()).filter((j) => j.name === 'email-dispatch')).toHaveLength(1);
    const audit = await t.dataSource.query(
      `SELECT target_id FROM audit_events WHERE action = 'mentorship_request.withdrawn' AND target_id IN ($1, $2)`,
      [ra.id, rc.id],
    );
    expect(audit).toHaveLength(2);
    await countersMatchRows();
  });

  it('withdraws many requests in a fixed number of statements, however many mentors it tells', async () => {
    /** Statements an acceptance takes when it withdraws `others` open requests. */
    async function statements(others: number): Promise<number> {
      const org = await organization(owner);
      const chosen = await mentor();
      const accepted = await ask(org, chosen);
      for (let i = 0; i < others; i++) await ask(org, await mentor());
      const spy = jest.spyOn(t.dataSource.logger, 'logQuery');
      try {
        await requests.accept(chosen.actor, accepted.id);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    }
    const one = await statements(1);
    // Only the audit log takes a statement per request withdrawn; notifications and e-mails do not.
    expect(await statements(2)).toBe(one + 1);
  });

  it('keeps other requests open until the organisation has as many mentors as it wants', async () => {
    const [a, b, c] = [await mentor(), await mentor(), await mentor()];
    const org = await organization(owner, { mentorsWanted: 2 });
    const [ra, rb, rc] = [await ask(org, a), await ask(org, b), await ask(org, c)];
    await requests.accept(a.actor, ra.id);
    expect([await statusOf(rb.id), await statusOf(rc.id)]).toEqual(['PENDING', 'PENDING']);
    await requests.accept(b.actor, rb.id);
    expect(await statusOf(rc.id)).toBe('WITHDRAWN');
    await countersMatchRows();
  });

  it('refuses new requests while the organisation runs the mentors it wants, from the owner and the platform', async () => {
    const [a, b, c] = [await mentor(), await mentor(), await mentor()];
    const pm = await t.actor(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    const org = await organization(owner);
    const first = await ask(org, a);
    await requests.accept(a.actor, first.id);
    const since = await mark();
    await expect(ask(org, b)).rejects.toMatchObject({
      code: 'MENTORS_WANTED_REACHED',
      details: { mentorsWanted: 1 },
    });
    const round = await t.dataSource.transaction((manager) =>
      requests.sendForRound(manager, { organizationId: org, mentorId: c.id }, 'From the round', pm.userId),
    );
    expect(round).toBeNull();
    expect(await since.jobs()).toEqual([]);
    expect(await since.notifications()).toEqual([]);
    // Once its mentorship has finished, it asks again.
    await t.get(MentorshipsService).complete(a.actor, (await requests.mentorshipOf(first.id))!.id);
    expect((await ask(org, b)).status).toBe(RequestStatus.PENDING);
    await countersMatchRows();
  });

  it('refuses an acceptance past mentorsWanted in the conditional update, and reroutes no further', async () => {
    const [a, b, c, d] = [await mentor(), await mentor(), await mentor(), await mentor()];
    const org = await organization(owner, { mentorsWanted: 2 });
    const [ra, rb, rc] = [await ask(org, a), await ask(org, b), await ask(org, c, { autoReroute: true })];
    await requests.accept(a.actor, ra.id);
    // The owner wants one mentor now: the two requests still open may not start a second.
    await organizations.update(owner, org, { mentorsWanted: 1 });
    await expect(requests.accept(b.actor, rb.id)).rejects.toMatchObject({
      code: 'MENTORS_WANTED_REACHED',
      details: { mentorsWanted: 1 },
    });
    expect(await statusOf(rb.id)).toBe('PENDING');
    const [row] = await t.dataSource.query(
      `SELECT active_mentorships, mentors_wanted FROM organizations WHERE id = $1`,
      [org],
    );
    expect(row).toEqual({ active_mentorships: 1, mentors_wanted: 1 });
    // An expired request of it goes on to nobody.
    jest
      .spyOn(suggestions(), 'availableMentorsFor')
      .mockResolvedValue([{ candidate: { id: d.id, displayName: 'Next Best' } }]);
    await t.dataSource.query(
      `UPDATE mentorship_requests SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [rc.id],
    );
    expect(await requests.expire(rc.id)).toBe(true);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mentorship_requests WHERE organization_id = $1 AND mentor_id = $2`,
      [org, d.id],
    );
    expect(n).toBe(0);
    await countersMatchRows();
  });

  it('declines and cancels once, telling the other side; only the side that decides may', async () => {
    const [a, b] = [await mentor(), await mentor()];
    const org = await organization(owner);
    const pm = await t.actor(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    const [ra, rb] = [await ask(org, a), await ask(org, b)];

    await expect(requests.accept(b.actor, ra.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(requests.accept(owner, ra.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(requests.cancel(a.actor, ra.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(requests.cancel(pm, ra.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      requests.decline(a.actor, ra.id, DeclineReason.TIMING, 'x'.repeat(1001)),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });

    const since = await mark();
    const declined = await requests.decline(a.actor, ra.id, DeclineReason.TIMING, ' Travelling until March ');
    expect(declined).toMatchObject({
      status: RequestStatus.DECLINED,
      declineReason: DeclineReason.TIMING,
      declineComment: 'Travelling until March',
    });
    const cancelled = await requests.cancel(owner, rb.id);
    expect(cancelled.status).toBe(RequestStatus.CANCELLED);
    expect(await since.notifications()).toEqual([
      [owner.userId, NotificationKind.REQUEST_DECLINED, ra.id],
      [b.actor.userId, NotificationKind.REQUEST_CANCELLED, rb.id],
    ]);
    for (const decide of [
      () => requests.accept(a.actor, ra.id),
      () => requests.decline(a.actor, ra.id, DeclineReason.OTHER),
      () => requests.cancel(owner, ra.id),
      () => requests.accept(b.actor, rb.id),
    ]) {
      await expect(decide()).rejects.toMatchObject({ code: 'ALREADY_DECIDED' });
    }
    await countersMatchRows();
  });

  it('reminds once and expires once, only when due, telling the owner and naming mentors to try', async () => {
    const m = await mentor();
    const next = await mentor();
    const org = await organization(owner);
    const sent = await ask(org, m);
    jest
      .spyOn(suggestions(), 'availableMentorsFor')
      .mockResolvedValue([
        { candidate: { id: m.id, displayName: 'Asked already' } },
        { candidate: { id: next.id, displayName: 'Next Best' } },
      ]);
    const since = await mark();
    expect(await requests.expire(sent.id)).toBe(false); // not due yet
    expect(await requests.remind(sent.id)).toBe(true);
    expect(await requests.remind(sent.id)).toBe(false);
    await t.dataSource.query(
      `UPDATE mentorship_requests SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [sent.id],
    );
    expect(await Promise.all([requests.expire(sent.id), requests.expire(sent.id)])).toEqual(
      expect.arrayContaining([true, false]),
    );
    expect(await requests.expire(sent.id)).toBe(false);
    expect(await statusOf(sent.id)).toBe('EXPIRED');
    expect(await since.notifications()).toEqual([
      [m.actor.userId, NotificationKind.REQUEST_REMINDER, sent.id],
      [owner.userId, NotificationKind.REQUEST_EXPIRED, sent.id],
    ]);
    const expiredMail = (await since.emails()).find((e) => e.template === 'REQUEST_EXPIRED')!;
    expect(expiredMail.body).toContain('Mentors who could help instead: Next Best.');
    // No reroute without autoReroute; the owner is offered the mentors not asked yet.
    expect(
      await t.dataSource.query(`SELECT id FROM mentorship_requests WHERE organization_id = $1`, [org]),
    ).toHaveLength(1);
    const offered = await requests.suggestions(
      owner,
      { organizationId: org, status: RequestStatus.EXPIRED },
      5,
    );
    expect(offered.map((s) => s.candidate.id)).toEqual([next.id]);
    expect(
      await requests.suggestions(m.actor, { organizationId: org, status: RequestStatus.EXPIRED }, 5),
    ).toEqual([]);
    expect(
      await requests.suggestions(owner, { organizationId: org, status: RequestStatus.PENDING }, 5),
    ).toEqual([]);
    await countersMatchRows();
  });

  it('reroutes an expired request to the best suggested mentor that passes every gate', async () => {
    const first = await mentor();
    const closed = await mentor({ acceptingRequests: false });
    const thaiOnly = await mentor({ languages: ['th'], economy: 'TH' });
    const best = await mentor();
    const org = await organization(owner, { languages: ['en'] });
    const sent = await ask(org, first, { autoReroute: true, goals: ['Exports'] });
    jest.spyOn(suggestions(), 'availableMentorsFor').mockResolvedValue(
      [first, closed, thaiOnly, best].map((m, i) => ({
        candidate: { id: m.id, displayName: `Mentor ${i}` },
      })),
    );
    await t.dataSource.query(
      `UPDATE mentorship_requests SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [sent.id],
    );
    const since = await mark();
    expect(await requests.expire(sent.id)).toBe(true);
    const [rerouted] = await t.dataSource.query(
      `SELECT id, mentor_id, status, source, requested_by, goals, auto_reroute FROM mentorship_requests
        WHERE organization_id = $1 AND id <> $2`,
      [org, sent.id],
    );
    expect(rerouted).toMatchObject({
      mentor_id: best.id,
      status: 'PENDING',
      source: 'REROUTE',
      requested_by: null,
      goals: ['Exports'],
      auto_reroute: true,
    });
    expect(await since.notifications()).toEqual(
      expect.arrayContaining([
        [owner.userId, NotificationKind.REQUEST_EXPIRED, sent.id],
        [best.actor.userId, NotificationKind.REQUEST_RECEIVED, rerouted.id],
        [owner.userId, NotificationKind.REQUEST_REROUTED, rerouted.id],
      ]),
    );
    const jobs = (await since.jobs()).map((j) => j.jobId);
    expect(jobs).toEqual(
      expect.arrayContaining([`request-expire-${rerouted.id}`, `request-remind-${rerouted.id}`]),
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'mentorship_request.rerouted' AND target_id = $1`,
      [rerouted.id],
    );
    expect(n).toBe(1);
    await countersMatchRows();
  });

  it('sends a published round’s pair only if it passes every gate', async () => {
    const pm = await t.actor(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    const [ok, closed] = [await mentor(), await mentor({ acceptingRequests: false })];
    const org = await organization(pm, { name: 'Round org' });
    const send = (mentorId: string) =>
      t.dataSource.transaction((manager) =>
        requests.sendForRound(manager, { organizationId: org, mentorId }, 'From the round', pm.userId),
      );
    const sent = await send(ok.id);
    expect(sent).toMatchObject({ source: RequestSource.ROUND, requestedBy: pm.userId, mentorId: ok.id });
    expect(await send(ok.id)).toBeNull(); // already asked
    expect(await send(closed.id)).toBeNull();
    expect(await requests.pairsInProgress([org])).toEqual([{ organizationId: org, mentorId: ok.id }]);
    await countersMatchRows();
  });

  it('schedules again every open request at start, with the same job ids', async () => {
    const m = await mentor();
    const org = await organization(owner);
    const sent = await ask(org, m);
    const since = await mark();
    expect(await requests.rescheduleOpen()).toBeGreaterThanOrEqual(1);
    const ids = (await since.jobs()).map((j) => j.jobId);
    expect(ids).toContain(`request-expire-${sent.id}`);
    expect(ids).toContain(`request-remind-${sent.id}`);
  });

  it('refuses to delete an organisation in a running mentorship, and cancels its open requests when deleted', async () => {
    const [a, b] = [await mentor(), await mentor()];
    const busy = await organization(owner);
    const running = await ask(busy, a);
    await requests.accept(a.actor, running.id);
    await expect(organizations.delete(owner, busy)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { activeMentorships: 1 },
    });

    const waiting = await organization(owner);
    const open = await ask(waiting, b);
    const since = await mark();
    await organizations.delete(owner, waiting);
    expect(await statusOf(open.id)).toBe('CANCELLED');
    expect(await since.notifications()).toEqual([
      [b.actor.userId, NotificationKind.REQUEST_CANCELLED, open.id],
    ]);
    const [mail] = await since.emails();
    expect(mail).toMatchObject({ user_id: b.actor.userId, template: 'REQUEST_CANCELLED' });
    const [{ details }] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'mentorship_request.cancelled' AND target_id = $1`,
      [open.id],
    );
    expect(details).toEqual({ organizationDeleted: true });
  });

  it('lists and finds requests for their parties and the program managers of the economy only', async () => {
    const m = await mentor();
    const org = await organization(owner);
    const sent = await ask(org, m);
    const pm = await t.actor(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    const otherPm = await t.actor(Role.PROGRAM_MANAGER, { economies: ['JP'] });
    const stranger = await t.actor(Role.MSME_OWNER);
    for (const who of [owner, m.actor, pm]) expect((await requests.findOne(who, sent.id)).id).toBe(sent.id);
    for (const who of [otherPm, stranger]) {
      await expect(requests.findOne(who, sent.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    const ids = async (who: Actor) =>
      (await requests.list(who, { organizationId: org }, { first: 10 })).items.map((r) => r.id);
    expect(await ids(pm)).toEqual([sent.id]);
    expect(await ids(m.actor)).toEqual([sent.id]);
    expect(await ids(stranger)).toEqual([]);
    await expect(async () => requests.list(owner, { mentorId: 'nope' }, { first: 1 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });
});
