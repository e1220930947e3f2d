import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AUDIT_FILTER_MAX, lengthBound } from './bounds';
import { PageArgs } from './page.args';

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field({ nullable: true, description: `e.g. organization.updated. ${lengthBound(AUDIT_FILTER_MAX)}` })
  @IsOptional()
  @IsString()
  @MaxLength(AUDIT_FILTER_MAX)
  action?: string;

  @Field({ nullable: true, description: `The id of the changed object. ${lengthBound(AUDIT_FILTER_MAX)}` })
  @IsOptional()
  @IsString()
  @MaxLength(AUDIT_FILTER_MAX)
  targetId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  actorId?: string;
}
