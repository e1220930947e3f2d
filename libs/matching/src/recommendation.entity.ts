import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { MentorProfileEntity, OrganizationEntity } from '@app/profiles';

/**
 * Stored recommendations: the best K mentors of every organisation and the best K
 * organisations of every mentor, as scored by the engine named in the list's header row.
 * Entries are rows (read by primary key, at most K per list); the header keeps each list's
 * size and worst entry so an incremental rescore knows where a new score would land without
 * reading every list.
 */
@Entity('organization_recommendations')
@Check('organization_recommendations_score_range', 'score BETWEEN 0 AND 100')
export class OrganizationRecommendationEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Index('organization_recommendations_mentor_id')
  @PrimaryColumn({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Column({ type: 'smallint' })
  score: number;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;
}

@Entity('mentor_recommendations')
@Check('mentor_recommendations_score_range', 'score BETWEEN 0 AND 100')
export class MentorRecommendationEntity {
  @PrimaryColumn({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @Index('mentor_recommendations_organization_id')
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'smallint' })
  score: number;

  @ManyToOne(() => MentorProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: MentorProfileEntity;
}

/** Header of one organisation's list. */
@Entity('organization_recommendation_lists')
export class OrganizationRecommendationListEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  @Column({ type: 'smallint' })
  size: number;

  /** The last entry (lowest score, then highest id); null when the list is empty. */
  @Column({ name: 'worst_score', type: 'smallint', nullable: true })
  worstScore: number | null;

  @Column({ name: 'worst_id', type: 'uuid', nullable: true })
  worstId: string | null;

  @Column({ name: 'engine_version', type: 'text' })
  engineVersion: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}

/** Header of one mentor's list. */
@Entity('mentor_recommendation_lists')
export class MentorRecommendationListEntity {
  @PrimaryColumn({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @OneToOne(() => MentorProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentor_id' })
  mentor?: MentorProfileEntity;

  @Column({ type: 'smallint' })
  size: number;

  @Column({ name: 'worst_score', type: 'smallint', nullable: true })
  worstScore: number | null;

  @Column({ name: 'worst_id', type: 'uuid', nullable: true })
  worstId: string | null;

  @Column({ name: 'engine_version', type: 'text' })
  engineVersion: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}
