import {
  encodeMentors,
  encodeOrganizations,
  scoreEncoded,
  scoreTables,
} from '@app/matching/engine/encoded-profiles';
import {
  DEFAULT_WEIGHTS,
  scoreMatch,
  type ScoredMentor,
  type ScoredOrganization,
} from '@app/matching/score/match-score';
import { scoredMentors, scoredOrganizations } from '@app/seed/scored-population';
import { ScoringEngine } from '@app/matching/engine/scoring-engine';
import { topKReference, type TopKLists, type TopKRequest } from '@app/matching/engine/top-k';
import { generatePopulation } from '@app/seed';
import { fmt, median, peakRssMb } from '../bench/stats';
import { progressBar } from '../progress';

export interface BenchScoringOptions {
  organizations: number;
  mentors: number;
  k: number;
  threads: number;
  seed: number;
  /** Organisations scored by the plain-JS baselines and checked against the engine. */
  slice: number;
  rounds: number;
}

const TARGET_SECONDS = 10;
const STRETCH_SECONDS = 3;
const TARGET_RSS_MB = 1536;

/** Lists [from, to) of `lists` equal lists [0, to - from) of `other`, byte for byte. */
function sameLists(lists: TopKLists, other: TopKLists, from: number, to: number, k: number): boolean {
  const bytes = (a: ArrayBufferView, start: number, end: number): Buffer =>
    Buffer.from(a.buffer, a.byteOffset + start, end - start);
  const n = to - from;
  return (
    bytes(lists.index, from * k * 4, to * k * 4).equals(bytes(other.index, 0, n * k * 4)) &&
    bytes(lists.score, from * k, to * k).equals(bytes(other.score, 0, n * k)) &&
    bytes(lists.count, from * 2, to * 2).equals(bytes(other.count, 0, n * 2))
  );
}

/** The naive baseline: scoreMatch on profile objects, then a sort per organisation. */
function scoreMatchTopK(orgs: ScoredOrganization[], mentors: ScoredMentor[], k: number): TopKLists {
  const lists: TopKLists = {
    index: new Int32Array(orgs.length * k),
    score: new Uint8Array(orgs.length * k),
    count: new Uint16Array(orgs.length),
  };
  orgs.forEach((org, o) => {
    const candidates: Array<[number, number]> = [];
    mentors.forEach((mentor, m) => {
      const match = scoreMatch(org, mentor, DEFAULT_WEIGHTS);
      if (match) candidates.push([match.score, m]);
    });
    candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    const n = Math.min(k, candidates.length);
    for (let j = 0; j < n; j++) [lists.score[o * k + j], lists.index[o * k + j]] = candidates[j];
    lists.count[o] = n;
  });
  return lists;
}

/**
 * `npm run bench:scoring -- --organizations 100000 --mentors 10000`: exact top-k over every
 * organisation–mentor pair with the WebAssembly SIMD engine on worker threads, against the
 * plain-JS reference (typed arrays) and scoreMatch on objects on a slice of organisations, whose
 * lists must be identical. Targets: all pairs and the best k per organisation in ≤ 10 s
 * (stretch ≤ 3 s), peak memory ≤ 1.5 GB.
 */
export async function benchScoringCommand(options: BenchScoringOptions): Promise<number> {
  const { organizations, mentors: mentorCount, k, threads, seed, rounds } = options;
  const slice = Math.min(options.slice, organizations);
  const pairs = organizations * mentorCount;

  const setup = progressBar('Population');
  setup.update(0, 4);
  const population = generatePopulation({ organizations, mentors: mentorCount, seed });
  setup.update(1, 4);
  const orgs = scoredOrganizations(population, seed);
  const mentors = scoredMentors(population);
  setup.update(2, 4);
  const tables = scoreTables(DEFAULT_WEIGHTS);
  const req: TopKRequest = {
    orgs: encodeOrganizations(orgs, DEFAULT_WEIGHTS),
    mentors: encodeMentors(mentors),
    tables,
    k,
    orgLists: true,
    mentorLists: false,
  };
  setup.update(3, 4);
  const engine = new ScoringEngine({ threads });
  try {
    // Starts the threads and lets V8 optimise the kernel, as in a long-running worker.
    await engine.topK({ ...req, orgs: encodeOrganizations(orgs.slice(0, 2000), DEFAULT_WEIGHTS) });
    setup.update(4, 4);
    setup.stop();

    const timed = async (label: string, r: TopKRequest) => {
      const seconds: number[] = [];
      let result;
      for (let round = 0; round < rounds; round++) {
        const bar = progressBar(`${label} ${round + 1}/${rounds}`);
        const t0 = performance.now();
        result = await engine.topK(r, (f) => bar.update(Math.round(f * 1000), 1000));
        seconds.push((performance.now() - t0) / 1000);
        bar.stop();
      }
      return { seconds: median(seconds), result: result! };
    };
    const orgOnly = await timed('Org lists', req);
    const threadMemory = engine.lastRun?.threadMemoryBytes ?? [];
    const both = await timed('Both lists', { ...req, mentorLists: true });
    const bothMemory = engine.lastRun?.threadMemoryBytes ?? [];

    // Baselines on the first `slice` organisations, against every mentor.
    const sliceReq: TopKRequest = {
      ...req,
      orgs: encodeOrganizations(orgs.slice(0, slice), DEFAULT_WEIGHTS),
    };
    const slicePairs = slice * mentorCount;
    // Scoring alone in plain JS (no selection): the per-pair cost the kernel replaces.
    let t0 = performance.now();
    let sink = 0;
    for (let o = 0; o < slice; o++) {
      for (let m = 0; m < mentorCount; m++) sink += scoreEncoded(sliceReq.orgs, req.mentors, o, m, tables);
    }
    const scoringNs = ((performance.now() - t0) * 1e6) / slicePairs;
    t0 = performance.now();
    const reference = topKReference(sliceReq);
    const referenceNs = ((performance.now() - t0) * 1e6) / slicePairs;
    t0 = performance.now();
    const naive = scoreMatchTopK(orgs.slice(0, slice), mentors, k);
    const naiveNs = ((performance.now() - t0) * 1e6) / slicePairs;
    const bothReq = { ...sliceReq, mentorLists: true };
    const sliceBoth = await engine.topK(bothReq);
    const referenceBoth = topKReference(bothReq);
    const checks: Array<[string, boolean]> = [
      ['engine org lists = topKReference', sameLists(orgOnly.result.orgs!, reference.orgs!, 0, slice, k)],
      ['engine org lists = scoreMatch + sort', sameLists(orgOnly.result.orgs!, naive, 0, slice, k)],
      [
        'org lists of both runs agree',
        sameLists(both.result.orgs!, orgOnly.result.orgs!, 0, organizations, k),
      ],
      [
        'slice: engine mentor lists = topKReference',
        sameLists(sliceBoth.mentors!, referenceBoth.mentors!, 0, mentorCount, k),
      ],
    ];

    const engineNs = (orgOnly.seconds * 1e9) / pairs;
    const rss = peakRssMb();
    const mb = (bytes: number[]): string => bytes.map((b) => `${Math.round(b / 2 ** 20)} MB`).join(' + ');
    const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
    process.stdout.write(
      [
        `bench:scoring — ${organizations} organisations × ${mentorCount} mentors = ${pairs.toExponential(2)} pairs, k = ${k}, ${engine.lastRun?.threads ?? threads} threads, seed ${seed}, median of ${rounds}`,
        `  org lists:          ${fmt(orgOnly.seconds, 3)} s  ${fmt(engineNs, 3)} ns/pair  ${(pairs / orgOnly.seconds / 1e6).toFixed(0)} M pairs/s`,
        `  org + mentor lists: ${fmt(both.seconds, 3)} s  ${fmt((both.seconds * 1e9) / pairs, 3)} ns/pair  ${(pairs / both.seconds / 1e6).toFixed(0)} M pairs/s`,
        `  baselines on ${slice} organisations × ${mentorCount} mentors:`,
        `    topKReference (typed arrays): ${fmt(referenceNs)} ns/pair  → engine is ${fmt(referenceNs / engineNs, 0)}× faster`,
        `    scoreMatch on objects + sort: ${fmt(naiveNs)} ns/pair  → engine is ${fmt(naiveNs / engineNs, 0)}× faster`,
        `    scoreEncoded alone, no lists: ${fmt(scoringNs)} ns/pair  → engine is ${fmt(scoringNs / engineNs, 0)}× faster (checksum ${sink})`,
        ...checks.map(([name, ok]) => `  ${ok ? 'identical' : 'DIFFERENT'}: ${name}`),
        `  peak RSS: ${Math.round(rss)} MB (whole process: population objects, main thread and scoring threads)`,
        `  thread WebAssembly memory: ${mb(threadMemory)} (org lists), ${mb(bothMemory)} (both)`,
        `  ${verdict(orgOnly.seconds <= TARGET_SECONDS)}: org lists ≤ ${TARGET_SECONDS} s`,
        `  ${verdict(orgOnly.seconds <= STRETCH_SECONDS)}: stretch ≤ ${STRETCH_SECONDS} s`,
        `  ${verdict(rss <= TARGET_RSS_MB)}: peak RSS ≤ 1.5 GB`,
        '',
      ].join('\n'),
    );
    return checks.every(([, ok]) => ok) ? 0 : 1;
  } finally {
    await engine.close();
  }
}
