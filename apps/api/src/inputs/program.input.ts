import { ArgsType, Field, Float, ID, InputType, Int, PickType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DATE_MAX, DATE_MIN } from '@app/common';
import { MEMBERS_PER_CALL, PROGRAM_NAME_MAX } from '@app/programs';
import { MatchInterest, RoundAlgorithm } from '../models/enums';
import { lengthBound } from './bounds';
import { OrganizationFilterInput } from './organization.input';

const DATE_RANGE = `YYYY-MM-DD, from ${DATE_MIN} to ${DATE_MAX}`;

@InputType({ description: 'Maximum points per score component; whole numbers adding up to 100.' })
export class ScoreWeightsInput {
  @Field(() => Int)
  @IsInt()
  sector: number;

  @Field(() => Int)
  @IsInt()
  economy: number;

  @Field(() => Int)
  @IsInt()
  internationalization: number;

  @Field(() => Int)
  @IsInt()
  womenLed: number;

  @Field(() => Int)
  @IsInt()
  topics: number;

  @Field(() => Int)
  @IsInt()
  locality: number;
}

@InputType()
export class CreateProgramInput {
  @Field({ description: lengthBound(PROGRAM_NAME_MAX, 1) })
  @IsString()
  @Length(1, PROGRAM_NAME_MAX)
  name: string;

  @Field(() => [String], { description: 'APEC economy codes; you must manage every one.' })
  @ArrayMaxSize(21)
  @IsString({ each: true })
  economies: string[];

  @Field({ description: `${DATE_RANGE}.` })
  @IsString()
  @MaxLength(10)
  startsOn: string;

  @Field({ description: `${DATE_RANGE}; not before startsOn.` })
  @IsString()
  @MaxLength(10)
  endsOn: string;

  @Field(() => ScoreWeightsInput, {
    nullable: true,
    description: 'The programme’s own weights (default: the platform’s).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScoreWeightsInput)
  weights?: ScoreWeightsInput;
}

@InputType()
export class RoundPairInput {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field(() => ID)
  @IsUUID()
  mentorId: string;
}

@ArgsType()
export class ReviseRoundArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => [RoundPairInput], { defaultValue: [] })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RoundPairInput)
  remove: RoundPairInput[];

  @Field(() => [RoundPairInput], { defaultValue: [] })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RoundPairInput)
  add: RoundPairInput[];
}

@ArgsType()
export class MatchInterestArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field(() => ID, { description: 'A MentorProfile id.' })
  @IsUUID()
  mentorId: string;

  @Field(() => MatchInterest, { nullable: true, description: 'null clears your signal.' })
  @IsOptional()
  @IsEnum(MatchInterest)
  interest?: MatchInterest | null;
}

@ArgsType()
export class ProgramMembersArgs {
  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(MEMBERS_PER_CALL)
  @IsString({ each: true })
  organizationIds: string[];

  @Field(() => [ID], { defaultValue: [], description: 'MentorProfile ids.' })
  @ArrayMaxSize(MEMBERS_PER_CALL)
  @IsString({ each: true })
  mentorIds: string[];
}

@InputType()
export class MatchingRoundInput {
  @Field(() => RoundAlgorithm)
  @IsEnum(RoundAlgorithm)
  algorithm: RoundAlgorithm;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: '1 to 3' })
  @IsOptional()
  @IsInt()
  maxMentorsPerOrganization?: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Minimum share of the matched pairs with women-led organisations (0-1), against the unconstrained optimum’s number of pairs.',
  })
  @IsOptional()
  @IsNumber()
  minWomenLedShare?: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Minimum share of pairs with sub-regional or rural organisations (0-1).',
  })
  @IsOptional()
  @IsNumber()
  minNonMetropolitanShare?: number;
}

@ArgsType()
export class StartRoundArgs {
  @Field(() => ID)
  @IsUUID()
  programId: string;

  @Field(() => MatchingRoundInput)
  @ValidateNested()
  @Type(() => MatchingRoundInput)
  input: MatchingRoundInput;
}

@InputType({
  description:
    'Narrows a programme report. The organisation fields choose the cohort organisations described; ' +
    `from/to (inclusive, ${DATE_RANGE}) keep requests sent and mentorships started in that window.`,
})
export class ProgramReportFilterInput extends PickType(
  OrganizationFilterInput,
  ['economy', 'womenLed', 'locality', 'sizeClass'] as const,
  InputType,
) {
  @Field({ nullable: true, description: 'ISIC section letter (A to U).' })
  @IsOptional()
  @IsString()
  @Length(1, 1)
  isicSection?: string;

  @Field({ nullable: true, description: `${DATE_RANGE}, inclusive.` })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @Field({ nullable: true, description: `${DATE_RANGE}, inclusive.` })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;
}

@ArgsType()
export class ProgramReportArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => ProgramReportFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProgramReportFilterInput)
  filter?: ProgramReportFilterInput;
}
