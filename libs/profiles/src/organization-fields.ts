import {
  Locality,
  deriveWomenLeadership,
  isEconomyCode,
  isIsicDivisionCode,
  isLanguageCode,
  isTopicCode,
  sectionOfDivision,
  sizeClassOf,
  type EconomyCode,
  type SizeClass,
  type TopicCode,
} from '@app/taxonomy';
import { OrganizationKind } from './organization.entity';

/** What a user (form or CSV row) provides for an organisation. */
export interface OrganizationFields {
  name: string;
  description?: string | null;
  kind: OrganizationKind;
  isicDivision: string;
  economy: string;
  city?: string | null;
  locality: Locality;
  employees: number;
  foundedYear?: number | null;
  womenOwnershipPercent: number;
  womanInTopManagement: boolean;
  boardWomenPercent?: number | null;
  youthLed?: boolean | null;
  socialEnterprise?: boolean | null;
  prefersWomanMentor?: boolean | null;
  /** Mentors it wants at once, 1-3 (default 1). */
  mentorsWanted?: number | null;
  cluster?: string | null;
  needs?: string[] | null;
  targetEconomies?: string[] | null;
  languages?: string[] | null;
}

/** The stored record: inputs normalised, plus what is derived from them. */
export interface OrganizationRecord {
  name: string;
  description: string;
  kind: OrganizationKind;
  isicDivision: string;
  isicSection: string;
  economy: EconomyCode;
  city: string;
  locality: Locality;
  employees: number;
  sizeClass: SizeClass;
  foundedYear: number | null;
  womenOwnershipPercent: number;
  womanInTopManagement: boolean;
  boardWomenPercent: number | null;
  womenOwned: boolean;
  womenLed: boolean;
  youthLed: boolean;
  socialEnterprise: boolean;
  prefersWomanMentor: boolean;
  mentorsWanted: number;
  cluster: string | null;
  needs: TopicCode[];
  targetEconomies: EconomyCode[];
  languages: string[];
}

export interface FieldError {
  field: string;
  message: string;
}

export const NAME_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const FOUNDED_YEAR_MIN = 1800;
export const EMPLOYEES_MAX = 10_000_000;

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

const isPercent = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

/**
 * Validates an organisation's fields and derives size class, ISIC section and the IFC
 * women-owned / women-led status. Pure: the API and the CSV importer share it.
 */
export function buildOrganizationRecord(
  fields: OrganizationFields,
  now: Date = new Date(),
): { record?: OrganizationRecord; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => void errors.push({ field, message });

  const name = (fields.name ?? '').trim();
  if (!name) fail('name', 'is required');
  else if (name.length > NAME_MAX) fail('name', `must be at most ${NAME_MAX} characters`);
  const description = (fields.description ?? '').trim();
  if (description.length > DESCRIPTION_MAX) {
    fail('description', `must be at most ${DESCRIPTION_MAX} characters`);
  }
  if (!Object.values(OrganizationKind).includes(fields.kind)) fail('kind', 'must be MSME or STARTUP');
  if (!isIsicDivisionCode(fields.isicDivision)) {
    fail('isicDivision', `"${fields.isicDivision}" is not an ISIC Rev.4 division`);
  }
  if (!isEconomyCode(fields.economy)) fail('economy', `"${fields.economy}" is not an APEC economy`);
  if (!Object.values(Locality).includes(fields.locality)) {
    fail('locality', 'must be METROPOLITAN, SUB_REGIONAL or RURAL');
  }
  if (!Number.isInteger(fields.employees) || fields.employees < 0 || fields.employees > EMPLOYEES_MAX) {
    fail('employees', `must be a whole number from 0 to ${EMPLOYEES_MAX}`);
  }
  const foundedYear = fields.foundedYear ?? null;
  if (
    foundedYear !== null &&
    (!Number.isInteger(foundedYear) || foundedYear < FOUNDED_YEAR_MIN || foundedYear > now.getUTCFullYear())
  ) {
    fail('foundedYear', `must be between ${FOUNDED_YEAR_MIN} and ${now.getUTCFullYear()}`);
  }
  if (!isPercent(fields.womenOwnershipPercent)) fail('womenOwnershipPercent', 'must be between 0 and 100');
  const boardWomenPercent = fields.boardWomenPercent ?? null;
  if (boardWomenPercent !== null && !isPercent(boardWomenPercent)) {
    fail('boardWomenPercent', 'must be between 0 and 100, or empty when there is no board');
  }
  if (typeof fields.womanInTopManagement !== 'boolean') fail('womanInTopManagement', 'must be true or false');

  const needs = unique(fields.needs ?? []);
  const badNeeds = needs.filter((t) => !isTopicCode(t));
  if (badNeeds.length) fail('needs', `unknown topics: ${badNeeds.join(', ')}`);
  const targetEconomies = unique(fields.targetEconomies ?? []);
  const badTargets = targetEconomies.filter((e) => !isEconomyCode(e));
  if (badTargets.length) fail('targetEconomies', `unknown economies: ${badTargets.join(', ')}`);
  const languages = unique(fields.languages ?? []);
  const badLanguages = languages.filter((l) => !isLanguageCode(l));
  if (badLanguages.length) fail('languages', `unknown language codes: ${badLanguages.join(', ')}`);
  if (languages.length === 0) fail('languages', 'at least one language is required');
  const mentorsWanted = fields.mentorsWanted ?? 1;
  if (!Number.isInteger(mentorsWanted) || mentorsWanted < 1 || mentorsWanted > 3) {
    fail('mentorsWanted', 'must be 1, 2 or 3');
  }
  const cluster = fields.cluster?.trim() || null;
  if (cluster && cluster.length > NAME_MAX) fail('cluster', `must be at most ${NAME_MAX} characters`);
  const city = (fields.city ?? '').trim();
  if (city.length > NAME_MAX) fail('city', `must be at most ${NAME_MAX} characters`);

  if (errors.length > 0) return { errors };
  const status = deriveWomenLeadership({
    womenOwnershipPercent: fields.womenOwnershipPercent,
    womanInTopManagement: fields.womanInTopManagement,
    boardWomenPercent,
  });
  return {
    errors,
    record: {
      name,
      description,
      kind: fields.kind,
      isicDivision: fields.isicDivision,
      isicSection: sectionOfDivision(fields.isicDivision) as string,
      economy: fields.economy as EconomyCode,
      city,
      locality: fields.locality,
      employees: fields.employees,
      sizeClass: sizeClassOf(fields.employees),
      foundedYear,
      womenOwnershipPercent: fields.womenOwnershipPercent,
      womanInTopManagement: fields.womanInTopManagement,
      boardWomenPercent,
      womenOwned: status.womenOwned,
      womenLed: status.womenLed,
      youthLed: fields.youthLed ?? false,
      socialEnterprise: fields.socialEnterprise ?? false,
      prefersWomanMentor: fields.prefersWomanMentor ?? false,
      mentorsWanted,
      cluster,
      needs: needs as TopicCode[],
      targetEconomies: targetEconomies as EconomyCode[],
      languages,
    },
  };
}
