import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Stored recommendations: the best K mentors of every organisation and the best K
 * organisations of every mentor. One row per list, entries as two parallel arrays, best first
 * (score descending, then id): a full run writes one row per profile instead of K, and a read
 * is one row. The list's size and worst entry are kept beside it, so an incremental rescore
 * knows where a new score would land without reading every list.
 *
 * No foreign keys: when a profile is deleted, its rescore job removes its list and takes it out
 * of the lists that held it (and a full run removes any list left over). Until then, reads start
 * from or join the profiles and so never show it. A foreign key would make every list write
 * lock the profile rows it names, and deadlock against a profile deletion in progress.
 */
const LIST_CHECKS = `cardinality(candidate_ids) = cardinality(scores) AND size = cardinality(scores)
  AND 0 <= ALL(scores) AND 100 >= ALL(scores)`;

abstract class RecommendationList {
  /** Ids on the other side, best first. */
  @Column({ name: 'candidate_ids', type: 'uuid', array: true })
  candidateIds: string[];

  @Column({ type: 'smallint', array: true })
  scores: number[];

  @Column({ type: 'smallint' })
  size: number;

  /** The last entry; null when the list is empty. */
  @Column({ name: 'worst_score', type: 'smallint', nullable: true })
  worstScore: number | null;

  @Column({ name: 'worst_id', type: 'uuid', nullable: true })
  worstId: string | null;

  @Column({ name: 'engine_version', type: 'text' })
  engineVersion: string;

  @Column({ name: 'computed_at', type: 'timestamptz' })
  computedAt: Date;
}

@Entity('organization_recommendations')
@Check('organization_recommendations_consistent', LIST_CHECKS)
export class OrganizationRecommendationEntity extends RecommendationList {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;
}

@Entity('mentor_recommendations')
@Check('mentor_recommendations_consistent', LIST_CHECKS)
export class MentorRecommendationEntity extends RecommendationList {
  @PrimaryColumn({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;
}
