import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageArgs } from './page.args';

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  action?: string;

  @Field({ nullable: true, description: 'The id of the changed object.' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  targetId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorId?: string;
}
