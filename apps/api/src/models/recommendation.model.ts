import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Recommendation, ScoreComponent, ScoringRunEntity } from '@app/matching';
import type { MentorProfileView, OrganizationEntity } from '@app/profiles';
import { MatchInterest, ScoreComponentCode, ScoringRunStatus } from './enums';
import { MentorProfileModel } from './mentor-profile.model';
import { OrganizationModel } from './organization.model';

@ObjectType('ScoreComponent', { description: 'One part of a match score, with the reason for its points.' })
export class ScoreComponentModel {
  @Field(() => ScoreComponentCode)
  code: ScoreComponentCode;

  @Field(() => Int)
  points: number;

  @Field(() => Int)
  maxPoints: number;

  @Field()
  reason: string;
}

export const breakdownOf = (components: ScoreComponent[]): ScoreComponentModel[] =>
  components.map((c) => ({ code: c.code, points: c.points, maxPoints: c.maxPoints, reason: c.reason }));

@ObjectType('PairMatch', { description: 'How well an organisation and a mentor match, and why.' })
export class PairMatchModel {
  @Field(() => Int, { description: '0-100; the breakdown points add up to it.' })
  score: number;

  @Field(() => [ScoreComponentModel])
  breakdown: ScoreComponentModel[];
}

@ObjectType('MentorRecommendation')
export class MentorRecommendationModel {
  @Field(() => MentorProfileModel)
  mentor: MentorProfileModel;

  @Field(() => Int, { description: '0-100; the breakdown points add up to it.' })
  score: number;

  @Field(() => [ScoreComponentModel])
  breakdown: ScoreComponentModel[];

  @Field({ description: 'Version of the scoring engine.' })
  engineVersion: string;

  @Field({ description: 'When the stored list this comes from was computed.' })
  computedAt: Date;

  @Field(() => MatchInterest, {
    nullable: true,
    description: 'The organisation’s own interest signal for this mentor (setMatchInterest), if any.',
  })
  interest: MatchInterest | null;

  static from(
    r: Recommendation<MentorProfileView>,
    interest: MatchInterest | null = null,
  ): MentorRecommendationModel {
    return {
      interest,
      mentor: MentorProfileModel.from(r.candidate),
      score: r.score,
      breakdown: breakdownOf(r.breakdown),
      engineVersion: r.engineVersion,
      computedAt: r.computedAt,
    };
  }
}

@ObjectType('OrganizationRecommendation')
export class OrganizationRecommendationModel {
  @Field(() => OrganizationModel)
  organization: OrganizationModel;

  @Field(() => Int, { description: '0-100; the breakdown points add up to it.' })
  score: number;

  @Field(() => [ScoreComponentModel])
  breakdown: ScoreComponentModel[];

  @Field()
  engineVersion: string;

  @Field()
  computedAt: Date;

  @Field(() => MatchInterest, {
    nullable: true,
    description: 'The mentor’s own interest signal for this organisation (setMatchInterest), if any.',
  })
  interest: MatchInterest | null;

  static from(
    r: Recommendation<OrganizationEntity>,
    interest: MatchInterest | null = null,
  ): OrganizationRecommendationModel {
    return {
      interest,
      organization: OrganizationModel.from(r.candidate),
      score: r.score,
      breakdown: breakdownOf(r.breakdown),
      engineVersion: r.engineVersion,
      computedAt: r.computedAt,
    };
  }
}

@ObjectType('ScoringRun', { description: 'A full recompute of every recommendation list, in shards.' })
export class ScoringRunModel {
  @Field(() => ID)
  id: string;

  @Field(() => ScoringRunStatus)
  status: ScoringRunStatus;

  @Field(() => Int, { description: 'Percent of profiles whose lists are written, 0-100.' })
  progress: number;

  @Field(() => Int, { description: 'Profiles (organisations and mentors) whose lists are written.' })
  processed: number;

  @Field(() => Int, { description: 'Profiles in the run; known once it is planned.' })
  total: number;

  @Field(() => Int)
  shards: number;

  @Field(() => Int)
  shardsDone: number;

  @Field()
  engineVersion: string;

  @Field(() => String, { nullable: true, description: 'Why the run failed.' })
  error: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  static from(run: ScoringRunEntity): ScoringRunModel {
    const done = run.status === ScoringRunStatus.COMPLETED;
    return {
      id: run.id,
      status: run.status,
      progress: done ? 100 : run.total > 0 ? Math.floor((100 * run.processed) / run.total) : 0,
      processed: run.processed,
      total: run.total,
      shards: run.shardCount,
      shardsDone: run.shardsDone,
      engineVersion: run.engineVersion,
      error: run.error,
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
    };
  }
}
