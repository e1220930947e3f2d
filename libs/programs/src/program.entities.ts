import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { ScoreWeights } from '@app/matching';

/** A mentoring programme (a forum's cohort, say) within some economies. */
@Entity('programs')
@Check('programs_dates', `starts_on <= ends_on`)
export class ProgramEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true })
  economies: string[];

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  /** Overrides of the default scoring weights; null: the defaults. */
  @Column({ type: 'jsonb', nullable: true })
  weights: ScoreWeights | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

/** An organisation in a programme's cohort. */
@Entity('program_organizations')
@Index('program_organizations_organization', ['organizationId'])
export class ProgramOrganizationEntity {
  @PrimaryColumn({ name: 'program_id', type: 'uuid' })
  programId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;
}

/** A mentor in a programme's cohort. */
@Entity('program_mentors')
@Index('program_mentors_mentor', ['mentorId'])
export class ProgramMentorEntity {
  @PrimaryColumn({ name: 'program_id', type: 'uuid' })
  programId: string;

  @PrimaryColumn({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;
}

export enum RoundAlgorithm {
  OPTIMAL = 'OPTIMAL',
  GREEDY = 'GREEDY',
  STABLE = 'STABLE',
}

export enum RoundStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  PROPOSED = 'PROPOSED',
  PUBLISHED = 'PUBLISHED',
  FAILED = 'FAILED',
}

/**
 * What a round reports once proposed, recomputed after every edit (summarizeRound). Shares are
 * exact fractions, rounded only where shown.
 */
export interface RoundSummary {
  candidates: number;
  totalScore: number;
  pairs: number;
  organizations: number;
  unmatched: { noCandidates: number; noCapacityLeft: number; notChosen: number };
  womenLed: { cohortShare: number; matchedShare: number; required: number | null };
  nonMetropolitan: { cohortShare: number; matchedShare: number; required: number | null };
  /** GREEDY and STABLE: OPTIMAL's total on the same candidates, and the share reached. */
  optimalTotal: number | null;
  gapToOptimal: number | null;
  /** OPTIMAL with both targets: an upper bound on the best total meeting both, and the gap to it. */
  upperBound?: number | null;
  gapToBound?: number | null;
  seconds: number;
}

@Entity('matching_rounds')
@Index('matching_rounds_program', ['programId', 'createdAt'])
@Check('matching_rounds_status_known', `status IN ('QUEUED', 'RUNNING', 'PROPOSED', 'PUBLISHED', 'FAILED')`)
@Check('matching_rounds_algorithm_known', `algorithm IN ('OPTIMAL', 'GREEDY', 'STABLE')`)
export class MatchingRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  algorithm: RoundAlgorithm;

  @Column({ name: 'max_mentors_per_organization', type: 'smallint' })
  maxMentorsPerOrganization: number;

  @Column({ name: 'min_women_led_share', type: 'real', nullable: true })
  minWomenLedShare: number | null;

  @Column({ name: 'min_non_metropolitan_share', type: 'real', nullable: true })
  minNonMetropolitanShare: number | null;

  @Column({ type: 'text', default: RoundStatus.QUEUED })
  status: RoundStatus;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'jsonb', nullable: true })
  summary: RoundSummary | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}

/** A candidate pair of a round: its score, and whether the round assigned it. */
@Entity('matching_round_candidates')
export class MatchingRoundCandidateEntity {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'boolean' })
  assigned: boolean;
}

/**
 * An organisation of a round's cohort as the round saw it when it solved: its places and groups
 * stay as solved, whatever happens to the organisation later (the export and the summary read
 * these, never the live profile).
 */
@Entity('matching_round_organizations')
export class MatchingRoundOrganizationEntity {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Mentors it could still take in the round. */
  @Column({ type: 'smallint' })
  places: number;

  @Column({ name: 'women_led', type: 'boolean' })
  womenLed: boolean;

  @Column({ name: 'non_metropolitan', type: 'boolean' })
  nonMetropolitan: boolean;

  /** Its candidate pairs in the round. */
  @Column({ type: 'integer' })
  candidates: number;
}

/** A mentor of a round's cohort, with the places the round gave it when it solved. */
@Entity('matching_round_mentors')
export class MatchingRoundMentorEntity {
  @PrimaryColumn({ name: 'round_id', type: 'uuid' })
  roundId: string;

  @PrimaryColumn({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ type: 'smallint' })
  places: number;
}

export const PROGRAM_ENTITIES = [
  ProgramEntity,
  ProgramOrganizationEntity,
  ProgramMentorEntity,
  MatchingRoundEntity,
  MatchingRoundCandidateEntity,
  MatchingRoundOrganizationEntity,
  MatchingRoundMentorEntity,
];
