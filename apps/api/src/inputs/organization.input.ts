import { ArgsType, Field, Float, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DESCRIPTION_MAX, EMPLOYEES_MAX, FOUNDED_YEAR_MIN, NAME_MAX } from '@app/profiles';
import { Locality, OrganizationKind, SizeClass } from '../models/enums';
import { SEARCH_MAX, TOPIC_CODE_MAX, lengthBound } from './bounds';
import { PageArgs } from './page.args';

@InputType()
export class CreateOrganizationInput {
  @Field({ description: lengthBound(NAME_MAX, 1) })
  @IsString()
  @Length(1, NAME_MAX)
  name: string;

  @Field({ nullable: true, description: lengthBound(DESCRIPTION_MAX) })
  @IsOptional()
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  description?: string;

  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind: OrganizationKind;

  @Field({ description: 'Two-digit ISIC Rev.4 division, e.g. "10".' })
  @IsString()
  @Length(2, 2)
  isicDivision: string;

  @Field({ description: 'APEC economy code (ISO 3166-1 alpha-2).' })
  @IsString()
  @Length(2, 2)
  economy: string;

  @Field({ nullable: true, description: lengthBound(NAME_MAX) })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  city?: string;

  @Field(() => Locality)
  @IsEnum(Locality)
  locality: Locality;

  @Field(() => Int, { description: `0 to ${EMPLOYEES_MAX.toLocaleString('en')}.` })
  @IsInt()
  @Min(0)
  @Max(EMPLOYEES_MAX)
  employees: number;

  @Field(() => Int, { nullable: true, description: `From ${FOUNDED_YEAR_MIN} to the current year.` })
  @IsOptional()
  @IsInt()
  foundedYear?: number | null;

  @Field(() => Float, { description: 'Share of the firm owned by women, 0-100.' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  womenOwnershipPercent: number;

  @Field({ description: 'A woman is CEO, COO, President or Vice-President.' })
  @IsBoolean()
  womanInTopManagement: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of women on the board, 0-100; null when there is no board.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  boardWomenPercent?: number | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  youthLed?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  socialEnterprise?: boolean;

  @Field({ nullable: true, description: 'Ask for a woman mentor; recommendations then prefer one.' })
  @IsOptional()
  @IsBoolean()
  prefersWomanMentor?: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Mentors it wants at once, 1 to 3 (default 1); once it has them, its other open requests are withdrawn.',
  })
  @IsOptional()
  @IsInt()
  mentorsWanted?: number;

  @Field(() => String, {
    nullable: true,
    description: `Local industrial cluster, if any. ${lengthBound(NAME_MAX)}`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  cluster?: string | null;

  @Field(() => [String], { nullable: true, description: 'Expertise topic codes the organisation needs.' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  needs?: string[];

  @Field(() => [String], { nullable: true, description: 'Economy codes of target export markets.' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(21)
  targetEconomies?: string[];

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes; at least one.' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(20)
  languages?: string[];
}

@InputType({ description: 'Only the fields to change.' })
export class UpdateOrganizationInput extends PartialType(CreateOrganizationInput) {}

@InputType()
export class OrganizationFilterInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  economy?: string;

  @Field({ nullable: true, description: 'ISIC section letter or division code.' })
  @IsOptional()
  @IsString()
  @Length(1, 2)
  sector?: string;

  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  womenLed?: boolean;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  womenOwned?: boolean;

  @Field(() => Locality, { nullable: true })
  @IsOptional()
  @IsEnum(Locality)
  locality?: Locality;

  @Field(() => SizeClass, { nullable: true })
  @IsOptional()
  @IsEnum(SizeClass)
  sizeClass?: SizeClass;

  @Field({ nullable: true, description: 'An expertise topic code the organisation needs.' })
  @IsOptional()
  @IsString()
  @MaxLength(TOPIC_CODE_MAX)
  topic?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 2)
  language?: string;

  @Field({ nullable: true, description: `Part of the name. ${lengthBound(SEARCH_MAX)}` })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX)
  search?: string;

  @Field({ nullable: true, description: 'Only organisations I own.' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;
}

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => OrganizationFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilterInput)
  filter?: OrganizationFilterInput;
}

@ArgsType()
export class UpdateOrganizationArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => UpdateOrganizationInput)
  @ValidateNested()
  @Type(() => UpdateOrganizationInput)
  input: UpdateOrganizationInput;
}
