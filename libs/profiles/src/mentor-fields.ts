import {
  isEconomyCode,
  isLanguageCode,
  isSectorCode,
  isTopicCode,
  type EconomyCode,
  type TopicCode,
} from '@app/taxonomy';
import { Gender, MENTOR_CAPACITY_MAX, MENTOR_CAPACITY_MIN } from './mentor-profile.entity';
import type { FieldError } from './organization-fields';

export interface MentorFields {
  headline?: string | null;
  bio?: string | null;
  economy?: string | null;
  expertiseSectors?: string[] | null;
  expertiseTopics?: string[] | null;
  economies?: string[] | null;
  languages?: string[] | null;
  capacity?: number | null;
  acceptingRequests?: boolean | null;
  yearsOfExperience?: number | null;
  gender?: Gender | null;
}

export interface MentorRecord {
  headline: string;
  bio: string;
  economy: EconomyCode;
  expertiseSectors: string[];
  expertiseTopics: TopicCode[];
  economies: EconomyCode[];
  languages: string[];
  capacity: number;
  acceptingRequests: boolean;
  yearsOfExperience: number;
  gender: Gender | null;
}

export const HEADLINE_MAX = 200;
export const BIO_MAX = 4000;
export const YEARS_OF_EXPERIENCE_MAX = 80;
export const DEFAULT_CAPACITY = 3;

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * Merges the given fields over an existing profile (or defaults) and validates the result.
 * Fields left undefined keep their current value; that makes upsert a partial update.
 */
export function buildMentorRecord(
  fields: MentorFields,
  current?: MentorRecord,
): { record?: MentorRecord; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => void errors.push({ field, message });
  const pick = <K extends keyof MentorFields>(key: K): MentorFields[K] =>
    fields[key] === undefined ? (current?.[key as keyof MentorRecord] as MentorFields[K]) : fields[key];

  const headline = (pick('headline') ?? '').trim();
  if (!headline) fail('headline', 'is required');
  else if (headline.length > HEADLINE_MAX) fail('headline', `must be at most ${HEADLINE_MAX} characters`);
  const bio = (pick('bio') ?? '').trim();
  if (bio.length > BIO_MAX) fail('bio', `must be at most ${BIO_MAX} characters`);
  const economy = pick('economy') ?? '';
  if (!isEconomyCode(economy)) fail('economy', `"${economy}" is not an APEC economy`);
  const sectors = unique(pick('expertiseSectors') ?? []);
  const badSectors = sectors.filter((s) => !isSectorCode(s));
  if (badSectors.length) fail('expertiseSectors', `unknown ISIC codes: ${badSectors.join(', ')}`);
  const topics = unique(pick('expertiseTopics') ?? []);
  const badTopics = topics.filter((t) => !isTopicCode(t));
  if (badTopics.length) fail('expertiseTopics', `unknown topics: ${badTopics.join(', ')}`);
  const economies = unique(pick('economies') ?? []);
  const badEconomies = economies.filter((e) => !isEconomyCode(e));
  if (badEconomies.length) fail('economies', `unknown economies: ${badEconomies.join(', ')}`);
  const languages = unique(pick('languages') ?? []);
  const badLanguages = languages.filter((l) => !isLanguageCode(l));
  if (badLanguages.length) fail('languages', `unknown language codes: ${badLanguages.join(', ')}`);
  if (languages.length === 0) fail('languages', 'at least one language is required');
  const capacity = pick('capacity') ?? DEFAULT_CAPACITY;
  if (!Number.isInteger(capacity) || capacity < MENTOR_CAPACITY_MIN || capacity > MENTOR_CAPACITY_MAX) {
    fail('capacity', `must be between ${MENTOR_CAPACITY_MIN} and ${MENTOR_CAPACITY_MAX}`);
  }
  const years = pick('yearsOfExperience') ?? 0;
  if (!Number.isInteger(years) || years < 0 || years > YEARS_OF_EXPERIENCE_MAX)
    fail('yearsOfExperience', `must be between 0 and ${YEARS_OF_EXPERIENCE_MAX}`);
  const gender = pick('gender') ?? null;
  if (gender !== null && !Object.values(Gender).includes(gender)) fail('gender', 'is not a known value');

  if (errors.length > 0) return { errors };
  return {
    errors,
    record: {
      headline,
      bio,
      economy: economy as EconomyCode,
      expertiseSectors: sectors,
      expertiseTopics: topics as TopicCode[],
      economies: economies as EconomyCode[],
      languages,
      capacity,
      acceptingRequests: pick('acceptingRequests') ?? true,
      yearsOfExperience: years,
      gender,
    },
  };
}
