import {
  popcount,
  scoreEncoded,
  type EncodedMentors,
  type EncodedOrganizations,
  type ScoreTables,
} from './encoded-profiles';

export const MAX_TOP_K = 1000;

export interface TopKRequest {
  orgs: EncodedOrganizations;
  mentors: EncodedMentors;
  /** From scoreTables(weights). */
  tables: ScoreTables;
  /** 1..1000 */
  k: number;
  /** Keep the best k mentors of each organisation. */
  orgLists: boolean;
  /** Keep the best k organisations of each mentor. */
  mentorLists: boolean;
  /** 1 = mentor may appear in organisations' lists (accepting requests, has capacity). Default: all. Does not affect mentorLists. */
  mentorEligible?: Uint8Array;
}

export interface TopKLists {
  /** For list i: entries [i*k, i*k + count[i]) best first: score desc, then index asc (the other side's index). */
  index: Int32Array;
  score: Uint8Array;
  count: Uint16Array;
}

export interface TopKResult {
  k: number;
  orgs?: TopKLists;
  mentors?: TopKLists;
}

/** The highest score any pair of the request can reach (ratio tables read at shared ≤ the org's set size). */
function maxScore(req: TopKRequest): number {
  const { tables: t, orgs } = req;
  const w = t.weights;
  // best[count * 33 + n]: the table's highest entry for this count among shared = 0..n.
  const best = (table: Uint8Array): Uint8Array => {
    const out = new Uint8Array(33 * 33);
    for (let count = 0; count <= 32; count++) {
      let max = 0;
      for (let n = 0; n <= 32; n++) out[count * 33 + n] = max = Math.max(max, table[n * 33 + count]);
    }
    return out;
  };
  const intl = best(t.internationalization);
  const topics = best(t.topics);
  let org = 0;
  for (let o = 0; o < orgs.count; o++) {
    org = Math.max(
      org,
      orgs.fixedPoints[o] +
        intl[orgs.targetsCount[o] * 33 + popcount(orgs.targets[o])] +
        topics[orgs.needsCount[o] * 33 + popcount(orgs.needs[o])] +
        (orgs.prefersWoman[o] ? w.womenLed : 0),
    );
  }
  return org + Math.max(w.sector, t.sectionPoints) + Math.max(w.economy, t.workedPoints);
}

/**
 * Throws a clear error for a request no implementation can answer exactly: lists hold scores as
 * bytes, and the vectorised kernel keeps score + 1 in a byte, so scores must stay within 0..254.
 */
export function validateTopKRequest(req: TopKRequest): void {
  const { k, orgs, mentors, tables } = req;
  if (!Number.isInteger(k) || k < 1 || k > MAX_TOP_K) {
    throw new RangeError(`k must be a whole number from 1 to ${MAX_TOP_K} (got ${k})`);
  }
  for (const [name, count] of [
    ['organisations', orgs.count],
    ['mentors', mentors.count],
  ] as const) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Bad ${name} count ${count}`);
  }
  if (orgs.fixedPoints.length < orgs.count || mentors.langLo.length < mentors.count) {
    throw new RangeError('Encoded profiles are shorter than their count');
  }
  if (req.mentorEligible && req.mentorEligible.length !== mentors.count) {
    throw new RangeError(
      `mentorEligible has ${req.mentorEligible.length} entries for ${mentors.count} mentors`,
    );
  }
  for (let o = 0; o < orgs.count; o++) {
    if (orgs.targetsCount[o] > 32 || orgs.needsCount[o] > 32) {
      throw new RangeError(`Organisation ${o} counts more than 32 targets or needs`);
    }
  }
  const w = tables.weights;
  for (const points of [w.sector, w.economy, w.womenLed, tables.sectionPoints, tables.workedPoints]) {
    if (!Number.isInteger(points) || points < 0) throw new RangeError(`Bad score weight ${points}`);
  }
  const max = maxScore(req);
  if (max > 254) throw new RangeError(`Scores could reach ${max}; top-k lists hold scores up to 254`);
}

const emptyLists = (n: number, k: number): TopKLists => ({
  index: new Int32Array(n * k),
  score: new Uint8Array(n * k),
  count: new Uint16Array(n),
});

/** A sort key: higher score first, then lower index (exact in a double). */
const key = (score: number, index: number): number => score * 2 ** 32 + (2 ** 32 - 1 - index);

/** Keeps the best k of `n` candidate keys as list `i`. */
function keep(lists: TopKLists, i: number, k: number, keys: Float64Array, n: number): void {
  const sorted = keys.subarray(0, n).sort();
  const count = Math.min(k, n);
  for (let j = 0; j < count; j++) {
    const best = sorted[n - 1 - j];
    const score = Math.floor(best / 2 ** 32);
    lists.score[i * k + j] = score;
    lists.index[i * k + j] = 2 ** 32 - 1 - (best - score * 2 ** 32);
  }
  lists.count[i] = count;
}

/**
 * The plain-JS reference of ScoringEngine.topK: every pair through scoreEncoded, then a sort of
 * each list's candidates. Slow (tens of ns per pair), meant for specs and as the benchmark's
 * baseline.
 */
export function topKReference(req: TopKRequest): TopKResult {
  validateTopKRequest(req);
  const { orgs, mentors, tables, k, mentorEligible } = req;
  const result: TopKResult = { k };
  if (req.orgLists) {
    const lists = emptyLists(orgs.count, k);
    const keys = new Float64Array(mentors.count);
    for (let o = 0; o < orgs.count; o++) {
      let n = 0;
      for (let m = 0; m < mentors.count; m++) {
        if (mentorEligible && !mentorEligible[m]) continue;
        const score = scoreEncoded(orgs, mentors, o, m, tables);
        if (score >= 0) keys[n++] = key(score, m);
      }
      keep(lists, o, k, keys, n);
    }
    result.orgs = lists;
  }
  if (req.mentorLists) {
    const lists = emptyLists(mentors.count, k);
    const keys = new Float64Array(orgs.count);
    for (let m = 0; m < mentors.count; m++) {
      let n = 0;
      for (let o = 0; o < orgs.count; o++) {
        const score = scoreEncoded(orgs, mentors, o, m, tables);
        if (score >= 0) keys[n++] = key(score, o);
      }
      keep(lists, m, k, keys, n);
    }
    result.mentors = lists;
  }
  return result;
}
