import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { MentorProfileView } from '@app/profiles';
import { Connection } from './connection.model';
import { Gender } from './enums';
import {
  EconomyModel,
  ExpertiseTopicModel,
  LanguageModel,
  SectorModel,
  economyModel,
  economyModels,
  languageModels,
  sectorModels,
  topicModels,
} from './taxonomy.model';

@ObjectType('MentorProfile', { description: 'A mentor; named everywhere by this id.' })
export class MentorProfileModel {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field()
  headline: string;

  @Field()
  bio: string;

  @Field(() => EconomyModel, { description: 'Where the mentor lives.' })
  economy: EconomyModel;

  @Field(() => [SectorModel], { description: 'ISIC divisions or sections the mentor knows.' })
  expertiseSectors: SectorModel[];

  @Field(() => [ExpertiseTopicModel])
  expertiseTopics: ExpertiseTopicModel[];

  @Field(() => [EconomyModel], { description: 'Economies the mentor has worked in.' })
  economies: EconomyModel[];

  @Field(() => [LanguageModel])
  languages: LanguageModel[];

  @Field(() => Int, { description: 'How many organisations the mentor takes on at once (1-20).' })
  capacity: number;

  @Field(() => Int, { description: 'Mentorships running now; capacity minus this is the places left.' })
  activeMentorships: number;

  @Field()
  acceptingRequests: boolean;

  @Field(() => Int)
  yearsOfExperience: number;

  /** Resolved per caller. */
  @Field(() => Gender, { nullable: true, description: 'Visible to the mentor and admins only.' })
  gender: Gender | null;

  userId: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(m: MentorProfileView): MentorProfileModel {
    return {
      id: m.id,
      displayName: m.displayName,
      headline: m.headline,
      bio: m.bio,
      economy: economyModel(m.economy),
      expertiseSectors: sectorModels(m.expertiseSectors),
      expertiseTopics: topicModels(m.expertiseTopics),
      economies: economyModels(m.economies),
      languages: languageModels(m.languages),
      capacity: m.capacity,
      activeMentorships: m.activeMentorships,
      acceptingRequests: m.acceptingRequests,
      yearsOfExperience: m.yearsOfExperience,
      gender: m.gender,
      userId: m.userId,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    };
  }
}

export const MentorProfileConnection = Connection(MentorProfileModel, 'MentorProfile');
