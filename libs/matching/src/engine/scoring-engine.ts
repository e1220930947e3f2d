import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EncodedMentors, EncodedOrganizations, ScoreTables } from './encoded-profiles';
import { validateTopKRequest, type TopKLists, type TopKRequest, type TopKResult } from './top-k';

export interface ScoringEngineOptions {
  /** Default: os.availableParallelism(). */
  threads?: number;
  /**
   * OS scheduling niceness of the threads (0-19; default 0): background scoring set higher
   * gives way to request handling and the database on a busy machine.
   */
  nice?: number;
}

/** What the last topK call used, for benchmarks. */
export interface ScoringRunStats {
  threads: number;
  /** Linear memory of each thread's WebAssembly instance (freed after the run). */
  threadMemoryBytes: number[];
}

/**
 * Mentor byte planes: plane p holds one byte of a mentor field for all mentors. Keep in step with
 * the P_* constants of the kernel.
 */
const PLANE = {
  division: 0, // 12: div0, div1, div2
  section: 12, // 4
  home: 16, // 1
  worked: 17, // 4
  known: 21, // 4: worked | home bit
  topics: 25, // 4
  woman: 29, // 1: 0xff / 0
  language: 30, // 8: langLo, langHi
  eligible: 38, // 1: 0xff / 0
  count: 39,
} as const;

/** Organisation record; keep in step with the O_* constants of the kernel. */
const ORG_BYTES = 32;

interface ThreadJob {
  planes: Uint8Array;
  stride: number;
  mentorCount: number;
  orgs: Uint8Array;
  orgBase: number;
  orgCount: number;
  k: number;
  orgLists: boolean;
  mentorLists: boolean;
  eligible: boolean;
  tables: Uint8Array;
  points: { sector: number; section: number; economy: number; worked: number; womenLed: number };
}

type ThreadMessage =
  | { type: 'progress'; done: number }
  | { type: 'done'; orgs?: TopKLists; mentors?: TopKLists; memoryBytes: number }
  | { type: 'error'; message: string };

type ThreadResult = Extract<ThreadMessage, { type: 'done' }>;

const THREAD_SCRIPT = join(__dirname, 'kernel', 'top-k.thread.js');

type PackedMentors = { planes: Uint8Array; stride: number; eligible: Uint8Array | undefined };

/** Kept per encoding: a full run's shards all score against the same mentors. */
const packedMentors = new WeakMap<EncodedMentors, PackedMentors>();

function packMentors(m: EncodedMentors, eligible: Uint8Array | undefined): PackedMentors {
  const kept = packedMentors.get(m);
  if (kept && kept.eligible === eligible) return kept;
  const packed = packMentorPlanes(m, eligible);
  packedMentors.set(m, packed);
  return packed;
}

function packMentorPlanes(m: EncodedMentors, eligible: Uint8Array | undefined): PackedMentors {
  // Padding lanes stay zero: no language byte, so the gate drops them.
  const stride = Math.ceil(m.count / 16) * 16;
  const planes = new Uint8Array(PLANE.count * stride);
  const bytes = (first: number, i: number, word: number): void => {
    for (let b = 0; b < 4; b++) planes[(first + b) * stride + i] = (word >>> (8 * b)) & 0xff;
  };
  for (let i = 0; i < m.count; i++) {
    bytes(PLANE.division, i, m.div0[i]);
    bytes(PLANE.division + 4, i, m.div1[i]);
    bytes(PLANE.division + 8, i, m.div2[i]);
    bytes(PLANE.section, i, m.sections[i]);
    planes[PLANE.home * stride + i] = m.home[i];
    bytes(PLANE.worked, i, m.worked[i]);
    bytes(PLANE.known, i, m.worked[i] | (m.home[i] < 32 ? 1 << m.home[i] : 0));
    bytes(PLANE.topics, i, m.topics[i]);
    planes[PLANE.woman * stride + i] = m.isWoman[i] ? 0xff : 0;
    bytes(PLANE.language, i, m.langLo[i]);
    bytes(PLANE.language + 4, i, m.langHi[i]);
    planes[PLANE.eligible * stride + i] = !eligible || eligible[i] ? 0xff : 0;
  }
  return { planes, stride, eligible };
}

function packOrganizations(o: EncodedOrganizations): Uint8Array {
  const records = new Uint8Array(o.count * ORG_BYTES);
  const view = new DataView(records.buffer);
  for (let i = 0; i < o.count; i++) {
    const at = i * ORG_BYTES;
    records[at] = o.fixedPoints[i];
    records[at + 1] = o.division[i];
    records[at + 2] = o.section[i];
    records[at + 3] = o.economy[i];
    records[at + 4] = o.prefersWoman[i] ? 1 : 0;
    records[at + 5] = o.targetsCount[i];
    records[at + 6] = o.needsCount[i];
    view.setUint32(at + 8, o.targets[i], true);
    view.setUint32(at + 12, o.needs[i], true);
    view.setUint32(at + 16, o.langLo[i], true);
    view.setUint32(at + 20, o.langHi[i], true);
  }
  return records;
}

function packTables(t: ScoreTables): Uint8Array {
  const tables = new Uint8Array(t.internationalization.length + t.topics.length);
  tables.set(t.internationalization, 0);
  tables.set(t.topics, t.internationalization.length);
  return tables;
}

const emptyLists = (n: number, k: number): TopKLists => ({
  index: new Int32Array(n * k),
  score: new Uint8Array(n * k),
  count: new Uint16Array(n),
});

/** The best k of each list across parts: score desc, then index asc. */
function mergeLists(parts: TopKLists[], n: number, k: number): TopKLists {
  if (parts.length === 1) return parts[0];
  const out = emptyLists(n, k);
  const cursor = new Int32Array(parts.length);
  for (let i = 0; i < n; i++) {
    cursor.fill(0);
    let c = 0;
    for (; c < k; c++) {
      let best = -1;
      let bestScore = -1;
      let bestIndex = 0;
      for (let p = 0; p < parts.length; p++) {
        if (cursor[p] >= parts[p].count[i]) continue;
        const at = i * k + cursor[p];
        const score = parts[p].score[at];
        const index = parts[p].index[at];
        if (score > bestScore || (score === bestScore && index < bestIndex)) {
          best = p;
          bestScore = score;
          bestIndex = index;
        }
      }
      if (best < 0) break;
      out.score[i * k + c] = bestScore;
      out.index[i * k + c] = bestIndex;
      cursor[best]++;
    }
    out.count[i] = c;
  }
  return out;
}

/**
 * Exact top-k over every organisation–mentor pair, on worker threads running a WebAssembly SIMD
 * kernel (../../assembly/top-k.ts, compiled to kernel/top-k.wasm by `npm run build:wasm`). Gives the
 * same lists as `topKReference`, byte for byte, for any input and any number of threads.
 *
 * Each thread gets all mentors and a contiguous range of organisations: organisation lists are
 * concatenated, and mentor lists (each thread's best k of its range) are merged here. Ranges are
 * in ascending order and the kernel visits candidates in ascending index, so the tie rule (lower
 * index first) holds inside a thread and the merge applies it across threads.
 */
export class ScoringEngine {
  private readonly threads: number;
  private readonly nice: number;
  private workers: Worker[] = [];
  /** Runs one topK at a time: each thread holds one job. */
  private tail: Promise<unknown> = Promise.resolve();
  lastRun?: ScoringRunStats;

  constructor(options: ScoringEngineOptions = {}) {
    const threads = options.threads ?? availableParallelism();
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError(`threads must be a whole number of at least 1 (got ${threads})`);
    }
    this.threads = threads;
    this.nice = options.nice ?? 0;
  }

  /** Runs on worker threads (never blocks the caller's event loop). onProgress gets 0..1. */
  topK(req: TopKRequest, onProgress?: (fraction: number) => void): Promise<TopKResult> {
    const run = this.tail.then(() => this.run(req, onProgress));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Terminates threads; idempotent. A later topK starts new ones. */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private async run(req: TopKRequest, onProgress?: (fraction: number) => void): Promise<TopKResult> {
    validateTopKRequest(req);
    const { orgs, mentors, k } = req;
    const result: TopKResult = { k };
    if (!req.orgLists && !req.mentorLists) return result;

    // Contiguous organisation ranges, one per thread, none empty.
    const parts = Math.min(this.threads, orgs.count);
    const ranges = Array.from({ length: parts }, (_, t) => [
      Math.floor((orgs.count * t) / parts),
      Math.floor((orgs.count * (t + 1)) / parts),
    ]);
    const { planes, stride } = packMentors(mentors, req.mentorEligible);
    const records = packOrganizations(orgs);
    const tables = packTables(req.tables);
    const w = req.tables.weights;
    const points = {
      sector: w.sector,
      section: req.tables.sectionPoints,
      economy: w.economy,
      worked: req.tables.workedPoints,
      womenLed: w.womenLed,
    };

    const done = new Array<number>(parts).fill(0);
    const progress = (t: number, n: number): void => {
      done[t] = n;
      onProgress?.(done.reduce((a, b) => a + b, 0) / orgs.count);
    };
    let threadResults: ThreadResult[];
    try {
      threadResults = await Promise.all(
        ranges.map(([from, to], t) =>
          this.runOn(
            this.worker(t),
            {
              planes,
              stride,
              mentorCount: mentors.count,
              orgs: records.slice(from * ORG_BYTES, to * ORG_BYTES),
              orgBase: from,
              orgCount: to - from,
              k,
              orgLists: req.orgLists,
              mentorLists: req.mentorLists,
              eligible: req.mentorEligible !== undefined,
              tables,
              points,
            },
            (n) => progress(t, n),
          ),
        ),
      );
    } catch (err) {
      // A failed thread may have left the others mid-job: start afresh next time.
      await this.close();
      throw err;
    }

    if (req.orgLists) {
      const lists = parts === 1 ? threadResults[0].orgs! : emptyLists(orgs.count, k);
      if (parts > 1) {
        threadResults.forEach(({ orgs: part }, t) => {
          const from = ranges[t][0];
          lists.index.set(part!.index, from * k);
          lists.score.set(part!.score, from * k);
          lists.count.set(part!.count, from);
        });
      }
      result.orgs = lists;
    }
    if (req.mentorLists) {
      result.mentors =
        parts === 0
          ? emptyLists(mentors.count, k)
          : mergeLists(
              threadResults.map((r) => r.mentors!),
              mentors.count,
              k,
            );
    }
    this.lastRun = { threads: parts, threadMemoryBytes: threadResults.map((r) => r.memoryBytes) };
    onProgress?.(1);
    return result;
  }

  /** Thread `t`, started on first use. Idle threads are unref'd so they never keep a process alive. */
  private worker(t: number): Worker {
    while (this.workers.length <= t) {
      const worker = new Worker(THREAD_SCRIPT, { workerData: { nice: this.nice } });
      worker.unref();
      this.workers.push(worker);
    }
    return this.workers[t];
  }

  private runOn(worker: Worker, job: ThreadJob, onDone: (orgs: number) => void): Promise<ThreadResult> {
    return new Promise<ThreadResult>((resolve, reject) => {
      const finish = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const onMessage = (message: ThreadMessage): void => {
        if (message.type === 'progress') {
          onDone(message.done);
          return;
        }
        finish();
        if (message.type === 'done') resolve(message);
        else reject(new Error(`Scoring thread failed: ${message.message}`));
      };
      const onError = (err: Error): void => {
        finish();
        reject(new Error(`Scoring thread failed: ${err.message}`));
      };
      const onExit = (code: number): void => {
        finish();
        reject(new Error(`Scoring thread exited with code ${code}`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.ref();
      worker.postMessage(job, [job.orgs.buffer as ArrayBuffer]);
    });
  }
}
