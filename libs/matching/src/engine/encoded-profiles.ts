import type { Pacer } from '@app/common';
import {
  ECONOMY_CODES,
  ISIC_DIVISIONS,
  ISIC_SECTIONS,
  LANGUAGES,
  Locality,
  TOPIC_CODES,
  sectionOfDivision,
} from '@app/taxonomy';
import {
  DEFAULT_WEIGHTS,
  SECTION_SHARE,
  SUBREGIONAL_SHARE,
  WORKED_SHARE,
  ratio,
  share,
  type ScoreWeights,
  type ScoredMentor,
  type ScoredOrganization,
} from '../score/match-score';

/**
 * Profiles packed into typed arrays (one slot per profile, sets as bitmasks) so that scoring
 * millions of pairs is integer and bit arithmetic over flat memory — the layout worker threads
 * and vectorised code share. `scoreEncoded` gives exactly `scoreMatch(...).score`.
 */
const index = <T extends string>(codes: readonly T[]): Map<string, number> =>
  new Map(codes.map((c, i) => [c, i]));
const ECONOMY_INDEX = index(ECONOMY_CODES);
const TOPIC_INDEX = index(TOPIC_CODES);
const DIVISION_INDEX = index(ISIC_DIVISIONS.map((d) => d.code));
const SECTION_INDEX = index(ISIC_SECTIONS.map((s) => s.code));
const LANGUAGE_INDEX = index(LANGUAGES.map((l) => l.code));

if (
  ECONOMY_CODES.length > 32 ||
  TOPIC_CODES.length > 32 ||
  ISIC_SECTIONS.length > 32 ||
  LANGUAGES.length > 64
) {
  throw new Error('Taxonomy grew past the bitmask widths of the encoded profiles');
}

const bits = (codes: readonly string[], at: Map<string, number>): number => {
  let mask = 0;
  for (const c of codes) {
    const i = at.get(c);
    if (i !== undefined) mask |= 1 << i;
  }
  return mask >>> 0;
};

function languageMasks(codes: readonly string[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const c of codes) {
    const i = LANGUAGE_INDEX.get(c);
    if (i === undefined) continue;
    if (i < 32) lo |= 1 << i;
    else hi |= 1 << (i - 32);
  }
  return [lo >>> 0, hi >>> 0];
}

export const popcount = (x: number): number => {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
};

export interface EncodedOrganizations {
  count: number;
  division: Uint8Array;
  section: Uint8Array;
  economy: Uint8Array;
  needs: Uint32Array;
  needsCount: Uint8Array;
  targets: Uint32Array;
  targetsCount: Uint8Array;
  langLo: Uint32Array;
  langHi: Uint32Array;
  prefersWoman: Uint8Array;
  /** Points that depend on the organisation alone: LOCALITY, and WOMEN_LED unless a woman mentor is asked for. */
  fixedPoints: Uint8Array;
}

export interface EncodedMentors {
  count: number;
  /** 88 ISIC divisions in three words. */
  div0: Uint32Array;
  div1: Uint32Array;
  div2: Uint32Array;
  /** Sections listed, or holding a listed division. */
  sections: Uint32Array;
  home: Uint8Array;
  worked: Uint32Array;
  topics: Uint32Array;
  langLo: Uint32Array;
  langHi: Uint32Array;
  isWoman: Uint8Array;
}

export function encodeOrganizations(
  orgs: readonly ScoredOrganization[],
  weights: Readonly<ScoreWeights> = DEFAULT_WEIGHTS,
): EncodedOrganizations {
  const n = orgs.length;
  const e: EncodedOrganizations = {
    count: n,
    division: new Uint8Array(n),
    section: new Uint8Array(n),
    economy: new Uint8Array(n),
    needs: new Uint32Array(n),
    needsCount: new Uint8Array(n),
    targets: new Uint32Array(n),
    targetsCount: new Uint8Array(n),
    langLo: new Uint32Array(n),
    langHi: new Uint32Array(n),
    prefersWoman: new Uint8Array(n),
    fixedPoints: new Uint8Array(n),
  };
  orgs.forEach((o, i) => {
    e.division[i] = DIVISION_INDEX.get(o.isicDivision) ?? 255;
    e.section[i] = SECTION_INDEX.get(sectionOfDivision(o.isicDivision) ?? '') ?? 255;
    e.economy[i] = ECONOMY_INDEX.get(o.economy) ?? 255;
    e.needs[i] = bits(o.needs, TOPIC_INDEX);
    e.needsCount[i] = popcount(e.needs[i]);
    e.targets[i] = bits(o.targetEconomies, ECONOMY_INDEX);
    e.targetsCount[i] = popcount(e.targets[i]);
    [e.langLo[i], e.langHi[i]] = languageMasks(o.languages);
    e.prefersWoman[i] = o.prefersWomanMentor ? 1 : 0;
    const locality =
      o.locality === Locality.RURAL
        ? weights.locality
        : o.locality === Locality.SUB_REGIONAL
          ? share(weights.locality, SUBREGIONAL_SHARE)
          : 0;
    e.fixedPoints[i] = locality + (!o.prefersWomanMentor && o.womenLed ? weights.womenLed : 0);
  });
  return e;
}

export function encodeMentors(mentors: readonly ScoredMentor[]): EncodedMentors {
  const n = mentors.length;
  const e: EncodedMentors = {
    count: n,
    div0: new Uint32Array(n),
    div1: new Uint32Array(n),
    div2: new Uint32Array(n),
    sections: new Uint32Array(n),
    home: new Uint8Array(n),
    worked: new Uint32Array(n),
    topics: new Uint32Array(n),
    langLo: new Uint32Array(n),
    langHi: new Uint32Array(n),
    isWoman: new Uint8Array(n),
  };
  const words = [e.div0, e.div1, e.div2];
  mentors.forEach((m, i) => {
    let sections = 0;
    for (const code of m.expertiseSectors) {
      const d = DIVISION_INDEX.get(code);
      if (d !== undefined) words[d >>> 5][i] |= 1 << (d & 31);
      const s = SECTION_INDEX.get(d !== undefined ? (sectionOfDivision(code) as string) : code);
      if (s !== undefined) sections |= 1 << s;
    }
    e.sections[i] = sections >>> 0;
    e.home[i] = ECONOMY_INDEX.get(m.economy) ?? 255;
    e.worked[i] = bits(m.economies, ECONOMY_INDEX);
    e.topics[i] = bits(m.expertiseTopics, TOPIC_INDEX);
    [e.langLo[i], e.langHi[i]] = languageMasks(m.languages);
    e.isWoman[i] = m.isWoman ? 1 : 0;
  });
  return e;
}

/** Encodings of consecutive slices as one (every typed array field concatenated, counts added). */
export function concatEncoded<E extends { count: number }>(parts: readonly E[]): E {
  if (parts.length === 1) return parts[0];
  const whole: Record<string, unknown> = { count: parts.reduce((n, p) => n + p.count, 0) };
  for (const [key, value] of Object.entries(parts[0])) {
    if (!ArrayBuffer.isView(value)) continue;
    const Type = (value as unknown as Uint32Array).constructor as new (n: number) => Uint32Array;
    const joined = new Type(whole.count as number);
    let at = 0;
    for (const part of parts) {
      const piece = (part as unknown as Record<string, Uint32Array>)[key];
      joined.set(piece, at);
      at += piece.length;
    }
    whole[key] = joined;
  }
  return whole as E;
}

/**
 * `encode` over slices of `profiles`, pausing between slices as `pacer` says: encoding a whole
 * side of a full run at once would hold up requests answered on the same thread.
 */
export async function encodePaced<P, E extends { count: number }>(
  profiles: readonly P[],
  encode: (slice: readonly P[]) => E,
  pacer: Pacer,
  slice = 500,
): Promise<E> {
  const parts: E[] = [];
  for (let at = 0; at === 0 || at < profiles.length; at += slice) {
    parts.push(encode(profiles.slice(at, at + slice)));
    if (pacer.due()) await pacer.pause();
  }
  return concatEncoded(parts);
}

/** Precomputed component points, so the inner loop only looks them up. */
export interface ScoreTables {
  weights: Readonly<ScoreWeights>;
  sectionPoints: number;
  workedPoints: number;
  /** [shared * 33 + count] → points, for counts up to 32. */
  topics: Uint8Array;
  internationalization: Uint8Array;
}

export function scoreTables(weights: Readonly<ScoreWeights> = DEFAULT_WEIGHTS): ScoreTables {
  const table = (max: number): Uint8Array => {
    const t = new Uint8Array(33 * 33);
    for (let shared = 0; shared <= 32; shared++)
      for (let count = 0; count <= 32; count++) t[shared * 33 + count] = ratio(max, shared, count);
    return t;
  };
  return {
    weights,
    sectionPoints: share(weights.sector, SECTION_SHARE),
    workedPoints: share(weights.economy, WORKED_SHARE),
    topics: table(weights.topics),
    internationalization: table(weights.internationalization),
  };
}

/** The score of organisation `o` and mentor `m`, or -1 when they share no language. */
export function scoreEncoded(
  orgs: EncodedOrganizations,
  mentors: EncodedMentors,
  o: number,
  m: number,
  t: ScoreTables,
): number {
  if (((orgs.langLo[o] & mentors.langLo[m]) | (orgs.langHi[o] & mentors.langHi[m])) === 0) return -1;
  const w = t.weights;
  const division = orgs.division[o];
  const word =
    division >>> 5 === 0 ? mentors.div0[m] : division >>> 5 === 1 ? mentors.div1[m] : mentors.div2[m];
  let score = orgs.fixedPoints[o];
  if ((word >>> (division & 31)) & 1) score += w.sector;
  else if ((mentors.sections[m] >>> orgs.section[o]) & 1) score += t.sectionPoints;
  const economy = orgs.economy[o];
  if (mentors.home[m] === economy) score += w.economy;
  else if ((mentors.worked[m] >>> economy) & 1) score += t.workedPoints;
  const known = mentors.worked[m] | (mentors.home[m] < 32 ? 1 << mentors.home[m] : 0);
  score += t.internationalization[popcount(orgs.targets[o] & known) * 33 + orgs.targetsCount[o]];
  if (orgs.prefersWoman[o] && mentors.isWoman[m]) score += w.womenLed;
  score += t.topics[popcount(orgs.needs[o] & mentors.topics[m]) * 33 + orgs.needsCount[o]];
  return score;
}
