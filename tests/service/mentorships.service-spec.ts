import { Actor, Role } from '@app/common';
import {
  FeedbackSide,
  GoalStatus,
  MentorshipEntity,
  MentorshipRecordsService,
  MentorshipRequestsService,
  MentorshipsService,
  NotificationKind,
  OutcomeKind,
} from '@app/mentorships';
import {
  MentorProfilesService,
  OrganizationsService,
  type MentorFields,
  type OrganizationFields,
} from '@app/profiles';
import { mentorInput, organizationInput } from '@app/testing';
import { startServiceTest, type ServiceTest } from '@app/testing/service-test';

/** Running mentorships and their records on a real database, without GraphQL. */
describe('MentorshipsService and MentorshipRecordsService (PGlite, real migrations)', () => {
  let t: ServiceTest;
  let requests: MentorshipRequestsService;
  let mentorships: MentorshipsService;
  let records: MentorshipRecordsService;
  let owner: Actor;
  let pm: Actor;

  interface Running {
    mentorship: MentorshipEntity;
    mentor: Actor;
    mentorId: string;
    org: string;
  }

  /** A mentorship just started: a new mentor accepted a new organisation's request. */
  async function running(): Promise<Running> {
    const mentor = await t.actor(Role.MENTOR);
    const profile = await t
      .get(MentorProfilesService)
      .upsert(mentor, mentorInput() as unknown as MentorFields);
    const org = await t
      .get(OrganizationsService)
      .create(owner, organizationInput() as unknown as OrganizationFields);
    const sent = await requests.request(owner, {
      organizationId: org.id,
      mentorId: profile.id,
      message: 'Help',
    });
    await requests.accept(mentor, sent.id);
    return { mentorship: (await requests.mentorshipOf(sent.id))!, mentor, mentorId: profile.id, org: org.id };
  }

  async function since(): Promise<{
    notifications: () => Promise<Array<[string, string]>>;
    jobs: () => Promise<string[]>;
  }> {
    const [{ job }] = await t.dataSource.query(`SELECT coalesce(max(id), 0)::int AS job FROM job_intents`);
    const seen = (await t.dataSource.query(`SELECT id FROM notifications`)).map((r: { id: string }) => r.id);
    return {
      notifications: async () =>
        (
          await t.dataSource.query(
            `SELECT user_id, kind FROM notifications WHERE id <> ALL($1::uuid[]) ORDER BY kind, user_id`,
            [seen],
          )
        ).map((r: { user_id: string; kind: string }) => [r.user_id, r.kind]),
      jobs: async () =>
        (await t.dataSource.query(`SELECT name FROM job_intents WHERE id > $1 ORDER BY id`, [job])).map(
          (r: { name: string }) => r.name,
        ),
    };
  }

  const counters = async (r: Running) => {
    const [org] = await t.dataSource.query(`SELECT active_mentorships FROM organizations WHERE id = $1`, [
      r.org,
    ]);
    const [mentor] = await t.dataSource.query(
      `SELECT active_mentorships FROM mentor_profiles WHERE id = $1`,
      [r.mentorId],
    );
    return [org.active_mentorships, mentor.active_mentorships];
  };

  beforeAll(async () => {
    t = await startServiceTest();
    requests = t.get(MentorshipRequestsService);
    mentorships = t.get(MentorshipsService);
    records = t.get(MentorshipRecordsService);
    owner = await t.actor(Role.MSME_OWNER);
    pm = await t.actor(Role.PROGRAM_MANAGER, { economies: ['TH'] });
  });
  afterAll(() => t.close());

  it('completes once: places freed, the other side told, both asked for feedback, the mentor rescored', async () => {
    const r = await running();
    expect(await counters(r)).toEqual([1, 1]);
    const after = await since();
    const done = await mentorships.complete(r.mentor, r.mentorship.id);
    expect(done).toMatchObject({ status: 'COMPLETED', endReason: null });
    expect(done.endedAt).toBeInstanceOf(Date);
    expect(await counters(r)).toEqual([0, 0]);
    const told = await after.notifications();
    expect(told).toHaveLength(3);
    expect(told).toEqual(
      expect.arrayContaining([
        [r.mentor.userId, NotificationKind.FEEDBACK_DUE],
        [owner.userId, NotificationKind.FEEDBACK_DUE],
        [owner.userId, NotificationKind.MENTORSHIP_COMPLETED],
      ]),
    );
    expect(await after.jobs()).toEqual(['mentor-profile-changed', 'email-dispatch']);
    await expect(mentorships.end(owner, r.mentorship.id, 'Changed plans')).rejects.toMatchObject({
      code: 'NOT_ACTIVE',
    });
    expect(await counters(r)).toEqual([0, 0]);
  });

  it('lets the parties and admins finish a mentorship; program managers see it but may not', async () => {
    const r = await running();
    const stranger = await t.actor(Role.MSME_OWNER);
    const otherPm = await t.actor(Role.PROGRAM_MANAGER, { economies: ['JP'] });
    await expect(async () => mentorships.end(owner, r.mentorship.id, '  ')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(mentorships.complete(stranger, r.mentorship.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(mentorships.complete(otherPm, r.mentorship.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(mentorships.complete(pm, r.mentorship.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await mentorships.findOne(pm, r.mentorship.id)).id).toBe(r.mentorship.id);
    const after = await since();
    const ended = await mentorships.end(owner, r.mentorship.id, ' Closing the business ');
    expect(ended).toMatchObject({ status: 'ENDED', endReason: 'Closing the business' });
    // The owner ended it: the mentor hears of it.
    expect(await after.notifications()).toContainEqual([r.mentor.userId, NotificationKind.MENTORSHIP_ENDED]);

    const byAdmin = await running();
    const admin = await t.actor(Role.ADMIN);
    expect((await mentorships.complete(admin, byAdmin.mentorship.id)).status).toBe('COMPLETED');
    expect(await counters(byAdmin)).toEqual([0, 0]);
  });

  it('takes feedback once per side after the end, and shows the other side once both have given it', async () => {
    const r = await running();
    await expect(records.submitFeedback(owner, r.mentorship.id, 4)).rejects.toMatchObject({
      code: 'NOT_FINISHED',
    });
    await mentorships.complete(r.mentor, r.mentorship.id);
    await expect(records.submitFeedback(owner, r.mentorship.id, 6)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await records.submitFeedback(owner, r.mentorship.id, 4, ' Useful ')).toMatchObject({
      side: FeedbackSide.ORGANIZATION,
      rating: 4,
      comment: 'Useful',
    });
    await expect(records.submitFeedback(owner, r.mentorship.id, 5)).rejects.toMatchObject({
      code: 'ALREADY_SUBMITTED',
    });
    const sides = async (who: Actor) =>
      (await records.feedback(who, r.mentorship.id)).map((f) => f.side).sort();
    expect(await sides(r.mentor)).toEqual([]);
    expect(await sides(owner)).toEqual([FeedbackSide.ORGANIZATION]);
    expect(await sides(pm)).toEqual([FeedbackSide.ORGANIZATION]);
    await records.submitFeedback(r.mentor, r.mentorship.id, 5);
    expect(await sides(r.mentor)).toEqual([FeedbackSide.MENTOR, FeedbackSide.ORGANIZATION]);
    expect(await sides(owner)).toEqual([FeedbackSide.MENTOR, FeedbackSide.ORGANIZATION]);
  });

  it('reveals one side’s feedback to the other 14 days after the end', async () => {
    const r = await running();
    await mentorships.end(r.mentor, r.mentorship.id, 'Moved abroad');
    await records.submitFeedback(r.mentor, r.mentorship.id, 3);
    expect(await records.feedback(owner, r.mentorship.id)).toEqual([]);
    await t.dataSource.query(
      `UPDATE mentorships SET ended_at = now() - interval '14 days 1 minute' WHERE id = $1`,
      [r.mentorship.id],
    );
    expect((await records.feedback(owner, r.mentorship.id)).map((f) => f.side)).toEqual([
      FeedbackSide.MENTOR,
    ]);
  });

  it('keeps goals and sessions while it runs, from its parties only', async () => {
    const r = await running();
    const goal = await records.addGoal(owner, r.mentorship.id, ' Export to Japan ');
    expect(goal).toMatchObject({ title: 'Export to Japan', status: GoalStatus.OPEN });
    await expect(records.addGoal(pm, r.mentorship.id, 'x')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await records.updateGoal(r.mentor, goal.id, { status: GoalStatus.ACHIEVED })).status).toBe(
      GoalStatus.ACHIEVED,
    );
    const today = new Date().toISOString().slice(0, 10);
    await expect(
      records.logSession(owner, r.mentorship.id, { heldOn: '2001-01-01', minutes: 30 }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      records.logSession(owner, r.mentorship.id, { heldOn: today, minutes: 601 }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await records.logSession(r.mentor, r.mentorship.id, { heldOn: today, minutes: 45, topics: ['EXPORT'] });
    expect(await records.sessions(r.mentorship.id)).toEqual([
      expect.objectContaining({ heldOn: today, minutes: 45, topics: ['EXPORT'], loggedBy: r.mentor.userId }),
    ]);
    await mentorships.complete(owner, r.mentorship.id);
    await expect(records.addGoal(owner, r.mentorship.id, 'Late')).rejects.toMatchObject({
      code: 'NOT_ACTIVE',
    });
  });

  it('takes outcomes from the owner, checked by kind, and lets a program manager of the economy feature one', async () => {
    const r = await running();
    const bad: Array<Parameters<MentorshipRecordsService['reportOutcomes']>[2]> = [
      [],
      [{ kind: OutcomeKind.NONE }, { kind: OutcomeKind.FINANCING }],
      [{ kind: OutcomeKind.EXPORT_STARTED }],
      [{ kind: OutcomeKind.JOBS_CREATED, jobsCreated: 0 }],
      [{ kind: OutcomeKind.NEW_PRODUCT_OR_PROCESS, economies: ['JP'] }],
      [{ kind: OutcomeKind.NEW_PRODUCT_OR_PROCESS }, { kind: OutcomeKind.NEW_PRODUCT_OR_PROCESS }],
    ];
    for (const outcomes of bad) {
      await expect(records.reportOutcomes(owner, r.mentorship.id, outcomes)).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
    }
    await expect(
      records.reportOutcomes(r.mentor, r.mentorship.id, [{ kind: OutcomeKind.NONE }]),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const [exports, jobs] = await records.reportOutcomes(owner, r.mentorship.id, [
      { kind: OutcomeKind.EXPORT_STARTED, economies: ['JP', 'JP'] },
      { kind: OutcomeKind.JOBS_CREATED, jobsCreated: 4 },
    ]);
    expect(exports).toMatchObject({ economies: ['JP'], organizationId: r.org, reportedBy: owner.userId });
    expect(jobs.jobsCreated).toBe(4);
    await expect(records.markCaseStudy(owner, exports.id, 'Our story')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const featured = await records.markCaseStudy(pm, exports.id, 'From Chiang Mai to Osaka');
    expect(featured).toMatchObject({
      caseStudyNarrative: 'From Chiang Mai to Osaka',
      caseStudyBy: pm.userId,
    });
  });

  it('asks the owner for outcomes once, and schedules unsent surveys again at start', async () => {
    const r = await running();
    const after = await since();
    expect(await records.sendOutcomeSurvey(r.mentorship.id)).toBe(true);
    expect(await records.sendOutcomeSurvey(r.mentorship.id)).toBe(false);
    expect(await after.notifications()).toEqual([[owner.userId, NotificationKind.OUTCOME_SURVEY_DUE]]);
    const other = await running();
    const mark = await since();
    expect(await records.rescheduleSurveys()).toBeGreaterThanOrEqual(1);
    const ids = (
      await t.dataSource.query(
        `SELECT job_id FROM job_intents WHERE name = 'outcome-survey' ORDER BY id DESC LIMIT 50`,
      )
    ).map((j: { job_id: string }) => j.job_id);
    expect(ids).toContain(`outcome-survey-${other.mentorship.id}`);
    expect(await mark.jobs()).not.toContain('email-dispatch');
  });
});
