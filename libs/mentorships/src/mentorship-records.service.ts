import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@app/audit';
import { Actor, DomainError, badInput, forbidden, isUuid, notFound } from '@app/common';
import { AppConfig } from '@app/config';
import { updateReturning } from '@app/database';
import { partiesOf } from '@app/profiles';
import { JobOutbox } from '@app/queue';
import { isTopicCode } from '@app/taxonomy';
import { MentorshipErrorCode } from './mentorship-error-code';
import {
  FeedbackSide,
  GoalStatus,
  MentorshipFeedbackEntity,
  MentorshipGoalEntity,
  MentorshipOutcomeEntity,
  MentorshipSessionEntity,
  OutcomeKind,
} from './mentorship-records.entities';
import { MentorshipEntity, MentorshipStatus, NotificationKind } from './mentorship.entities';
import { OUTCOME_SURVEY } from './mentorship.jobs';
import {
  FEEDBACK_COMMENT_MAX,
  GOAL_TITLE_MAX,
  type MentorshipParties,
  NARRATIVE_MAX,
  NOTES_MAX,
  type OutcomeInput,
  type PartyRole,
  checkSession,
  checkedOutcomes,
  checkedText,
  managesEconomy,
  ownSide,
  partyRole,
  revealedFeedback,
  sessionDayAllowed,
} from './mentorship-rules';
import { outcomeSurveyJobs } from './request-schedule';
import { NotificationsService, noticeAbout } from './notifications.service';

export interface SessionInput {
  heldOn: string;
  minutes: number;
  topics?: string[] | null;
  notes?: string | null;
}

/** A mentorship with who is who, for deciding who may do what. */
interface Parties extends MentorshipParties {
  id: string;
  status: MentorshipStatus;
  organizationId: string;
  mentorId: string;
  startedAt: Date;
  endedAt: Date | null;
}

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
    checkSession(input);
    const topics = [...new Set(input.topics ?? [])];
    const unknown = topics.filter((t) => !isTopicCode(t));
    if (unknown.length > 0) throw badInput(`Unknown topics: ${unknown.join(', ')}`, { field: 'topics' });
    const notes = checkedText(input.notes ?? '', 'notes', NOTES_MAX, false);
    return this.dataSource.transaction(async (manager) => {
      const parties = await this.parties(manager, actor, mentorshipId, ['owner', 'mentor']);
      if (parties.status !== MentorshipStatus.ACTIVE) throw notActive();
      if (!sessionDayAllowed(input.heldOn, parties.startedAt, Date.now())) {
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
      const side = ownSide(actor, parties) ?? FeedbackSide.ORGANIZATION;
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
    return revealedFeedback(all, ownSide(actor, parties), parties.endedAt, Date.now());
  }

  async reportOutcomes(
    actor: Actor,
    mentorshipId: string,
    outcomes: OutcomeInput[],
  ): Promise<MentorshipOutcomeEntity[]> {
    const rows = checkedOutcomes(outcomes);
    return this.dataSource.transaction(async (manager) => {
      const parties = await this.parties(manager, actor, mentorshipId, ['owner', 'mentor', 'manager']);
      if (parties.ownerId !== actor.userId)
        throw forbidden("Only the organisation's owner reports its outcomes");
      const saved = await manager.save(
        rows.map((row) =>
          manager.create(MentorshipOutcomeEntity, {
            ...row,
            mentorshipId,
            organizationId: parties.organizationId,
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
      if (!managesEconomy(actor, parties.economy)) {
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
      const [row] = await updateReturning<{ organization_id: string; mentor_id: string }>(
        manager,
        `UPDATE mentorships SET outcome_survey_sent_at = now()
          WHERE id = $1 AND outcome_survey_sent_at IS NULL RETURNING organization_id, mentor_id`,
        [mentorshipId],
      );
      if (!row) return false;
      const parties = await partiesOf(manager, {
        organizationId: row.organization_id,
        mentorId: row.mentor_id,
      });
      if (parties?.mentor) {
        await this.notifications.notify(manager, {
          userId: parties.organization.ownerId,
          kind: NotificationKind.OUTCOME_SURVEY_DUE,
          mentorshipId,
          about: noticeAbout(parties.organization, parties.mentor),
        });
      }
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
    const jobs = outcomeSurveyJobs(mentorships, {
      now: Date.now(),
      surveyDays: this.config.OUTCOME_SURVEY_DAYS,
    });
    await this.outbox.recordAll(
      manager,
      OUTCOME_SURVEY,
      jobs.map((j) => ({ payload: { mentorshipId: j.id }, options: { jobId: j.jobId, delayMs: j.delayMs } })),
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
    roles: PartyRole[],
    what = 'Mentorship',
  ): Promise<Parties> {
    if (!isUuid(mentorshipId)) throw notFound(what);
    const mentorship = await manager.findOneBy(MentorshipEntity, { id: mentorshipId });
    const parties = mentorship && (await partiesOf(manager, mentorship));
    if (!mentorship || !parties?.mentor) throw notFound(what);
    const found: Parties = {
      id: mentorship.id,
      status: mentorship.status,
      organizationId: mentorship.organizationId,
      mentorId: mentorship.mentorId,
      startedAt: mentorship.startedAt,
      endedAt: mentorship.endedAt,
      ownerId: parties.organization.ownerId,
      mentorUserId: parties.mentor.userId,
      economy: parties.organization.economy,
    };
    const role = partyRole(actor, found);
    if (role === null) throw notFound(what);
    if (!roles.includes(role)) throw forbidden('Only the mentor and the organisation’s owner do this');
    return found;
  }
}

const notActive = (): DomainError =>
  new DomainError(MentorshipErrorCode.NOT_ACTIVE, 'This mentorship has already completed or ended');
