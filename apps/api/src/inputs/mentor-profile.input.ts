import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  BIO_MAX,
  HEADLINE_MAX,
  MENTOR_CAPACITY_MAX,
  MENTOR_CAPACITY_MIN,
  YEARS_OF_EXPERIENCE_MAX,
} from '@app/profiles';
import { Gender } from '../models/enums';
import { SEARCH_MAX, TOPIC_CODE_MAX, lengthBound } from './bounds';
import { PageArgs } from './page.args';

@InputType({ description: 'Creates my mentor profile, or changes the fields given.' })
export class UpsertMentorProfileInput {
  @Field({ nullable: true, description: `Required on creation. ${lengthBound(HEADLINE_MAX, 1)}` })
  @IsOptional()
  @IsString()
  @Length(1, HEADLINE_MAX)
  headline?: string;

  @Field({ nullable: true, description: lengthBound(BIO_MAX) })
  @IsOptional()
  @IsString()
  @MaxLength(BIO_MAX)
  bio?: string;

  @Field({ nullable: true, description: 'Economy code where the mentor lives.' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  economy?: string;

  @Field(() => [String], { nullable: true, description: 'ISIC division codes or section letters.' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(30)
  expertiseSectors?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  expertiseTopics?: string[];

  @Field(() => [String], { nullable: true, description: 'Economy codes where the mentor has worked.' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(21)
  economies?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  languages?: string[];

  @Field(() => Int, {
    nullable: true,
    description: `Organisations at once, ${MENTOR_CAPACITY_MIN} to ${MENTOR_CAPACITY_MAX}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(MENTOR_CAPACITY_MIN)
  @Max(MENTOR_CAPACITY_MAX)
  capacity?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  acceptingRequests?: boolean;

  @Field(() => Int, { nullable: true, description: `0 to ${YEARS_OF_EXPERIENCE_MAX}.` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(YEARS_OF_EXPERIENCE_MAX)
  yearsOfExperience?: number;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender | null;
}

@InputType()
export class MentorFilterInput {
  @Field({ nullable: true, description: 'Where the mentor lives.' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  economy?: string;

  @Field({ nullable: true, description: 'Has worked in this economy.' })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  experienceIn?: string;

  @Field({ nullable: true, description: 'ISIC section letter or division code.' })
  @IsOptional()
  @IsString()
  @Length(1, 2)
  sector?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TOPIC_CODE_MAX)
  topic?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  language?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  acceptingRequests?: boolean;

  @Field({ nullable: true, description: `Part of the name or headline. ${lengthBound(SEARCH_MAX)}` })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX)
  search?: string;
}

@ArgsType()
export class MentorsArgs extends PageArgs {
  @Field(() => MentorFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentorFilterInput)
  filter?: MentorFilterInput;
}
