import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  economyByCode,
  isicDivision,
  isicSection,
  languageByCode,
  EXPERTISE_TOPICS,
  type Economy,
  type ExpertiseTopic,
  type IsicDivision,
  type IsicSection,
  type Language,
} from '@app/taxonomy';

@ObjectType('Economy', { description: 'An APEC member economy, keyed by ISO 3166-1 alpha-2.' })
export class EconomyModel {
  @Field()
  code: string;

  @Field({ description: "APEC's own name, e.g. 'Chinese Taipei'." })
  name: string;
}

// Declared before IsicDivision: decorator metadata of `section` needs the class initialised.
@ObjectType('IsicSection')
export class IsicSectionModel {
  @Field({ description: 'ISIC Rev.4 section letter, A-U.' })
  code: string;

  @Field()
  title: string;

  @Field(() => [IsicDivisionModel])
  divisions: IsicDivisionModel[];
}

@ObjectType('IsicDivision')
export class IsicDivisionModel {
  @Field({ description: 'Two-digit ISIC Rev.4 division code, e.g. "10".' })
  code: string;

  @Field()
  title: string;

  @Field(() => IsicSectionModel)
  section: IsicSectionModel;
}

export enum SectorLevel {
  SECTION = 'SECTION',
  DIVISION = 'DIVISION',
}
registerEnumType(SectorLevel, { name: 'SectorLevel' });

@ObjectType('Sector', { description: 'An ISIC section or division a mentor knows.' })
export class SectorModel {
  @Field()
  code: string;

  @Field()
  title: string;

  @Field(() => SectorLevel)
  level: SectorLevel;
}

@ObjectType('Language', { description: 'ISO 639-1.' })
export class LanguageModel {
  @Field()
  code: string;

  @Field()
  name: string;
}

@ObjectType('ExpertiseTopic')
export class ExpertiseTopicModel {
  @Field()
  code: string;

  @Field()
  label: string;
}

const sectionModels = new Map<string, IsicSectionModel>();

/** Built once: the taxonomy is static, so every request shares these objects. */
export function sectionModel(section: IsicSection): IsicSectionModel {
  let model = sectionModels.get(section.code);
  if (!model) {
    model = { code: section.code, title: section.title, divisions: [] };
    sectionModels.set(section.code, model);
    model.divisions = section.divisions.map((d) => ({ code: d.code, title: d.title, section: model! }));
  }
  return model;
}

export function divisionModel(division: IsicDivision): IsicDivisionModel {
  const section = sectionModel(isicSection(division.sectionCode) as IsicSection);
  return section.divisions.find((d) => d.code === division.code) as IsicDivisionModel;
}

export const economyModel = (code: string): EconomyModel => economyByCode(code) as Economy;

export const economyModels = (codes: readonly string[]): EconomyModel[] =>
  codes.map((code) => economyByCode(code)).filter((e): e is Economy => e !== undefined);

export const languageModels = (codes: readonly string[]): LanguageModel[] =>
  codes.map((code) => languageByCode(code)).filter((l): l is Language => l !== undefined);

const topicsByCode = new Map<string, ExpertiseTopic>(EXPERTISE_TOPICS.map((t) => [t.code, t]));

export const topicModels = (codes: readonly string[]): ExpertiseTopicModel[] =>
  codes.map((code) => topicsByCode.get(code)).filter((t): t is ExpertiseTopic => t !== undefined);

export function sectorModels(codes: readonly string[]): SectorModel[] {
  return codes.flatMap((code): SectorModel[] => {
    const division = isicDivision(code);
    if (division) return [{ code, title: division.title, level: SectorLevel.DIVISION }];
    const section = isicSection(code);
    return section ? [{ code, title: section.title, level: SectorLevel.SECTION }] : [];
  });
}

export const divisionModelByCode = (code: string): IsicDivisionModel =>
  divisionModel(isicDivision(code) as IsicDivision);
