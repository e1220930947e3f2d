import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { OrganizationEntity } from '@app/profiles';
import { Connection } from './connection.model';
import { Locality, OrganizationKind, SizeClass } from './enums';
import {
  EconomyModel,
  ExpertiseTopicModel,
  IsicDivisionModel,
  LanguageModel,
  divisionModelByCode,
  economyModel,
  economyModels,
  languageModels,
  topicModels,
} from './taxonomy.model';

@ObjectType('Organization', { description: 'An MSME or startup.' })
export class OrganizationModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => IsicDivisionModel)
  isicDivision: IsicDivisionModel;

  @Field(() => EconomyModel)
  economy: EconomyModel;

  @Field()
  city: string;

  @Field(() => Locality)
  locality: Locality;

  @Field(() => Int)
  employees: number;

  @Field(() => SizeClass, { description: 'Derived from employees.' })
  sizeClass: SizeClass;

  @Field(() => Int, { nullable: true })
  foundedYear: number | null;

  @Field(() => Float)
  womenOwnershipPercent: number;

  @Field({ description: 'A woman is CEO, COO, President or Vice-President.' })
  womanInTopManagement: boolean;

  @Field(() => Float, { nullable: true, description: 'Null when the organisation has no board.' })
  boardWomenPercent: number | null;

  @Field({ description: 'Derived (IFC): at least 51% owned by women.' })
  womenOwned: boolean;

  @Field({
    description:
      'Derived (IFC): at least 20% owned by women, a woman in top management, and, where there is a board, at least 30% women on it.',
  })
  womenLed: boolean;

  @Field()
  youthLed: boolean;

  @Field()
  socialEnterprise: boolean;

  @Field({ description: 'The organisation asks for a woman mentor; recommendations prefer one.' })
  prefersWomanMentor: boolean;

  @Field(() => Int, { description: 'Mentors it wants at once (1-3).' })
  mentorsWanted: number;

  @Field(() => Int, { description: 'Mentorship requests it has open now.' })
  openRequests: number;

  @Field(() => Int, { description: 'Mentorships it has running now.' })
  activeMentorships: number;

  @Field(() => String, { nullable: true })
  cluster: string | null;

  @Field(() => [ExpertiseTopicModel])
  needs: ExpertiseTopicModel[];

  @Field(() => [EconomyModel], { description: 'Economies the organisation wants to export to.' })
  targetEconomies: EconomyModel[];

  @Field(() => [LanguageModel])
  languages: LanguageModel[];

  ownerId: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(o: OrganizationEntity): OrganizationModel {
    return {
      id: o.id,
      name: o.name,
      description: o.description,
      kind: o.kind,
      isicDivision: divisionModelByCode(o.isicDivision),
      economy: economyModel(o.economy),
      city: o.city,
      locality: o.locality,
      employees: o.employees,
      sizeClass: o.sizeClass,
      foundedYear: o.foundedYear,
      womenOwnershipPercent: o.womenOwnershipPercent,
      womanInTopManagement: o.womanInTopManagement,
      boardWomenPercent: o.boardWomenPercent,
      womenOwned: o.womenOwned,
      womenLed: o.womenLed,
      youthLed: o.youthLed,
      socialEnterprise: o.socialEnterprise,
      prefersWomanMentor: o.prefersWomanMentor,
      mentorsWanted: o.mentorsWanted,
      openRequests: o.openRequests,
      activeMentorships: o.activeMentorships,
      cluster: o.cluster,
      needs: topicModels(o.needs),
      targetEconomies: economyModels(o.targetEconomies),
      languages: languageModels(o.languages),
      ownerId: o.ownerId,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
    };
  }
}

export const OrganizationConnection = Connection(OrganizationModel, 'Organization');
