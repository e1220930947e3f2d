import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type {
  MatchingRoundCandidateEntity,
  MatchingRoundEntity,
  ProgramEntity,
  RoundSummary,
} from '@app/programs';
import { DEFAULT_WEIGHTS, type ScoreComponent } from '@app/matching';
import { InterestSide, MatchInterest, RoundAlgorithm, RoundStatus } from './enums';
import { ScoreComponentModel } from './recommendation.model';

@ObjectType('ScoreWeights', { description: 'Maximum points per score component; they add up to 100.' })
export class ScoreWeightsModel {
  @Field(() => Int)
  sector: number;

  @Field(() => Int)
  economy: number;

  @Field(() => Int)
  internationalization: number;

  @Field(() => Int)
  womenLed: number;

  @Field(() => Int)
  topics: number;

  @Field(() => Int)
  locality: number;
}

@ObjectType('Program')
export class ProgramModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => [String], { description: 'APEC economy codes.' })
  economies: string[];

  @Field({ description: 'YYYY-MM-DD' })
  startsOn: string;

  @Field({ description: 'YYYY-MM-DD' })
  endsOn: string;

  @Field()
  createdAt: Date;

  @Field(() => ScoreWeightsModel, { description: 'The weights its rounds and reports score with.' })
  weights: ScoreWeightsModel;

  @Field({ description: 'True when the programme uses the platform’s default weights.' })
  defaultWeights: boolean;

  static from(p: ProgramEntity): ProgramModel {
    return Object.assign(new ProgramModel(), {
      id: p.id,
      name: p.name,
      economies: p.economies,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      createdAt: p.createdAt,
      weights: { ...(p.weights ?? DEFAULT_WEIGHTS) },
      defaultWeights: p.weights === null,
    });
  }
}

@ObjectType('ProgramCohort')
export class ProgramCohortModel {
  @Field(() => Int)
  organizations: number;

  @Field(() => Int)
  mentors: number;
}

@ObjectType('UnmatchedOrganizations')
export class UnmatchedModel {
  @Field(() => Int, { description: 'No mentor of the cohort passes the hard gates with it.' })
  noCandidates: number;

  @Field(() => Int, { description: 'It already has as many mentors as the round allows.' })
  noCapacityLeft: number;

  @Field(() => Int, { description: 'It had candidates, but the assignment gave their places to others.' })
  notChosen: number;
}

@ObjectType('InclusionShare', { description: 'Shares are exact fractions 0-1: round them where shown.' })
export class InclusionShareModel {
  @Field(() => Float, { description: 'Share of the cohort’s organisations (as the round saw them).' })
  cohortShare: number;

  @Field(() => Float, { description: 'Share of the matched pairs.' })
  matchedShare: number;

  @Field(() => Int, { nullable: true, description: 'Pairs required by the round’s target, if it had one.' })
  required: number | null;
}

@ObjectType('MatchingRoundSummary')
export class RoundSummaryModel {
  @Field(() => Int)
  candidates: number;

  @Field(() => Int)
  totalScore: number;

  @Field(() => Int)
  pairs: number;

  @Field(() => Int)
  organizations: number;

  @Field(() => UnmatchedModel)
  unmatched: UnmatchedModel;

  @Field(() => InclusionShareModel)
  womenLed: InclusionShareModel;

  @Field(() => InclusionShareModel)
  nonMetropolitan: InclusionShareModel;

  @Field(() => Int, {
    nullable: true,
    description: 'GREEDY and STABLE: OPTIMAL’s total on the same candidates.',
  })
  optimalTotal: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'GREEDY and STABLE: their total as a share of OPTIMAL’s.',
  })
  gapToOptimal: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'OPTIMAL with both targets: no assignment meeting both scores more than this (the Lagrangian ' +
      'bound, or the total itself when proven optimal).',
  })
  upperBound?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'OPTIMAL with both targets: (upperBound − total) / upperBound; at most 0.001 unless the round is too ' +
      'large for the exact MIP and the Lagrangian search left more (0 = proven optimal).',
  })
  gapToBound?: number | null;

  @Field(() => Float)
  seconds: number;
}

@ObjectType('MatchingRoundPair')
export class RoundPairModel {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID, { description: 'A MentorProfile id.' })
  mentorId: string;

  @Field(() => Int)
  score: number;

  @Field(() => [ScoreComponentModel], {
    description: 'The score’s components under the programme’s weights, now.',
  })
  breakdown: ScoreComponentModel[];

  static from(c: MatchingRoundCandidateEntity & { breakdown: ScoreComponent[] }): RoundPairModel {
    return Object.assign(new RoundPairModel(), {
      organizationId: c.organizationId,
      mentorId: c.mentorId,
      score: c.score,
      breakdown: c.breakdown.map((b) => ({
        code: b.code,
        points: b.points,
        maxPoints: b.maxPoints,
        reason: b.reason,
      })),
    });
  }
}

@ObjectType('MatchInterestSignal')
export class MatchInterestModel {
  @Field(() => InterestSide)
  side: InterestSide;

  @Field(() => MatchInterest, { nullable: true })
  interest: MatchInterest | null;
}

@ObjectType('MatchingRound')
export class MatchingRoundModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  programId: string;

  @Field(() => RoundAlgorithm)
  algorithm: RoundAlgorithm;

  @Field(() => Int)
  maxMentorsPerOrganization: number;

  @Field(() => Float, { nullable: true })
  minWomenLedShare: number | null;

  @Field(() => Float, { nullable: true })
  minNonMetropolitanShare: number | null;

  @Field(() => RoundStatus)
  status: RoundStatus;

  @Field(() => Int, { description: '0-100' })
  progress: number;

  @Field(() => String, {
    nullable: true,
    description: 'Why it FAILED (an infeasible target names the highest share reachable).',
  })
  error: string | null;

  @Field(() => RoundSummaryModel, { nullable: true })
  summary: RoundSummary | null;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  static from(r: MatchingRoundEntity): MatchingRoundModel {
    return Object.assign(new MatchingRoundModel(), {
      id: r.id,
      programId: r.programId,
      algorithm: r.algorithm,
      maxMentorsPerOrganization: r.maxMentorsPerOrganization,
      minWomenLedShare: r.minWomenLedShare,
      minNonMetropolitanShare: r.minNonMetropolitanShare,
      status: r.status,
      progress: r.progress,
      error: r.error,
      summary: r.summary,
      createdAt: r.createdAt,
      finishedAt: r.finishedAt,
      publishedAt: r.publishedAt,
    });
  }
}

@ObjectType('MatchingRoundPublication')
export class RoundPublicationModel {
  @Field(() => MatchingRoundModel)
  round: MatchingRoundModel;

  @Field(() => Int, { description: 'Requests sent now (0 when it was published before).' })
  sent: number;

  @Field(() => Int, {
    description: 'Pairs that no longer pass a gate, or whose organisation has too many open requests.',
  })
  skipped: number;
}

@ObjectType('MatchingRoundExport', {
  description: 'The round as it was solved: places and groups as stored with it, whatever changed since.',
})
export class RoundExportModel {
  @Field({ description: 'organization_id,mentor_id,score,assigned — every candidate pair.' })
  candidatesCsv: string;

  @Field({ description: 'organization_id,max_mentors,women_led,non_metropolitan' })
  organizationsCsv: string;

  @Field({ description: 'mentor_id,capacity' })
  mentorsCsv: string;
}

@ObjectType('ReportCell', {
  description:
    'Figures for one group of organisations, exact (round them where shown). Fewer than 5 organisations: ' +
    'suppressed, every figure null, the count of organisations too.',
})
export class ReportCellModel {
  @Field()
  key: string;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' })
  organizations: number | null;

  @Field()
  suppressed: boolean;

  @Field(() => Int, { nullable: true })
  requests: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Accepted among decided (accepted or declined) requests.',
  })
  acceptanceRate: number | null;

  @Field(() => Float, { nullable: true })
  medianHoursToDecision: number | null;

  @Field(() => Float, { nullable: true, description: 'Organisations with at least one active mentorship.' })
  matchRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Of the mentorships’ pairs, under the programme’s weights.',
  })
  averageScore: number | null;

  @Field(() => Int, { nullable: true, description: 'Mentorships with a mentor based in another economy.' })
  crossEconomyLinks: number | null;

  @Field(() => Int, { nullable: true, description: 'Outcomes reported (NONE not counted).' })
  outcomes: number | null;
}

@ObjectType('ReportMonth', {
  description: 'A month’s activity; fewer than 5 organisations active in it: suppressed, its counts null.',
})
export class ReportMonthModel {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field()
  suppressed: boolean;

  @Field(() => Int, { nullable: true })
  requests: number | null;

  @Field(() => Int, { nullable: true })
  accepted: number | null;

  @Field(() => Int, { nullable: true })
  mentorshipsStarted: number | null;
}

@ObjectType('ProgramReport')
export class ProgramReportModel {
  @Field(() => ReportCellModel)
  totals: ReportCellModel;

  @Field(() => [ReportCellModel])
  byEconomy: ReportCellModel[];

  @Field(() => [ReportCellModel])
  byIsicSection: ReportCellModel[];

  @Field(() => [ReportCellModel])
  byWomenLed: ReportCellModel[];

  @Field(() => [ReportCellModel])
  byLocality: ReportCellModel[];

  @Field(() => [ReportCellModel])
  bySizeClass: ReportCellModel[];

  @Field(() => Float, {
    nullable: true,
    description:
      'Running mentorships over the cohort mentors’ capacity; null under 5 mentors or when the totals are ' +
      'suppressed.',
  })
  mentorUtilisation: number | null;

  @Field(() => [ReportMonthModel])
  monthly: ReportMonthModel[];
}
