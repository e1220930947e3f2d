import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** An enum's values as an SQL list, for CHECK constraints. */
export const sqlValues = (e: object): string =>
  Object.values(e)
    .map((v) => `'${v}'`)
    .join(', ');

export enum GoalStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  ACHIEVED = 'ACHIEVED',
  DROPPED = 'DROPPED',
}

/** A goal of a mentorship: the request's goals to begin with, more as it goes. */
@Entity('mentorship_goals')
@Index('mentorship_goals_mentorship', ['mentorshipId', 'createdAt'])
@Check('mentorship_goals_status_known', `status IN (${sqlValues(GoalStatus)})`)
export class MentorshipGoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'mentorship_id', type: 'uuid' })
  mentorshipId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: GoalStatus.OPEN })
  status: GoalStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}

/** A session the mentor and the organisation held. */
@Entity('mentorship_sessions')
@Index('mentorship_sessions_mentorship', ['mentorshipId', 'heldOn'])
@Check('mentorship_sessions_minutes_range', `minutes BETWEEN 1 AND 600`)
export class MentorshipSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'mentorship_id', type: 'uuid' })
  mentorshipId: string;

  /** ISO date (YYYY-MM-DD). */
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'integer' })
  minutes: number;

  /** Expertise topic codes. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  topics: string[];

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ name: 'logged_by', type: 'uuid' })
  loggedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

export enum FeedbackSide {
  ORGANIZATION = 'ORGANIZATION',
  MENTOR = 'MENTOR',
}

/** One side's rating of a finished mentorship; one per side. */
@Entity('mentorship_feedback')
@Check('mentorship_feedback_rating_range', `rating BETWEEN 1 AND 5`)
@Check('mentorship_feedback_side_known', `side IN (${sqlValues(FeedbackSide)})`)
export class MentorshipFeedbackEntity {
  @PrimaryColumn({ name: 'mentorship_id', type: 'uuid' })
  mentorshipId: string;

  @PrimaryColumn({ type: 'text' })
  side: FeedbackSide;

  @Column({ type: 'smallint' })
  rating: number;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy: string;

  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz', precision: 3 })
  submittedAt: Date;
}

export enum OutcomeKind {
  EXPORT_STARTED = 'EXPORT_STARTED',
  PARTNERSHIP = 'PARTNERSHIP',
  FINANCING = 'FINANCING',
  NEW_PRODUCT_OR_PROCESS = 'NEW_PRODUCT_OR_PROCESS',
  DIGITAL_ADOPTION = 'DIGITAL_ADOPTION',
  JOBS_CREATED = 'JOBS_CREATED',
  NONE = 'NONE',
}

/** Amount raised, in US dollars. */
export enum FinancingBand {
  UNDER_10K = 'UNDER_10K',
  FROM_10K_TO_50K = 'FROM_10K_TO_50K',
  FROM_50K_TO_250K = 'FROM_50K_TO_250K',
  FROM_250K_TO_1M = 'FROM_250K_TO_1M',
  OVER_1M = 'OVER_1M',
}

/** What a mentorship led to, as the organisation reports it; a program manager may feature it. */
@Entity('mentorship_outcomes')
@Index('mentorship_outcomes_mentorship', ['mentorshipId'])
@Index('mentorship_outcomes_organization', ['organizationId'])
@Check('mentorship_outcomes_kind_known', `kind IN (${sqlValues(OutcomeKind)})`)
@Check(
  'mentorship_outcomes_details',
  `(kind = 'EXPORT_STARTED') = (cardinality(economies) > 0)
   AND (kind = 'FINANCING') = (financing_band IS NOT NULL)
   AND (kind = 'JOBS_CREATED') = (jobs_created IS NOT NULL)
   AND (jobs_created IS NULL OR jobs_created BETWEEN 1 AND 100000)
   AND (financing_band IS NULL OR financing_band IN (${sqlValues(FinancingBand)}))`,
)
@Check('mentorship_outcomes_case_study', `(case_study_narrative IS NULL) = (case_study_by IS NULL)`)
export class MentorshipOutcomeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'mentorship_id', type: 'uuid' })
  mentorshipId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  kind: OutcomeKind;

  /** EXPORT_STARTED: the economies exported to. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  economies: string[];

  @Column({ name: 'financing_band', type: 'text', nullable: true })
  financingBand: FinancingBand | null;

  @Column({ name: 'jobs_created', type: 'integer', nullable: true })
  jobsCreated: number | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  @CreateDateColumn({ name: 'reported_at', type: 'timestamptz', precision: 3 })
  reportedAt: Date;

  /** Set by a program manager who features it as a best-practice case study. */
  @Column({ name: 'case_study_narrative', type: 'text', nullable: true })
  caseStudyNarrative: string | null;

  @Column({ name: 'case_study_by', type: 'uuid', nullable: true })
  caseStudyBy: string | null;
}

export const MENTORSHIP_RECORD_ENTITIES = [
  MentorshipGoalEntity,
  MentorshipSessionEntity,
  MentorshipFeedbackEntity,
  MentorshipOutcomeEntity,
];
