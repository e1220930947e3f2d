/**
 * Explainable organisation–mentor match scores. Pure and deterministic: the same profiles give
 * the same score and breakdown everywhere (API, workers, benchmarks). Every component is an
 * integer computed with integer arithmetic only, so a vectorised implementation over bitmasks
 * can reproduce it exactly.
 */
import {
  EXPERTISE_TOPICS,
  Locality,
  economyByCode,
  isicDivision,
  isicSection,
  sectionOfDivision,
  type EconomyCode,
  type TopicCode,
} from '@app/taxonomy';

/**
 * The version every stored list names. Bump it with any change to how a pair scores: at start, a
 * process that finds no complete run of this version starts one (ScoringService.ensureCurrent),
 * so every stored list is computed again through a full run.
 */
export const SCORING_ENGINE_VERSION = 'score-1';

export enum ScoreComponentCode {
  SECTOR = 'SECTOR',
  ECONOMY = 'ECONOMY',
  INTERNATIONALIZATION = 'INTERNATIONALIZATION',
  WOMEN_LED = 'WOMEN_LED',
  TOPICS = 'TOPICS',
  LOCALITY = 'LOCALITY',
}

/** Maximum points per component; they add up to 100. */
export interface ScoreWeights {
  /** Same ISIC division: all of it; same section: SECTION_SHARE of it. */
  sector: number;
  /** Mentor lives in the organisation's economy: all; has worked there: WORKED_SHARE. */
  economy: number;
  /** Share of the organisation's target export economies the mentor has worked in. */
  internationalization: number;
  /** Women-led organisations get priority; a requested woman mentor is preferred. */
  womenLed: number;
  /** Share of the organisation's needs among the mentor's expertise topics. */
  topics: number;
  /** Rural organisations get all, sub-regional SUBREGIONAL_SHARE, metropolitan none. */
  locality: number;
}

/**
 * Defaults for the Local Innovation Ecosystem Initiative: fit of expertise first (topics,
 * sector), then internationalisation into regional value chains, local knowledge, and the
 * inclusion priorities (women-led firms, firms outside capital regions).
 */
export const DEFAULT_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  sector: 25,
  economy: 10,
  internationalization: 20,
  womenLed: 10,
  topics: 25,
  locality: 10,
});

/** Shares as integer percentages, applied with integer rounding. */
export const SECTION_SHARE = 60;
export const WORKED_SHARE = 70;
export const SUBREGIONAL_SHARE = 60;

export interface ScoredOrganization {
  isicDivision: string;
  economy: EconomyCode;
  locality: Locality;
  womenLed: boolean;
  /** The organisation asks for a woman mentor. */
  prefersWomanMentor?: boolean;
  needs: readonly TopicCode[];
  targetEconomies: readonly EconomyCode[];
  languages: readonly string[];
}

export interface ScoredMentor {
  /** ISIC division codes or section letters. */
  expertiseSectors: readonly string[];
  expertiseTopics: readonly TopicCode[];
  /** Where the mentor lives. */
  economy: EconomyCode;
  /** Where the mentor has worked. */
  economies: readonly EconomyCode[];
  languages: readonly string[];
  /** Self-declared; used only to honour an organisation's request for a woman mentor. */
  isWoman?: boolean;
}

export interface ScoreComponent {
  code: ScoreComponentCode;
  points: number;
  maxPoints: number;
  reason: string;
}

export interface MatchScore {
  score: number;
  breakdown: ScoreComponent[];
  engineVersion: string;
}

/** Integer a·p/100 rounded half up, in integers only (portable to SIMD code). */
export const share = (points: number, percent: number): number =>
  Math.floor((2 * points * percent + 100) / 200);

/** Integer a·num/den rounded half up. */
export const ratio = (points: number, num: number, den: number): number =>
  den === 0 ? 0 : Math.floor((2 * points * num + den) / (2 * den));

/** Hard gate: without a shared language there is no mentoring, whatever the score. */
export function sharesLanguage(
  org: Pick<ScoredOrganization, 'languages'>,
  mentor: Pick<ScoredMentor, 'languages'>,
): boolean {
  return org.languages.some((l) => mentor.languages.includes(l));
}

const economyName = (code: string): string => economyByCode(code)?.name ?? code;

const list = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

function sectorComponent(org: ScoredOrganization, mentor: ScoredMentor, max: number): ScoreComponent {
  const code = ScoreComponentCode.SECTOR;
  const division = isicDivision(org.isicDivision);
  const sectionCode = sectionOfDivision(org.isicDivision);
  if (division && mentor.expertiseSectors.includes(division.code)) {
    return {
      code,
      points: max,
      maxPoints: max,
      reason: `Same ISIC division ${division.code} — ${division.title}`,
    };
  }
  const sameSection =
    sectionCode !== undefined &&
    mentor.expertiseSectors.some((s) => s === sectionCode || sectionOfDivision(s) === sectionCode);
  if (sameSection) {
    const section = isicSection(sectionCode);
    return {
      code,
      points: share(max, SECTION_SHARE),
      maxPoints: max,
      reason: `Same ISIC section ${sectionCode} — ${section?.title ?? ''}`.trim(),
    };
  }
  return { code, points: 0, maxPoints: max, reason: 'No experience in your ISIC section' };
}

function economyComponent(org: ScoredOrganization, mentor: ScoredMentor, max: number): ScoreComponent {
  const code = ScoreComponentCode.ECONOMY;
  const name = economyName(org.economy);
  if (mentor.economy === org.economy) {
    return {
      code,
      points: max,
      maxPoints: max,
      reason: `Based in ${name}: knows its rules, markets and institutions`,
    };
  }
  if (mentor.economies.includes(org.economy)) {
    return { code, points: share(max, WORKED_SHARE), maxPoints: max, reason: `Has worked in ${name}` };
  }
  return { code, points: 0, maxPoints: max, reason: `No experience in ${name}` };
}

function internationalizationComponent(
  org: ScoredOrganization,
  mentor: ScoredMentor,
  max: number,
): ScoreComponent {
  const code = ScoreComponentCode.INTERNATIONALIZATION;
  const targets = [...new Set(org.targetEconomies)];
  if (targets.length === 0)
    return { code, points: 0, maxPoints: max, reason: 'No target export markets given' };
  const known = targets.filter((t) => mentor.economies.includes(t) || mentor.economy === t);
  const points = ratio(max, known.length, targets.length);
  if (known.length === 0)
    return { code, points, maxPoints: max, reason: 'No experience in your target markets' };
  const names = list(known.map(economyName));
  const reason =
    known.length === 1
      ? `Has worked in ${names}, one of your target markets`
      : `Has worked in ${names}, ${known.length} of your ${targets.length} target markets`;
  return { code, points, maxPoints: max, reason };
}

function womenLedComponent(org: ScoredOrganization, mentor: ScoredMentor, max: number): ScoreComponent {
  const code = ScoreComponentCode.WOMEN_LED;
  if (org.prefersWomanMentor) {
    return mentor.isWoman
      ? { code, points: max, maxPoints: max, reason: 'A woman mentor, as you asked' }
      : { code, points: 0, maxPoints: max, reason: 'You asked for a woman mentor' };
  }
  return org.womenLed
    ? { code, points: max, maxPoints: max, reason: 'Priority for women-led organisations' }
    : { code, points: 0, maxPoints: max, reason: 'Not a women-led organisation' };
}

function topicsComponent(org: ScoredOrganization, mentor: ScoredMentor, max: number): ScoreComponent {
  const code = ScoreComponentCode.TOPICS;
  const needs = [...new Set(org.needs)];
  if (needs.length === 0) return { code, points: 0, maxPoints: max, reason: 'No needs given' };
  const shared = needs.filter((t) => mentor.expertiseTopics.includes(t));
  const points = ratio(max, shared.length, needs.length);
  return {
    code,
    points,
    maxPoints: max,
    reason:
      shared.length === 0
        ? 'None of your needs among the mentor’s topics'
        : `Covers ${shared.length} of your ${needs.length} needs: ${list(shared.map(topicLabel))}`,
  };
}

function localityComponent(org: ScoredOrganization, max: number): ScoreComponent {
  const code = ScoreComponentCode.LOCALITY;
  switch (org.locality) {
    case Locality.RURAL:
      return { code, points: max, maxPoints: max, reason: 'Priority for rural organisations' };
    case Locality.SUB_REGIONAL:
      return {
        code,
        points: share(max, SUBREGIONAL_SHARE),
        maxPoints: max,
        reason: 'Priority for organisations in sub-regional towns',
      };
    default:
      return { code, points: 0, maxPoints: max, reason: 'Metropolitan organisation' };
  }
}

const TOPIC_LABELS = new Map<string, string>(EXPERTISE_TOPICS.map((t) => [t.code, t.label.toLowerCase()]));
const topicLabel = (code: string): string => TOPIC_LABELS.get(code) ?? code;

/**
 * The score of one pair and its breakdown (points add up to the score), or null when a hard
 * gate fails (no shared language). Availability and capacity are gates of recommendations and
 * rounds, not of the score.
 */
export function scoreMatch(
  org: ScoredOrganization,
  mentor: ScoredMentor,
  weights: Readonly<ScoreWeights> = DEFAULT_WEIGHTS,
): MatchScore | null {
  if (!sharesLanguage(org, mentor)) return null;
  const breakdown = [
    sectorComponent(org, mentor, weights.sector),
    economyComponent(org, mentor, weights.economy),
    internationalizationComponent(org, mentor, weights.internationalization),
    womenLedComponent(org, mentor, weights.womenLed),
    topicsComponent(org, mentor, weights.topics),
    localityComponent(org, weights.locality),
  ];
  return {
    score: breakdown.reduce((sum, c) => sum + c.points, 0),
    breakdown,
    engineVersion: SCORING_ENGINE_VERSION,
  };
}

/** Weights must be whole, non-negative and add up to 100 (so scores stay within 0–100). */
export function validateWeights(weights: ScoreWeights): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(weights)) {
    if (!Number.isInteger(value) || value < 0) problems.push(`${name} must be a whole number of at least 0`);
  }
  const total = Object.values(weights).reduce((a: number, b: number) => a + b, 0);
  if (total !== 100) problems.push(`weights must add up to 100 (they add up to ${total})`);
  return problems;
}
