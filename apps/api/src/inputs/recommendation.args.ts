import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

@ArgsType()
export class RecommendedMentorsArgs {
  @Field(() => ID)
  @IsUUID()
  organizationId: string;

  @Field(() => Int, { defaultValue: 10, description: 'At most the stored list length (50 by default).' })
  @IsInt()
  @Min(1)
  @Max(500)
  first: number;
}

@ArgsType()
export class RecommendedOrganizationsArgs {
  @Field(() => ID)
  @IsUUID()
  mentorId: string;

  @Field(() => Int, { defaultValue: 10, description: 'At most the stored list length (50 by default).' })
  @IsInt()
  @Min(1)
  @Max(500)
  first: number;
}
