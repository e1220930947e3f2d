import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { PASSWORD_MAX, PASSWORD_MIN } from '@app/accounts';
import { Role } from '../models/enums';
import { PageArgs } from './page.args';

@InputType()
export class RegisterInput {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;

  @Field()
  @IsString()
  @Length(1, 100)
  displayName: string;

  @Field(() => Role, { description: 'MSME_OWNER or MENTOR; other roles are granted by an admin.' })
  @IsEnum(Role)
  role: Role;
}

@ArgsType()
export class LoginArgs {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;
}

@InputType()
export class CreateUserInput {
  @Field()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;

  @Field()
  @IsString()
  @Length(1, 100)
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

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}
