import { Args, Context, Mutation, Query, ResolveField, Resolver, Root } from '@nestjs/graphql';
import { Actor, Role } from '@app/common';
import { MatchInterestsService } from '@app/matching';
import { MatchingRoundsService, ProgramsService } from '@app/programs';
import { ProgramReportService } from '@app/reports';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import type { GraphQLContext } from '../graphql/graphql-context';
import { IdArgs } from '../inputs/id.args';
import {
  CreateProgramInput,
  MatchInterestArgs,
  ProgramMembersArgs,
  ProgramReportArgs,
  ReviseRoundArgs,
  StartRoundArgs,
} from '../inputs/program.input';
import {
  MatchInterestModel,
  MatchingRoundModel,
  ProgramCohortModel,
  ProgramModel,
  ProgramReportModel,
  RoundExportModel,
  RoundPairModel,
  RoundPublicationModel,
} from '../models/program.model';

@Resolver(() => ProgramModel)
export class ProgramsResolver {
  constructor(
    private readonly service: ProgramsService,
    private readonly rounds: MatchingRoundsService,
    private readonly interests: MatchInterestsService,
    private readonly reports: ProgramReportService,
  ) {}

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Mutation(() => ProgramModel, {
    description: 'Program managers within the economies they manage; admins any.',
  })
  async createProgram(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateProgramInput,
  ): Promise<ProgramModel> {
    return ProgramModel.from(await this.service.create(actor, input));
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Mutation(() => ProgramModel, { description: 'Organisations must be in the programme’s economies.' })
  async addProgramMembers(
    @CurrentActor() actor: Actor,
    @Args() { programId, organizationIds, mentorIds }: ProgramMembersArgs,
  ): Promise<ProgramModel> {
    return ProgramModel.from(await this.service.addMembers(actor, programId, organizationIds, mentorIds));
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Mutation(() => ProgramModel)
  async removeProgramMembers(
    @CurrentActor() actor: Actor,
    @Args() { programId, organizationIds, mentorIds }: ProgramMembersArgs,
  ): Promise<ProgramModel> {
    return ProgramModel.from(await this.service.removeMembers(actor, programId, organizationIds, mentorIds));
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Query(() => [ProgramModel], {
    description: 'Newest first: program managers see those touching their economies.',
  })
  async programs(@CurrentActor() actor: Actor): Promise<ProgramModel[]> {
    return (await this.service.list(actor)).map(ProgramModel.from);
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Query(() => ProgramModel)
  async program(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<ProgramModel> {
    return ProgramModel.from(await this.service.findOne(actor, id));
  }

  @ResolveField(() => ProgramCohortModel)
  async cohort(@Root() program: ProgramModel): Promise<ProgramCohortModel> {
    return this.service.counts(program.id);
  }

  @ResolveField('rounds', () => [MatchingRoundModel], {
    description: 'Its matching rounds, newest first (at most 100).',
  })
  async roundsOf(@Root() program: ProgramModel): Promise<MatchingRoundModel[]> {
    return (await this.rounds.forProgram(program.id)).map((r) => MatchingRoundModel.from(r));
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Mutation(() => MatchingRoundModel, {
    description:
      'Queues a matching round over the cohort; follow it with matchingRound(id) { status progress }.',
  })
  async startMatchingRound(
    @CurrentActor() actor: Actor,
    @Args() { programId, input }: StartRoundArgs,
  ): Promise<MatchingRoundModel> {
    return MatchingRoundModel.from(await this.rounds.start(actor, programId, input));
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Query(() => MatchingRoundModel)
  async matchingRound(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<MatchingRoundModel> {
    return MatchingRoundModel.from(await this.rounds.findOne(actor, id));
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Mutation(() => RoundPublicationModel, {
    description: 'Sends the assigned pairs’ mentorship requests (source ROUND). A second call does nothing.',
  })
  async publishMatchingRound(
    @CurrentActor() actor: Actor,
    @Args() { id }: IdArgs,
  ): Promise<RoundPublicationModel> {
    const { round, sent, skipped } = await this.rounds.publish(actor, id);
    return { round: MatchingRoundModel.from(round), sent, skipped };
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Mutation(() => MatchingRoundModel, {
    description: 'Review: removes pairs and assigns other candidates of the round, within its places.',
  })
  async reviseMatchingRound(
    @CurrentActor() actor: Actor,
    @Args() { id, remove, add }: ReviseRoundArgs,
  ): Promise<MatchingRoundModel> {
    return MatchingRoundModel.from(await this.rounds.revise(actor, id, remove, add));
  }

  @Mutation(() => MatchInterestModel, {
    description:
      'The organisation’s owner or the mentor marks a candidate: NOT_INTERESTED keeps the pair out of matching ' +
      'rounds; INTERESTED puts it first in that side’s ranking for STABLE rounds.',
  })
  async setMatchInterest(
    @CurrentActor() actor: Actor,
    @Args() { organizationId, mentorId, interest }: MatchInterestArgs,
  ): Promise<MatchInterestModel> {
    return this.interests.set(actor, organizationId, mentorId, interest ?? null);
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Query(() => ProgramReportModel, {
    description:
      'Activity between the cohort’s organisations and mentors, in total and by economy, ISIC section, ' +
      'women-led, locality and size class (cells under 5 organisations suppressed), and by month. Program ' +
      'managers see their economies’ organisations.',
  })
  async programReport(
    @CurrentActor() actor: Actor,
    @Args() { id, filter }: ProgramReportArgs,
  ): Promise<ProgramReportModel> {
    return this.reports.report(actor, id, filter ?? {});
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Query(() => String, { description: 'programReport as CSV, with the same filter.' })
  async exportProgramReport(
    @CurrentActor() actor: Actor,
    @Args() { id, filter }: ProgramReportArgs,
  ): Promise<string> {
    return this.reports.exportCsv(actor, id, filter ?? {});
  }

  @Roles(Role.PROGRAM_MANAGER, Role.ADMIN)
  @Query(() => RoundExportModel, { description: 'Enough for an independent solver to confirm the optimum.' })
  async exportMatchingRound(@CurrentActor() actor: Actor, @Args() { id }: IdArgs): Promise<RoundExportModel> {
    return this.rounds.export(actor, id);
  }
}

/** Names for a round's pairs, through the request's loaders (one query per kind per request). */
@Resolver(() => RoundPairModel)
export class RoundPairsResolver {
  @ResolveField(() => String, { nullable: true, description: 'Null once the organisation has been deleted.' })
  async organizationName(
    @Root() pair: RoundPairModel,
    @Context() ctx: GraphQLContext,
  ): Promise<string | null> {
    return (await ctx.loaders.organizationById.load(pair.organizationId))?.name ?? null;
  }

  @ResolveField(() => String)
  async mentorName(@Root() pair: RoundPairModel, @Context() ctx: GraphQLContext): Promise<string> {
    return (await ctx.loaders.mentorById.load(pair.mentorId))?.displayName ?? '';
  }
}

@Resolver(() => MatchingRoundModel)
export class MatchingRoundsResolver {
  constructor(private readonly rounds: MatchingRoundsService) {}

  @ResolveField(() => [RoundPairModel], {
    description: 'The assigned pairs, by organisation, with breakdowns.',
  })
  async pairs(@Root() round: MatchingRoundModel): Promise<RoundPairModel[]> {
    return (await this.rounds.assignedWithBreakdown(round.id)).map(RoundPairModel.from);
  }
}
