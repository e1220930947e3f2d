import { ArgsType, Field, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { Role } from '../models/enums';
import { DISPLAY_NAME_MAX, EMAIL_MAX, PASSWORD_MAX, PASSWORD_MIN, SEARCH_MAX, lengthBound } from './bounds';
import { PageArgs } from './page.args';

export { PASSWORD_MAX, PASSWORD_MIN } from './bounds';

@InputType()
export class RegisterInput {
  @Field({ description: `An e-mail address. ${lengthBound(EMAIL_MAX)}` })
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email: string;

  @Field({ description: lengthBound(PASSWORD_MAX, PASSWORD_MIN) })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;

  @Field({ description: lengthBound(DISPLAY_NAME_MAX, 1) })
  @IsString()
  @Length(1, DISPLAY_NAME_MAX)
  displayName: string;

  @Field(() => Role, { description: 'MSME_OWNER or MENTOR; other roles are granted by an admin.' })
  @IsEnum(Role)
  role: Role;
}

@ArgsType()
export class LoginArgs {
  @Field({ description: lengthBound(EMAIL_MAX) })
  @IsString()
  @MaxLength(EMAIL_MAX)
  email: string;

  @Field({ description: lengthBound(PASSWORD_MAX) })
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

@InputType()
export class CreateUserInput {
  @Field({ description: `An e-mail address. ${lengthBound(EMAIL_MAX)}` })
  @IsEmail()
  @MaxLength(EMAIL_MAX)
  email: string;

  @Field({ description: lengthBound(PASSWORD_MAX, PASSWORD_MIN) })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;

  @Field({ description: lengthBound(DISPLAY_NAME_MAX, 1) })
  @IsString()
  @Length(1, DISPLAY_NAME_MAX)
  displayName: string;

  @Field(() => [Role])
  @IsEnum(Role, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(4)
  roles: Role[];

  @Field(() => [String], { nullable: true, description: 'Economy codes, for program managers.' })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(21)
  managedEconomies?: string[];
}

@InputType()
export class UpdateUserRolesInput {
  @Field(() => [Role])
  @IsEnum(Role, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(4)
  roles: Role[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(21)
  managedEconomies?: string[];
}

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @Field({ nullable: true, description: `Part of the name or e-mail. ${lengthBound(SEARCH_MAX)}` })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_MAX)
  search?: string;
}
