import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { COMMENT_MAX, END_REASON_MAX, GOALS_MAX, GOAL_MAX, MESSAGE_MAX } from '@app/mentorships';
import { DeclineReason, MentorshipStatus, RequestStatus } from '../models/enums';
import { PageArgs } from './page.args';

@InputType()
export class RequestMentorshipInput {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field(() => ID, { description: 'A MentorProfile id.' })
  @IsUUID()
  mentorId: string;

  @Field({ description: `What the organisation hopes for, up to ${MESSAGE_MAX} characters.` })
  @IsString()
  @MaxLength(MESSAGE_MAX)
  message: string;

  @Field(() => [String], { nullable: true, description: `Up to ${GOALS_MAX} goals.` })
  @IsOptional()
  @ArrayMaxSize(GOALS_MAX)
  @IsString({ each: true })
  @MaxLength(GOAL_MAX, { each: true })
  goals?: string[];

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'If it expires unanswered, send it on to the best available mentor by itself.',
  })
  @IsOptional()
  @IsBoolean()
  autoReroute?: boolean;
}

@ArgsType()
export class DeclineRequestArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => DeclineReason)
  @IsEnum(DeclineReason)
  reason: DeclineReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX)
  comment?: string | null;
}

@ArgsType()
export class EndMentorshipArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field()
  @IsString()
  @MaxLength(END_REASON_MAX)
  reason: string;
}

@InputType()
export class MentorshipRequestFilterInput {
  @Field(() => RequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RequestStatus)
  status?: RequestStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  mentorId?: string;
}

@ArgsType()
export class MentorshipRequestsArgs extends PageArgs {
  @Field(() => MentorshipRequestFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentorshipRequestFilterInput)
  filter?: MentorshipRequestFilterInput;
}

@InputType()
export class MentorshipFilterInput {
  @Field(() => MentorshipStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MentorshipStatus)
  status?: MentorshipStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  mentorId?: string;
}

@ArgsType()
export class MentorshipsArgs extends PageArgs {
  @Field(() => MentorshipFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MentorshipFilterInput)
  filter?: MentorshipFilterInput;
}

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}
