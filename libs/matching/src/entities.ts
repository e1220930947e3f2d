import { MentorRecommendationEntity, OrganizationRecommendationEntity } from './recommendation.entity';
import { ScoringRunEntity, ScoringRunShardEntity } from './scoring-run.entity';

export const MATCHING_ENTITIES = [
  OrganizationRecommendationEntity,
  MentorRecommendationEntity,
  ScoringRunEntity,
  ScoringRunShardEntity,
];
