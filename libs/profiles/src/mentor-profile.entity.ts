import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@app/accounts';
import type { EconomyCode, TopicCode } from '@app/taxonomy';

/** Self-declared; shown to the mentor and admins only, used elsewhere only in aggregates. */
export enum Gender {
  WOMAN = 'WOMAN',
  MAN = 'MAN',
  NON_BINARY = 'NON_BINARY',
  PREFER_NOT_TO_SAY = 'PREFER_NOT_TO_SAY',
}

export const MENTOR_CAPACITY_MIN = 1;
export const MENTOR_CAPACITY_MAX = 20;

export const MENTOR_COPY_COLUMNS = [
  'user_id',
  'headline',
  'bio',
  'economy',
  'expertise_sectors',
  'expertise_topics',
  'economies',
  'languages',
  'capacity',
  'accepting_requests',
  'years_of_experience',
  'gender',
] as const;

@Entity('mentor_profiles')
@Check('mentor_profiles_capacity_range', `capacity BETWEEN 1 AND 20`)
// The backstop of capacity-safe acceptance (the conditional update comes first).
@Check('mentor_profiles_within_capacity', `active_mentorships BETWEEN 0 AND capacity`)
@Check('mentor_profiles_experience_range', `years_of_experience BETWEEN 0 AND 80`)
@Check(
  'mentor_profiles_gender_known',
  `gender IS NULL OR gender IN ('WOMAN', 'MAN', 'NON_BINARY', 'PREFER_NOT_TO_SAY')`,
)
export class MentorProfileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('mentor_profiles_user_id_key', { unique: true })
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  headline: string;

  @Column({ type: 'text', default: '' })
  bio: string;

  /** Where the mentor lives. */
  @Index('mentor_profiles_economy')
  @Column({ type: 'text' })
  economy: EconomyCode;

  /** ISIC division codes or section letters. */
  @Column({ name: 'expertise_sectors', type: 'text', array: true, default: () => "'{}'" })
  expertiseSectors: string[];

  @Column({ name: 'expertise_topics', type: 'text', array: true, default: () => "'{}'" })
  expertiseTopics: TopicCode[];

  /** Economies the mentor has worked in. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  economies: EconomyCode[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ name: 'accepting_requests', type: 'boolean', default: true })
  acceptingRequests: boolean;

  /** Mentorships running now (ACTIVE): kept with them, in the same transactions. */
  @Column({ name: 'active_mentorships', type: 'integer', default: 0 })
  activeMentorships: number;

  @Column({ name: 'years_of_experience', type: 'integer', default: 0 })
  yearsOfExperience: number;

  @Column({ type: 'text', nullable: true })
  gender: Gender | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
