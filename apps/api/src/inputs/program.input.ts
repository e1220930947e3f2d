import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { MEMBERS_PER_CALL, PROGRAM_NAME_MAX } from '@app/programs';
import { RoundAlgorithm } from '../models/enums';

@InputType()
export class CreateProgramInput {
  @Field()
  @IsString()
  @MaxLength(PROGRAM_NAME_MAX)
  name: string;

  @Field(() => [String], { description: 'APEC economy codes; you must manage every one.' })
  @ArrayMaxSize(21)
  @IsString({ each: true })
  economies: string[];

  @Field({ description: 'YYYY-MM-DD' })
  @IsString()
  @MaxLength(10)
  startsOn: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsString()
  @MaxLength(10)
  endsOn: string;
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
