import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@app/audit';
import { Actor, DomainError, badInput, forbidden, isAdmin, isIsoDate, isUuid, notFound } from '@app/common';
import { AppConfig } from '@app/config';
import { JobOutbox } from '@app/queue';
import { isEconomyCode, isTopicCode } from '@app/taxonomy';
import { MentorshipErrorCode } from './mentorship-error-code';
import {
  FeedbackSide,
  FinancingBand,
  GoalStatus,
  MentorshipFeedbackEntity,
  MentorshipGoalEntity,
  MentorshipOutcomeEntity,
  MentorshipSessionEntity,
  OutcomeKind,
} from './mentorship-records.entities';
import { MentorshipStatus, NotificationKind } from './mentorship.entities';
import { OUTCOME_SURVEY } from './mentorship.jobs';
import { NotificationsService } from './notifications.service';
import { canSeeEconomy } from './visibility';

export const GOAL_TITLE_MAX = 200;
export const NOTES_MAX = 4000;
export const FEEDBACK_COMMENT_MAX = 2000;
export const NARRATIVE_MAX = 4000;
/** Each side sees the other's feedback once both have given it, or this long after the end. */
export const FEEDBACK_REVEAL_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SessionInput {
  heldOn: string;
  minutes: number;
  topics?: string[] | null;
  notes?: string | null;
}

export interface OutcomeInput {
  kind: OutcomeKind;
  economies?: string[] | null;
  financingBand?: FinancingBand | null;
  jobsCreated?: number | null;
  note?: string | null;
}

/** A mentorship as its parties and managers see it, for deciding who may do what. */
interface Parties {
  id: string;
  status: MentorshipStatus;
  organization_id: string;
  economy: string;
  owner_id: string | null;
  mentor_user_id: string;
  started_at: Date;
  ended_at: Date | null;
}

type Role = 'owner' | 'mentor' | 'manager';

/**
 * What happens inside a mentorship: goals, sessions, feedback once it has finished, and the
 * outcomes the organisation reports (which program managers may feature as case studies).
 */
@Injectable()
export class MentorshipRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly outbox: JobOutbox,
  ) {}

  async addGoal(actor: Actor, mentorshipId: string, title: string): Promise<MentorshipGoalEntity> {
    const text = checkedText(title, 'title', GOAL_TITLE_MAX, true);
    return this.dataSource.transaction(async (manager) => {
      const parties = await this.parties(manager, actor, mentorshipId, ['owner', 'mentor']);
      if (parties.status !== MentorshipStatus.ACTIVE) throw notActive();
      const goal = await manager.save(manager.create(MentorshipGoalEntity, { mentorshipId, title: text }));
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_GOAL_ADDED,
        targetType: 'mentorship',
        targetId: mentorshipId,
        details: { goalId: goal.id },
      });
      return goal;
    });
  }

  async updateGoal(
    actor: Actor,
    goalId: string,
    changes: { status?: GoalStatus | null; title?: string | null },
  ): Promise<MentorshipGoalEntity> {
    if (!isUuid(goalId)) throw notFound('Goal');
    const title =
      changes.title == null ? undefined : checkedText(changes.title, 'title', GOAL_TITLE_MAX, true);
    return this.dataSource.transaction(async (manager) => {
      const goal = await manager.findOne(MentorshipGoalEntity, {
        where: { id: goalId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!goal) throw notFound('Goal');
      await this.parties(manager, actor, goal.mentorshipId, ['owner', 'mentor'], 'Goal');
      if (changes.status) goal.status = changes.status;
      if (title !== undefined) goal.title = title;
      goal.updatedAt = new Date();
      const saved = await manager.save(goal);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_GOAL_UPDATED,
        targetType: 'mentorship',
        targetId: goal.mentorshipId,
        details: { goalId: goal.id, status: goal.status, renamed: title !== undefined },
      });
      return saved;
    });
  }

  async logSession(
    actor: Actor,
    mentorshipId: string,
    input: SessionInput,
  ): Promise<MentorshipSessionEntity> {
    if (!isIsoDate(input.heldOn)) {
      throw badInput('heldOn must be a date as YYYY-MM-DD', { field: 'heldOn' });
    }
    if (!Number.isInteger(input.minutes) || input.minutes < 1 || input.minutes > 600) {
      throw badInput('minutes must be a whole number from 1 to 600', { field: 'minutes' });
    }
    const topics = [...new Set(input.topics ?? [])];
    const unknown = topics.filter((t) => !isTopicCode(t));
    if (unknown.length > 0) throw badInput(`Unknown topics: ${unknown.join(', ')}`, { field: 'topics' });
    const notes = checkedText(input.notes ?? '', 'notes', NOTES_MAX, false);
    return this.dataSource.transaction(async (manager) => {
      const parties = await this.parties(manager, actor, mentorshipId, ['owner', 'mentor']);
      if (parties.status !== MentorshipStatus.ACTIVE) throw notActive();
      const day = Date.parse(`${input.heldOn}T00:00:00Z`);
      const started = Date.parse(parties.started_at.toISOString().slice(0, 10) + 'T00:00:00Z');
      // A day's slack for time zones east of UTC.
      if (day < started || day > Date.now() + DAY_MS) {
        throw badInput('heldOn must fall between the start of the mentorship and today', { field: 'heldOn' });
      }
      const session = await manager.save(
        manager.create(MentorshipSessionEntity, {
          mentorshipId,
          heldOn: input.heldOn,
          minutes: input.minutes,
          topics,
          notes,
          loggedBy: actor.userId,
        }),
      );
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_SESSION_LOGGED,
        targetType: 'mentorship',
        targetId: mentorshipId,
        details: { sessionId: session.id, minutes: session.minutes },
      });
      return session;
    });
  }

  /** Feedback once the mentorship has finished: each side once (its side is the caller's). */
  async submitFeedback(
    actor: Actor,
    mentorshipId: string,
    rating: number,
    comment?: string | null,
  ): Promise<MentorshipFeedbackEntity> {
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      throw badInput('rating must be a whole number from 1 to 5', { field: 'rating' });
    }
    const text = checkedText(comment ?? '', 'comment', FEEDBACK_COMMENT_MAX, false);
    return this.dataSource.transaction(async (manager) => {
      const parties = await this.parties(manager, actor, mentorshipId, ['owner', 'mentor']);
      if (parties.status === MentorshipStatus.ACTIVE) {
        throw new DomainError(
          MentorshipErrorCode.NOT_FINISHED,
          'Feedback opens once the mentorship has completed or ended',
        );
      }
      const side = parties.mentor_user_id === actor.userId ? FeedbackSide.MENTOR : FeedbackSide.ORGANIZATION;
      const [inserted] = await manager.query(
        `INSERT INTO mentorship_feedback (mentorship_id, side, rating, comment, submitted_by)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING mentorship_id`,
        [mentorshipId, side, rating, text, actor.userId],
      );
      if (!inserted)
        throw new DomainError(
          MentorshipErrorCode.ALREADY_SUBMITTED,
          'You have already given feedback on this mentorship',
        );
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_FEEDBACK_SUBMITTED,
        targetType: 'mentorship',
        targetId: mentorshipId,
        details: { side },
      });
      return manager.findOneByOrFail(MentorshipFeedbackEntity, { mentorshipId, side });
    });
  }

  /**
   * The feedback the caller may read: their own side's always; the other side's once both have
   * given theirs or FEEDBACK_REVEAL_DAYS after the end; program managers and admins read both.
   */
  async feedback(actor: Actor, mentorshipId: string): Promise<MentorshipFeedbackEntity[]> {
    const parties = await this.parties(this.dataSource.manager, actor, mentorshipId, [
      'owner',
      'mentor',
      'manager',
    ]);
    const all = await this.dataSource.getRepository(MentorshipFeedbackEntity).findBy({ mentorshipId });
    const own =
      parties.mentor_user_id === actor.userId
        ? FeedbackSide.MENTOR
        : parties.owner_id === actor.userId
          ? FeedbackSide.ORGANIZATION
          : null;
    if (own === null) return all;
    const revealed =
      all.length === 2 ||
      (parties.ended_at !== null && Date.now() >= parties.ended_at.getTime() + FEEDBACK_REVEAL_DAYS * DAY_MS);
    return all.filter((f) => f.side === own || revealed);
  }

  async reportOutcomes(
    actor: Actor,
    mentorshipId: string,
    outcomes: OutcomeInput[],
  ): Promise<MentorshipOutcomeEntity[]> {
    const rows = checkedOutcomes(outcomes);
    return this.dataSource.transaction(async (manager) => {
      const parties = await this.parties(manager, actor, mentorshipId, ['owner', 'mentor', 'manager']);
      if (parties.owner_id !== actor.userId)
        throw forbidden("Only the organisation's owner reports its outcomes");
      const saved = await manager.save(
        rows.map((row) =>
          manager.create(MentorshipOutcomeEntity, {
            ...row,
            mentorshipId,
            organizationId: parties.organization_id,
            reportedBy: actor.userId,
          }),
        ),
      );
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_OUTCOMES_REPORTED,
        targetType: 'mentorship',
        targetId: mentorshipId,
        details: { kinds: rows.map((r) => r.kind) },
      });
      return saved;
    });
  }

  /** A program manager of the organisation's economy (or an admin) features an outcome. */
  async markCaseStudy(actor: Actor, outcomeId: string, narrative: string): Promise<MentorshipOutcomeEntity> {
    if (!isUuid(outcomeId)) throw notFound('Outcome');
    const text = checkedText(narrative, 'narrative', NARRATIVE_MAX, true);
    return this.dataSource.transaction(async (manager) => {
      const outcome = await manager.findOne(MentorshipOutcomeEntity, {
        where: { id: outcomeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!outcome) throw notFound('Outcome');
      const parties = await this.parties(
        manager,
        actor,
        outcome.mentorshipId,
        ['owner', 'mentor', 'manager'],
        'Outcome',
      );
      if (!isAdmin(actor) && !canSeeEconomy(actor, parties.economy)) {
        throw forbidden('Only program managers of the economy feature case studies');
      }
      if (outcome.kind === OutcomeKind.NONE) throw badInput('An outcome of NONE cannot be a case study');
      outcome.caseStudyNarrative = text;
      outcome.caseStudyBy = actor.userId;
      const saved = await manager.save(outcome);
      await this.audit.record(manager, {
        actorId: actor.userId,
        action: AuditAction.MENTORSHIP_OUTCOME_FEATURED,
        targetType: 'mentorship_outcome',
        targetId: outcomeId,
      });
      return saved;
    });
  }

  goals(mentorshipId: string): Promise<MentorshipGoalEntity[]> {
    return this.dataSource
      .getRepository(MentorshipGoalEntity)
      .find({ where: { mentorshipId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  sessions(mentorshipId: string): Promise<MentorshipSessionEntity[]> {
    return this.dataSource
      .getRepository(MentorshipSessionEntity)
      .find({ where: { mentorshipId }, order: { heldOn: 'ASC', createdAt: 'ASC' } });
  }

  outcomes(mentorshipId: string): Promise<MentorshipOutcomeEntity[]> {
    return this.dataSource
      .getRepository(MentorshipOutcomeEntity)
      .find({ where: { mentorshipId }, order: { reportedAt: 'ASC', kind: 'ASC', id: 'ASC' } });
  }

  /** The outcome survey job: tells the organisation's owner, once. */
  async sendOutcomeSurvey(mentorshipId: string): Promise<boolean> {
    return this.notifications.inTransaction(async (manager) => {
      const [rows] = await manager.query(
        `UPDATE mentorships s SET outcome_survey_sent_at = now()
           FROM organizations o
          WHERE s.id = $1 AND s.outcome_survey_sent_at IS NULL AND o.id = s.organization_id
          RETURNING o.owner_id`,
        [mentorshipId],
      );
      if (rows.length === 0) return false;
      await this.notifications.notify(manager, rows[0].owner_id, NotificationKind.OUTCOME_SURVEY_DUE, {
        mentorshipId,
      });
      return true;
    });
  }

  /**
   * Schedules mentorships' outcome surveys in the caller's transaction (deterministic job ids:
   * twice is once).
   */
  async scheduleOutcomeSurveys(
    manager: EntityManager,
    mentorships: ReadonlyArray<{ id: string; startedAt: Date }>,
  ): Promise<void> {
    const now = Date.now();
    await this.outbox.recordAll(
      manager,
      OUTCOME_SURVEY,
      mentorships.map((m) => ({
        payload: { mentorshipId: m.id },
        options: {
          jobId: `outcome-survey-${m.id}`,
          delayMs: Math.max(0, m.startedAt.getTime() + this.config.OUTCOME_SURVEY_DAYS * DAY_MS - now),
        },
      })),
    );
  }

  /** At start: every survey not yet sent is scheduled again (see MentorshipRequestsService.rescheduleOpen). */
  async rescheduleSurveys(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due: Array<{ id: string; started_at: Date }> = await manager.query(
        `SELECT id, started_at FROM mentorships WHERE outcome_survey_sent_at IS NULL`,
      );
      await this.scheduleOutcomeSurveys(
        manager,
        due.map((m) => ({ id: m.id, startedAt: m.started_at })),
      );
      return due.length;
    });
  }

  /**
   * The mentorship with who is who, if the caller may see it (NOT_FOUND otherwise) and plays
   * one of `roles` in it (FORBIDDEN otherwise; admins may do what program managers may).
   */
  private async parties(
    manager: EntityManager,
    actor: Actor,
    mentorshipId: string,
    roles: Role[],
    what = 'Mentorship',
  ): Promise<Parties> {
    if (!isUuid(mentorshipId)) throw notFound(what);
    const [found] = (await manager.query(
      `SELECT s.id, s.status, s.organization_id, o.economy, o.owner_id, m.user_id AS mentor_user_id,
              s.started_at, s.ended_at
         FROM mentorships s
         JOIN organizations o ON o.id = s.organization_id
         JOIN mentor_profiles m ON m.id = s.mentor_id
        WHERE s.id = $1`,
      [mentorshipId],
    )) as Parties[];
    if (!found) throw notFound(what);
    const role: Role | null =
      found.owner_id === actor.userId
        ? 'owner'
        : found.mentor_user_id === actor.userId
          ? 'mentor'
          : canSeeEconomy(actor, found.economy)
            ? 'manager'
            : null;
    if (role === null) throw notFound(what);
    if (!roles.includes(role)) throw forbidden('Only the mentor and the organisation’s owner do this');
    return found;
  }
}

const notActive = (): DomainError =>
  new DomainError(MentorshipErrorCode.NOT_ACTIVE, 'This mentorship has already completed or ended');

function checkedText(value: string, field: string, max: number, required: boolean): string {
  const text = value.trim();
  if (required && text.length === 0) throw badInput(`${field} must not be empty`, { field });
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters`, { field });
  return text;
}

type OutcomeRow = Pick<
  MentorshipOutcomeEntity,
  'kind' | 'economies' | 'financingBand' | 'jobsCreated' | 'note'
>;

/** One row per kind, with exactly the details its kind takes; NONE stands alone. */
function checkedOutcomes(outcomes: OutcomeInput[]): OutcomeRow[] {
  if (outcomes.length === 0) throw badInput('Report at least one outcome (NONE if there was none)');
  const kinds = outcomes.map((o) => o.kind);
  if (new Set(kinds).size !== kinds.length) throw badInput('Each kind of outcome at most once per report');
  if (kinds.includes(OutcomeKind.NONE) && kinds.length > 1)
    throw badInput('NONE cannot go with other outcomes');
  return outcomes.map((o) => {
    const economies = [...new Set(o.economies ?? [])];
    const wrong = economies.filter((e) => !isEconomyCode(e));
    if (wrong.length > 0) throw badInput(`Unknown economies: ${wrong.join(', ')}`, { field: 'economies' });
    if ((o.kind === OutcomeKind.EXPORT_STARTED) !== economies.length > 0) {
      throw badInput('EXPORT_STARTED names the economies exported to, and only it does', {
        field: 'economies',
      });
    }
    if ((o.kind === OutcomeKind.FINANCING) !== (o.financingBand != null)) {
      throw badInput('FINANCING gives an amount band, and only it does', { field: 'financingBand' });
    }
    if ((o.kind === OutcomeKind.JOBS_CREATED) !== (o.jobsCreated != null)) {
      throw badInput('JOBS_CREATED gives a count, and only it does', { field: 'jobsCreated' });
    }
    if (
      o.jobsCreated != null &&
      (!Number.isInteger(o.jobsCreated) || o.jobsCreated < 1 || o.jobsCreated > 100_000)
    ) {
      throw badInput('jobsCreated must be a whole number from 1 to 100000', { field: 'jobsCreated' });
    }
    return {
      kind: o.kind,
      economies,
      financingBand: o.financingBand ?? null,
      jobsCreated: o.jobsCreated ?? null,
      note: checkedText(o.note ?? '', 'note', NOTES_MAX, false),
    };
  });
}
