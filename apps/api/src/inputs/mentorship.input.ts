import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  COMMENT_MAX,
  END_REASON_MAX,
  FEEDBACK_COMMENT_MAX,
  GOALS_MAX,
  GOAL_MAX,
  GOAL_TITLE_MAX,
  MESSAGE_MAX,
  NARRATIVE_MAX,
  NOTES_MAX,
} from '@app/mentorships';
import {
  DeclineReason,
  FinancingBand,
  GoalStatus,
  MentorshipStatus,
  OutcomeKind,
  RequestStatus,
} from '../models/enums';
import { lengthBound } from './bounds';
import { PageArgs } from './page.args';

@InputType()
export class RequestMentorshipInput {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field(() => ID, { description: 'A MentorProfile id.' })
  @IsUUID()
  mentorId: string;

  @Field({ description: `What the organisation hopes for. ${lengthBound(MESSAGE_MAX, 1)}` })
  @IsString()
  @Length(1, MESSAGE_MAX)
  message: string;

  @Field(() => [String], {
    nullable: true,
    description: `Up to ${GOALS_MAX} goals, each up to ${GOAL_MAX} characters.`,
  })
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

  @Field(() => String, { nullable: true, description: lengthBound(COMMENT_MAX) })
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

  @Field({ description: lengthBound(END_REASON_MAX, 1) })
  @IsString()
  @Length(1, END_REASON_MAX)
  reason: string;
}

/** The parties a list of requests or mentorships may be narrowed to. */
@InputType({ isAbstract: true })
abstract class PartyFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  mentorId?: string;
}

@InputType()
export class MentorshipRequestFilterInput extends PartyFilterInput {
  @Field(() => RequestStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RequestStatus)
  status?: RequestStatus;
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
export class MentorshipFilterInput extends PartyFilterInput {
  @Field(() => MentorshipStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MentorshipStatus)
  status?: MentorshipStatus;
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

@ArgsType()
export class AddGoalArgs {
  @Field(() => ID)
  @IsUUID()
  mentorshipId: string;

  @Field({ description: lengthBound(GOAL_TITLE_MAX, 1) })
  @IsString()
  @Length(1, GOAL_TITLE_MAX)
  title: string;
}

@ArgsType()
export class UpdateGoalArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => GoalStatus, { nullable: true })
  @IsOptional()
  @IsEnum(GoalStatus)
  status?: GoalStatus;

  @Field(() => String, { nullable: true, description: lengthBound(GOAL_TITLE_MAX, 1) })
  @IsOptional()
  @IsString()
  @Length(1, GOAL_TITLE_MAX)
  title?: string;
}

@InputType()
export class LogSessionInput {
  @Field({ description: 'YYYY-MM-DD, between the start of the mentorship and today.' })
  @IsString()
  @MaxLength(10)
  heldOn: string;

  @Field(() => Int, { description: '1 to 600' })
  @IsInt()
  minutes: number;

  @Field(() => [String], { nullable: true, description: 'Expertise topic codes.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  topics?: string[];

  @Field(() => String, { nullable: true, description: lengthBound(NOTES_MAX) })
  @IsOptional()
  @IsString()
  @MaxLength(NOTES_MAX)
  notes?: string;
}

@ArgsType()
export class LogSessionArgs {
  @Field(() => ID)
  @IsUUID()
  mentorshipId: string;

  @Field(() => LogSessionInput)
  @ValidateNested()
  @Type(() => LogSessionInput)
  input: LogSessionInput;
}

@ArgsType()
export class SubmitFeedbackArgs {
  @Field(() => ID)
  @IsUUID()
  mentorshipId: string;

  @Field(() => Int, { description: '1 to 5' })
  @IsInt()
  rating: number;

  @Field(() => String, { nullable: true, description: lengthBound(FEEDBACK_COMMENT_MAX) })
  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_COMMENT_MAX)
  comment?: string;
}

@InputType()
export class OutcomeInput {
  @Field(() => OutcomeKind)
  @IsEnum(OutcomeKind)
  kind: OutcomeKind;

  @Field(() => [String], { nullable: true, description: 'EXPORT_STARTED only: economy codes.' })
  @IsOptional()
  @ArrayMaxSize(21)
  @IsString({ each: true })
  economies?: string[];

  @Field(() => FinancingBand, { nullable: true, description: 'FINANCING only.' })
  @IsOptional()
  @IsEnum(FinancingBand)
  financingBand?: FinancingBand;

  @Field(() => Int, { nullable: true, description: 'JOBS_CREATED only: 1 to 100000.' })
  @IsOptional()
  @IsInt()
  jobsCreated?: number;

  @Field(() => String, { nullable: true, description: lengthBound(NOTES_MAX) })
  @IsOptional()
  @IsString()
  @MaxLength(NOTES_MAX)
  note?: string;
}

@ArgsType()
export class ReportOutcomesArgs {
  @Field(() => ID)
  @IsUUID()
  mentorshipId: string;

  @Field(() => [OutcomeInput])
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => OutcomeInput)
  outcomes: OutcomeInput[];
}

@ArgsType()
export class CaseStudyArgs {
  @Field(() => ID)
  @IsUUID()
  outcomeId: string;

  @Field({ description: lengthBound(NARRATIVE_MAX, 1) })
  @IsString()
  @Length(1, NARRATIVE_MAX)
  narrative: string;
}

@ArgsType()
export class OutboxArgs extends PageArgs {
  @Field({ nullable: true, defaultValue: false, description: 'Only e-mails not sent yet.' })
  @IsOptional()
  @IsBoolean()
  unsentOnly?: boolean;
}
