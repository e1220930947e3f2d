import { Query, Resolver } from '@nestjs/graphql';
import { ECONOMIES, EXPERTISE_TOPICS, ISIC_SECTIONS, LANGUAGES } from '@app/taxonomy';
import { Public } from '../auth/auth.decorators';
import {
  EconomyModel,
  ExpertiseTopicModel,
  IsicSectionModel,
  LanguageModel,
  sectionModel,
} from '../models/taxonomy.model';

/** Reference lists a sign-up form needs; public. */
@Public()
@Resolver()
export class TaxonomyResolver {
  @Query(() => [EconomyModel], { description: 'The 21 APEC member economies.' })
  economies(): EconomyModel[] {
    return [...ECONOMIES];
  }

  @Query(() => [IsicSectionModel], { description: 'ISIC Rev.4 sections with their divisions.' })
  sectors(): IsicSectionModel[] {
    return ISIC_SECTIONS.map(sectionModel);
  }

  @Query(() => [LanguageModel])
  languages(): LanguageModel[] {
    return [...LANGUAGES];
  }

  @Query(() => [ExpertiseTopicModel])
  expertiseTopics(): ExpertiseTopicModel[] {
    return [...EXPERTISE_TOPICS];
  }
}
