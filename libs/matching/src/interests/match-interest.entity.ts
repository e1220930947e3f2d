import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum MatchInterest {
  INTERESTED = 'INTERESTED',
  NOT_INTERESTED = 'NOT_INTERESTED',
}

export enum InterestSide {
  ORGANIZATION = 'ORGANIZATION',
  MENTOR = 'MENTOR',
}

/** One side's interest in a candidate from its recommendations. */
@Entity('match_interests')
@Index('match_interests_mentor', ['mentorId'])
@Check(
  'match_interests_known',
  `interest IN ('INTERESTED', 'NOT_INTERESTED') AND side IN ('ORGANIZATION', 'MENTOR')`,
)
export class MatchInterestEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ name: 'mentor_id', type: 'uuid' })
  mentorId: string;

  @PrimaryColumn({ type: 'text' })
  side: InterestSide;

  @Column({ type: 'text' })
  interest: MatchInterest;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
