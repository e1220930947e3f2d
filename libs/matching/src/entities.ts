import {
  MentorRecommendationEntity,
  MentorRecommendationListEntity,
  OrganizationRecommendationEntity,
  OrganizationRecommendationListEntity,
} from './recommendation.entity';
import { ScoringRunEntity, ScoringRunShardEntity } from './scoring-run.entity';

export const MATCHING_ENTITIES = [
  OrganizationRecommendationEntity,
  MentorRecommendationEntity,
  OrganizationRecommendationListEntity,
  MentorRecommendationListEntity,
  ScoringRunEntity,
  ScoringRunShardEntity,
];
