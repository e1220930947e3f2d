import { MatchInterestEntity } from './interests/match-interest.entity';
import { MentorRecommendationEntity, OrganizationRecommendationEntity } from './lists/recommendation.entity';
import { ScoringRunEntity, ScoringRunShardEntity } from './lists/scoring-run.entity';

export const MATCHING_ENTITIES = [
  OrganizationRecommendationEntity,
  MentorRecommendationEntity,
  ScoringRunEntity,
  ScoringRunShardEntity,
  MatchInterestEntity,
];
