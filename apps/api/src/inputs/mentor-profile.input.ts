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
import { MENTOR_CAPACITY_MAX, MENTOR_CAPACITY_MIN } from '@app/profiles';
import { Gender } from '../models/enums';
import { PageArgs } from './page.args';

@InputType({ description: 'Creates my mentor profile, or changes the fields given.' })
export class UpsertMentorProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  headline?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
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

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(MENTOR_CAPACITY_MIN)
  @Max(MENTOR_CAPACITY_MAX)
  capacity?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  acceptingRequests?: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(80)
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
  @MaxLength(40)
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

  @Field({ nullable: true, description: 'Part of the name or headline.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
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
