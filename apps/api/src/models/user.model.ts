import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { UserEntity } from '@app/accounts';
import { Role } from './enums';
import { Connection } from './connection.model';
import { EconomyModel, economyModels } from './taxonomy.model';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  /** Resolved per caller: only the user and admins see it. */
  @Field(() => String, { nullable: true, description: 'Visible to the user and admins only.' })
  email: string | null;

  @Field(() => [EconomyModel], { description: 'Economies a program manager is responsible for.' })
  managedEconomies: EconomyModel[];

  /** Set when the user is the caller by construction (register, login), before any token exists. */
  isCaller?: boolean;

  static from(user: UserEntity, isCaller = false): UserModel {
    return {
      isCaller,
      id: user.id,
      displayName: user.displayName,
      roles: user.roles,
      email: user.email,
      managedEconomies: economyModels(user.managedEconomies),
    };
  }
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => UserModel)
  user: UserModel;
}

export const UserConnection = Connection(UserModel, 'User');
