// AssemblyScript, type-checked by asc (`npm run build:wasm`); tsconfig and eslint leave it out.
/**
 * Top-k match kernel: scores one organisation against 16 mentors per v128 and keeps the best k
 * per organisation and/or per mentor. It reproduces `scoreEncoded` exactly (see
 * ../src/encoded-profiles.ts); ../src/scoring-engine.ts packs the inputs and documents the layout.
 *
 * Mentors are byte planes: plane p holds byte p of some mentor field for every mentor, padded with
 * zeros to a multiple of 16 (zero language bytes make padding lanes fail the gate). A pair's score
 * is kept as score + 1 in a u8 lane, 0 meaning "no shared language", so one unsigned compare
 * against a threshold both drops gated pairs and skips blocks that cannot enter a list.
 *
 * Lists are binary min-heaps of u64 keys (score + 1) << 32 | ~index: the root is the worst entry
 * (lowest score, then highest index). Candidates arrive in ascending index and enter a full heap
 * only when strictly better than the root, which gives the lower-index-wins tie rule for free.
 */

// Plane numbers; keep in step with PLANE in ../src/scoring-engine.ts.
const P_DIV: i32 = 0; // 12 planes: bytes of div0, div1, div2
const P_SEC: i32 = 12; // 4 planes: sections
const P_HOME: i32 = 16; // home economy index
const P_WORKED: i32 = 17; // 4 planes: worked economies
const P_KNOWN: i32 = 21; // 4 planes: worked | home bit
const P_TOPIC: i32 = 25; // 4 planes: topics
const P_WOMAN: i32 = 29; // 0xff when the mentor is a woman
const P_LANG: i32 = 30; // 8 planes: langLo, langHi
const P_ELIGIBLE: i32 = 38; // 0xff when the mentor may appear in organisations' lists

// Organisation record (32 bytes); keep in step with packOrganizations in ../src/scoring-engine.ts.
const O_FIXED: i32 = 0;
const O_DIVISION: i32 = 1;
const O_SECTION: i32 = 2;
const O_ECONOMY: i32 = 3;
const O_PREFERS_WOMAN: i32 = 4;
const O_TARGETS_COUNT: i32 = 5;
const O_NEEDS_COUNT: i32 = 6;
const O_TARGETS: i32 = 8; // 4 bytes
const O_NEEDS: i32 = 12; // 4 bytes
const O_LANG: i32 = 16; // 8 bytes
const ORG_BYTES: i32 = 32;

const TABLE: i32 = 33 * 33;

// Set by configure().
let planes: usize = 0;
let stride: i32 = 0; // bytes per plane: mentor count rounded up to 16
let mentorCount: i32 = 0;
let orgRecords: usize = 0;
let orgBase: i32 = 0; // global index of record 0 (mentor lists hold global indices)
let k: i32 = 0;
let useEligible: bool = false;
let tables: usize = 0; // internationalization table, then topics table (33 × 33 bytes each)
let sectorPoints: i32 = 0;
let sectionPoints: i32 = 0;
let economyPoints: i32 = 0;
let workedPoints: i32 = 0;
let womenLedPoints: i32 = 0;
let scratch: usize = 0; // 512 bytes, 16-aligned
let work: usize = 0; // workBytes(stride, k), zeroed; organisation lists only
let orgIndexOut: usize = 0; // 0 = no organisation lists; else i32 × k per organisation of a chunk
let orgScoreOut: usize = 0; // u8 × k per organisation of a chunk
let orgCountOut: usize = 0; // u16 per organisation of a chunk
let mentorThreshold: usize = 0; // 0 = no mentor lists; else u8 × stride
let mentorCounts: usize = 0; // u32 × stride
let mentorHeaps: usize = 0; // u64 × k per mentor

/** Where free memory starts; the caller lays out everything above it. */
export function heapBase(): usize {
  return (__heap_base + 15) & ~(<usize>15);
}

export function configure(
  planesPtr: usize,
  planeStride: i32,
  mentors: i32,
  orgsPtr: usize,
  firstOrg: i32,
  listSize: i32,
  eligible: bool,
  tablesPtr: usize,
  sector: i32,
  section: i32,
  economy: i32,
  worked: i32,
  womenLed: i32,
  scratchPtr: usize,
  workPtr: usize,
  orgIndexPtr: usize,
  orgScorePtr: usize,
  orgCountPtr: usize,
  mentorThresholdPtr: usize,
  mentorCountsPtr: usize,
  mentorHeapsPtr: usize,
): void {
  planes = planesPtr;
  stride = planeStride;
  mentorCount = mentors;
  orgRecords = orgsPtr;
  orgBase = firstOrg;
  k = listSize;
  useEligible = eligible;
  tables = tablesPtr;
  sectorPoints = sector;
  sectionPoints = section;
  economyPoints = economy;
  workedPoints = worked;
  womenLedPoints = womenLed;
  scratch = scratchPtr;
  work = workPtr;
  orgIndexOut = orgIndexPtr;
  orgScoreOut = orgScorePtr;
  orgCountOut = orgCountPtr;
  mentorThreshold = mentorThresholdPtr;
  mentorCounts = mentorCountsPtr;
  mentorHeaps = mentorHeapsPtr;
}

// ---- heaps -------------------------------------------------------------------------------------

function siftUp(heap: usize, i: i32, key: u64): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = load<u64>(heap + ((<usize>parent) << 3));
    if (p <= key) break;
    store<u64>(heap + ((<usize>i) << 3), p);
    i = parent;
  }
  store<u64>(heap + ((<usize>i) << 3), key);
}

function siftDown(heap: usize, n: i32, key: u64): void {
  let i = 0;
  while (true) {
    let child = 2 * i + 1;
    if (child >= n) break;
    let c = load<u64>(heap + ((<usize>child) << 3));
    if (child + 1 < n) {
      const right = load<u64>(heap + ((<usize>(child + 1)) << 3));
      if (right < c) {
        c = right;
        child++;
      }
    }
    if (key <= c) break;
    store<u64>(heap + ((<usize>i) << 3), c);
    i = child;
  }
  store<u64>(heap + ((<usize>i) << 3), key);
}

/** Adds `key` to a heap of `n` entries; returns the new size. The caller checked it beats the root. */
function push(heap: usize, n: i32, key: u64): i32 {
  if (n < k) {
    siftUp(heap, n, key);
    return n + 1;
  }
  siftDown(heap, n, key);
  return n;
}

/** Threshold after a push: 0 (any ungated pair) until full, then the root's score + 1. */
function threshold(heap: usize, n: i32): i32 {
  return n < k ? 0 : <i32>(load<u64>(heap) >> 32);
}

/** Empties a heap into `n` entries best first. */
function drain(heap: usize, n: i32, indexOut: usize, scoreOut: usize): void {
  for (let i = n - 1; i >= 0; i--) {
    const worst = load<u64>(heap);
    store<i32>(indexOut + ((<usize>i) << 2), ~(<i32>worst));
    store<u8>(scoreOut + <usize>i, <u8>((worst >> 32) - 1));
    if (i > 0) siftDown(heap, i, load<u64>(heap + ((<usize>i) << 3)));
  }
}

// ---- scoring -----------------------------------------------------------------------------------

/** A plane pointer for bit `bit` of the 32-bit field whose first plane is `first`. */
function planeOf(first: i32, bit: i32): usize {
  return planes + <usize>((first + ((bit & 31) >> 3)) * stride);
}

/** The single-bit mask of `bit` within its byte. */
function bit(bit: i32): i32 {
  return 1 << (bit & 7);
}

/**
 * The non-zero bytes of an organisation's set (up to 4, or 8 for languages) as (plane, splatted
 * byte) slots. With `atLeastOne`, an empty set gets one slot with a zero mask.
 */
function slots(record: usize, bytes: i32, firstPlane: i32, ptrs: usize, masks: usize, atLeastOne: bool): i32 {
  let n = 0;
  for (let b = 0; b < bytes; b++) {
    const byte = load<u8>(record + b);
    if (byte == 0) continue;
    store<u32>(ptrs + ((<usize>n) << 2), <u32>(planes + <usize>((firstPlane + b) * stride)));
    v128.store(masks + ((<usize>n) << 4), i8x16.splat(<i8>byte));
    n++;
  }
  if (n == 0 && atLeastOne) {
    store<u32>(ptrs, <u32>planes);
    v128.store(masks, i8x16.splat(0));
    n = 1;
  }
  return n;
}

/** The 33-entry row of a ratio table for `count`, as three 16-lane swizzle tables. */
function ratioRow(table: usize, count: i32, out: usize): void {
  for (let shared = 0; shared < 48; shared++) {
    store<u8>(out + shared, shared <= 32 ? load<u8>(table + shared * 33 + count) : 0);
  }
}

/** Groups of mentors whose per-lane maxima bound an organisation's k-th best score (see run). */
function groupCount(listSize: i32): i32 {
  let groups = 4;
  while (groups * 8 < listSize) groups <<= 1;
  return groups;
}

/** Bytes of the work area run() needs for an organisation's list. */
export function workBytes(planeStride: i32, listSize: i32): i32 {
  return scoresBytes(planeStride) + planeStride * 5 + groupCount(listSize) * 16 + 1024;
}

/** Pass-1 scores, rounded up to whole quads of blocks (the tail stays zero: never a candidate). */
function scoresBytes(planeStride: i32): i32 {
  return (planeStride + 63) & ~63;
}

/**
 * Organisation lists in two passes, because keeping a heap up to date while scanning costs more
 * than scoring (hundreds of pushes per organisation, each a mispredicted branch and a sift).
 * Pass 1 stores every candidate score and the maximum per lane of each of G ranges of blocks:
 * 16·G scores of distinct mentors, so their k-th largest t has at least k candidates ≥ t and the
 * k best are all among the candidates ≥ t (usually a few dozen more than k). Pass 2 collects
 * those in ascending index and a counting sort by score (stable, so lower index first on ties)
 * keeps the best k.
 */
function selectOrgList(local: i32, blocks: i32): void {
  const groups = groupCount(k);
  const scores = work; // pass 1 candidates
  const candIndex = work + <usize>scoresBytes(stride); // i32 × stride
  const candScore = candIndex + <usize>stride * 4; // u8 × stride
  const groupMax = candScore + <usize>stride; // v128 × groups
  const hist = groupMax + <usize>groups * 16; // u32 × 256

  memory.fill(hist, 0, 1024);
  for (let i = 0; i < groups * 16; i++) {
    const at = hist + ((<usize>load<u8>(groupMax + i)) << 2);
    store<u32>(at, load<u32>(at) + 1);
  }
  memory.fill(groupMax, 0, <usize>groups * 16);
  let t = 255;
  let seen: u32 = 0;
  for (; t > 0; t--) {
    seen += load<u32>(hist + ((<usize>t) << 2));
    if (seen >= <u32>k) break;
  }
  // Candidates are scores ≥ t (t = 0: every ungated one), i.e. > floor.
  const floor = t > 0 ? t - 1 : 0;
  const floorV = i8x16.splat(<i8>floor);
  let n = 0;
  // Candidates are rare: test four blocks at once (a lane is above floor iff lane - floor > 0).
  for (let quad = 0; quad < blocks; quad += 4) {
    const at = scores + ((<usize>quad) << 4);
    const any = v128.or(
      v128.or(i8x16.sub_sat_u(v128.load(at), floorV), i8x16.sub_sat_u(v128.load(at, 16), floorV)),
      v128.or(i8x16.sub_sat_u(v128.load(at, 32), floorV), i8x16.sub_sat_u(v128.load(at, 48), floorV)),
    );
    if (!v128.any_true(any)) continue;
    for (let block = quad; block < quad + 4; block++) {
      const c = v128.load(scores + ((<usize>block) << 4));
      let bits = i8x16.bitmask(i8x16.gt_u(c, floorV));
      if (bits == 0) continue;
      v128.store(scratch, c);
      while (bits != 0) {
        const lane = ctz<i32>(bits);
        bits &= bits - 1;
        store<i32>(candIndex + ((<usize>n) << 2), (block << 4) + lane);
        store<u8>(candScore + <usize>n, load<u8>(scratch + lane));
        n++;
      }
    }
  }

  // Counting sort, best score first; hist[s] becomes the first output slot of score s.
  memory.fill(hist, 0, 1024);
  for (let i = 0; i < n; i++) {
    const at = hist + ((<usize>load<u8>(candScore + i)) << 2);
    store<u32>(at, load<u32>(at) + 1);
  }
  let next: u32 = 0;
  for (let s = 255; s > floor; s--) {
    const at = hist + ((<usize>s) << 2);
    const count = load<u32>(at);
    store<u32>(at, next);
    next += count;
  }
  const first = <usize>local * <usize>k;
  const indexOut = orgIndexOut + (first << 2);
  const scoreOut = orgScoreOut + first;
  for (let i = 0; i < n; i++) {
    const value = load<u8>(candScore + i);
    const at = hist + ((<usize>value) << 2);
    const slot = load<u32>(at);
    store<u32>(at, slot + 1);
    if (slot >= <u32>k) continue;
    store<i32>(indexOut + ((<usize>slot) << 2), load<i32>(candIndex + ((<usize>i) << 2)));
    store<u8>(scoreOut + <usize>slot, value - 1);
  }
  finishOrg(local, min(n, k));
}

/** Zeroes the unused entries of an organisation's list in the chunk's window and sets its length. */
function finishOrg(local: i32, n: i32): void {
  const first = <usize>local * <usize>k;
  memory.fill(orgIndexOut + ((first + n) << 2), 0, (<usize>(k - n)) << 2);
  memory.fill(orgScoreOut + first + n, 0, <usize>(k - n));
  store<u16>(orgCountOut + ((<usize>local) << 1), <u16>n);
}

/** Scores organisations [from, to) (record indices) against all mentors and updates the lists. */
export function run(from: i32, to: i32): void {
  // Scratch layout: lanes (16), then slot pointers and masks.
  const lanes = scratch;
  const langPtrs = scratch + 16; // 8 × u32
  const targetPtrs = scratch + 48; // 4 × u32
  const needPtrs = scratch + 64; // 4 × u32
  const intlRow = scratch + 80; // 48 bytes
  const topicRow = scratch + 128; // 48 bytes
  const langMasks = scratch + 176; // 8 × v128
  const targetMasks = scratch + 304; // 4 × v128
  const needMasks = scratch + 368; // 4 × v128

  const zero = i8x16.splat(0);
  const sixteen = i8x16.splat(16);
  const thirtyTwo = i8x16.splat(32);
  const sectorV = i8x16.splat(<i8>sectorPoints);
  const sectionV = i8x16.splat(<i8>sectionPoints);
  const economyV = i8x16.splat(<i8>economyPoints);
  const workedV = i8x16.splat(<i8>workedPoints);
  const womenV = i8x16.splat(<i8>womenLedPoints);
  const blocks = stride >> 4;
  const orgLists = orgIndexOut != 0;
  const mentorLists = mentorThreshold != 0;
  const groups = groupCount(k);
  const groupMax = work + <usize>(scoresBytes(stride) + stride * 5);

  for (let o = from; o < to; o++) {
    const record = orgRecords + <usize>o * ORG_BYTES;
    const local = o - from;
    const nLang = slots(record + O_LANG, 8, P_LANG, langPtrs, langMasks, false);
    if (nLang == 0) {
      // No language: every pair is gated.
      if (orgLists) finishOrg(local, 0);
      continue;
    }
    // At least one slot each (a zero mask when the set is empty), so the first is unconditional.
    const nTargets = slots(record + O_TARGETS, 4, P_KNOWN, targetPtrs, targetMasks, true);
    const nNeeds = slots(record + O_NEEDS, 4, P_TOPIC, needPtrs, needMasks, true);
    ratioRow(tables, load<u8>(record + O_TARGETS_COUNT), intlRow);
    ratioRow(tables + TABLE, load<u8>(record + O_NEEDS_COUNT), topicRow);
    // A ratio needs the second (third) swizzle only when the organisation's set can share 16 (32).
    const intlWide = popcnt<u32>(load<u32>(record + O_TARGETS)) >= 16;
    const topicWide = popcnt<u32>(load<u32>(record + O_NEEDS)) >= 16;
    const intl0 = v128.load(intlRow);
    const intl1 = v128.load(intlRow + 16);
    const intl2 = v128.load(intlRow + 32);
    const topic0 = v128.load(topicRow);
    const topic1 = v128.load(topicRow + 16);
    const topic2 = v128.load(topicRow + 32);

    const fixedV = i8x16.splat(<i8>(load<u8>(record + O_FIXED) + 1));
    const division = <i32>load<u8>(record + O_DIVISION);
    const word = division >> 5 == 0 ? 0 : division >> 5 == 1 ? 1 : 2;
    const divPlane = planeOf(P_DIV + word * 4, division);
    const divMask = i8x16.splat(<i8>bit(division));
    const section = <i32>load<u8>(record + O_SECTION);
    const secPlane = planeOf(P_SEC, section);
    const secMask = i8x16.splat(<i8>bit(section));
    const economy = <i32>load<u8>(record + O_ECONOMY);
    const homePlane = planes + <usize>(P_HOME * stride);
    const economyByte = i8x16.splat(<i8>economy);
    const workedPlane = planeOf(P_WORKED, economy);
    const workedMask = i8x16.splat(<i8>bit(economy));
    const prefersWoman = load<u8>(record + O_PREFERS_WOMAN) != 0;
    const womanPlane = planes + <usize>(P_WOMAN * stride);
    const eligiblePlane = planes + <usize>(P_ELIGIBLE * stride);
    const lang0 = <usize>load<u32>(langPtrs);
    const langMask0 = v128.load(langMasks);
    const target0 = <usize>load<u32>(targetPtrs);
    const targetMask0 = v128.load(targetMasks);
    const need0 = <usize>load<u32>(needPtrs);
    const needMask0 = v128.load(needMasks);
    const orgKeyLow = <u64>(<u32>~(orgBase + o));

    // Blocks in G contiguous groups (see selectOrgList), each keeping its maximum per lane.
    let group = -1;
    let groupEnd = 0;
    let groupBest = zero;
    for (let block = 0; block < blocks; block++) {
      while (block == groupEnd) {
        if (group >= 0) v128.store(groupMax + ((<usize>group) << 4), groupBest);
        group++;
        groupBest = zero;
        groupEnd = <i32>((<i64>(group + 1) * blocks) / groups);
      }
      const at = <usize>(block << 4);
      // Language gate: any shared language byte.
      let gate = v128.and(v128.load(lang0 + at), langMask0);
      for (let s = 1; s < nLang; s++) {
        const p = <usize>load<u32>(langPtrs + ((<usize>s) << 2));
        gate = v128.or(gate, v128.and(v128.load(p + at), v128.load(langMasks + ((<usize>s) << 4))));
      }

      const inDivision = i8x16.eq(v128.and(v128.load(divPlane + at), divMask), divMask);
      const inSection = i8x16.eq(v128.and(v128.load(secPlane + at), secMask), secMask);
      let score = i8x16.add(fixedV, v128.bitselect(sectorV, v128.and(inSection, sectionV), inDivision));
      const home = i8x16.eq(v128.load(homePlane + at), economyByte);
      const worked = i8x16.eq(v128.and(v128.load(workedPlane + at), workedMask), workedMask);
      score = i8x16.add(score, v128.bitselect(economyV, v128.and(worked, workedV), home));

      let known = i8x16.popcnt(v128.and(v128.load(target0 + at), targetMask0));
      for (let s = 1; s < nTargets; s++) {
        const p = <usize>load<u32>(targetPtrs + ((<usize>s) << 2));
        known = i8x16.add(
          known,
          i8x16.popcnt(v128.and(v128.load(p + at), v128.load(targetMasks + ((<usize>s) << 4)))),
        );
      }
      let intl = i8x16.swizzle(intl0, known);
      if (intlWide) {
        intl = v128.or(intl, i8x16.swizzle(intl1, i8x16.sub(known, sixteen)));
        intl = v128.or(intl, i8x16.swizzle(intl2, i8x16.sub(known, thirtyTwo)));
      }
      score = i8x16.add(score, intl);

      let shared = i8x16.popcnt(v128.and(v128.load(need0 + at), needMask0));
      for (let s = 1; s < nNeeds; s++) {
        const p = <usize>load<u32>(needPtrs + ((<usize>s) << 2));
        shared = i8x16.add(
          shared,
          i8x16.popcnt(v128.and(v128.load(p + at), v128.load(needMasks + ((<usize>s) << 4)))),
        );
      }
      let topics = i8x16.swizzle(topic0, shared);
      if (topicWide) {
        topics = v128.or(topics, i8x16.swizzle(topic1, i8x16.sub(shared, sixteen)));
        topics = v128.or(topics, i8x16.swizzle(topic2, i8x16.sub(shared, thirtyTwo)));
      }
      score = i8x16.add(score, topics);
      if (prefersWoman) score = i8x16.add(score, v128.and(v128.load(womanPlane + at), womenV));
      score = v128.andnot(score, i8x16.eq(gate, zero));

      if (orgLists) {
        const candidate = useEligible ? v128.and(score, v128.load(eligiblePlane + at)) : score;
        v128.store(work + at, candidate);
        groupBest = i8x16.max_u(groupBest, candidate);
      }

      if (mentorLists) {
        const better = i8x16.gt_u(score, v128.load(mentorThreshold + at));
        if (v128.any_true(better)) {
          v128.store(lanes, score);
          let bits = i8x16.bitmask(better);
          while (bits != 0) {
            const lane = ctz<i32>(bits);
            bits &= bits - 1;
            const value = <u64>load<u8>(lanes + lane);
            const mentor = <usize>(block << 4) + lane;
            const heap = mentorHeaps + mentor * <usize>k * 8;
            const n = push(heap, load<u32>(mentorCounts + (mentor << 2)), (value << 32) | orgKeyLow);
            store<u32>(mentorCounts + (mentor << 2), n);
            store<u8>(mentorThreshold + mentor, <u8>threshold(heap, n));
          }
        }
      }
    }

    if (orgLists) {
      if (group >= 0) v128.store(groupMax + ((<usize>group) << 4), groupBest);
      selectOrgList(local, blocks);
    }
  }
}

/** Writes every mentor's list best first (k entries per mentor) and its length. */
export function finishMentors(indexOut: usize, scoreOut: usize, countOut: usize): void {
  for (let m = 0; m < mentorCount; m++) {
    const n = load<u32>(mentorCounts + ((<usize>m) << 2));
    const first = <usize>m * <usize>k;
    drain(mentorHeaps + (first << 3), n, indexOut + (first << 2), scoreOut + first);
    store<u16>(countOut + ((<usize>m) << 1), <u16>n);
  }
}
