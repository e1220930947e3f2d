// @ts-check
'use strict';
/**
 * A scoring thread of ScoringEngine (../scoring-engine.ts). Plain CommonJS so that it loads the
 * same way from src under Jest and from dist after `npm run build`, which copies it and top-k.wasm
 * here. One job at a time: copy the packed inputs into a fresh instance of the kernel, run it in
 * chunks of organisations (posting progress), post the lists back with their buffers transferred.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { setPriority } = require('node:os');
const { parentPort, workerData } = require('node:worker_threads');

if (!parentPort) throw new Error('top-k.thread.js runs as a worker thread');
const port = parentPort;

// On Linux a thread has its own niceness, and pid 0 means the calling thread: this lowers the
// priority of scoring alone, not of the process's event loop. Best effort elsewhere.
if (workerData && workerData.nice > 0) {
  try {
    setPriority(0, workerData.nice);
  } catch {
    // Not permitted or not supported: score at normal priority.
  }
}

// Compiled once per thread; each job gets its own instance, so its memory is freed afterwards.
const kernelModule = new WebAssembly.Module(readFileSync(join(__dirname, 'top-k.wasm')));

/** Organisations per kernel call: progress granularity, and the size of the output window. */
const CHUNK = 256;
const PAGE = 65536;

/**
 * @typedef {{
 *   planes: Uint8Array, stride: number, mentorCount: number,
 *   orgs: Uint8Array, orgBase: number, orgCount: number,
 *   k: number, orgLists: boolean, mentorLists: boolean, eligible: boolean,
 *   tables: Uint8Array,
 *   points: { sector: number, section: number, economy: number, worked: number, womenLed: number },
 * }} Job
 * @typedef {{ index: Int32Array<ArrayBuffer>, score: Uint8Array<ArrayBuffer>, count: Uint16Array<ArrayBuffer> }} Lists
 */

/**
 * @param {Job} job
 * @returns {{ orgs?: Lists, mentors?: Lists, memoryBytes: number }}
 */
function run(job) {
  const { k, orgCount, mentorCount, stride } = job;
  const kernel = new WebAssembly.Instance(kernelModule, {}).exports;
  const memory = /** @type {WebAssembly.Memory} */ (kernel.memory);
  const fn = (/** @type {string} */ name) => /** @type {Function} */ (kernel[name]);

  let top = Number(fn('heapBase')());
  const alloc = (/** @type {number} */ bytes) => {
    const at = top;
    top += Math.ceil(bytes / 16) * 16;
    return at;
  };
  const planes = alloc(job.planes.length);
  const tables = alloc(job.tables.length);
  const orgs = alloc(job.orgs.length);
  const scratch = alloc(512);
  const chunkLists = job.orgLists;
  const work = chunkLists ? alloc(Number(fn('workBytes')(stride, k))) : 0;
  const orgIndex = chunkLists ? alloc(CHUNK * k * 4) : 0;
  const orgScore = chunkLists ? alloc(CHUNK * k) : 0;
  const orgCounts = chunkLists ? alloc(CHUNK * 2) : 0;
  const mentorThreshold = job.mentorLists ? alloc(stride) : 0;
  const mentorCounts = job.mentorLists ? alloc(stride * 4) : 0;
  const mentorHeaps = job.mentorLists ? alloc(mentorCount * k * 8) : 0;
  const mentorIndex = job.mentorLists ? alloc(mentorCount * k * 4) : 0;
  const mentorScore = job.mentorLists ? alloc(mentorCount * k) : 0;
  const mentorCountsOut = job.mentorLists ? alloc(mentorCount * 2) : 0;
  const pages = Math.ceil(top / PAGE) - memory.buffer.byteLength / PAGE;
  if (pages > 0) memory.grow(pages);

  const bytes = new Uint8Array(memory.buffer);
  bytes.set(job.planes, planes);
  bytes.set(job.tables, tables);
  bytes.set(job.orgs, orgs);
  const p = job.points;
  fn('configure')(
    planes,
    stride,
    mentorCount,
    orgs,
    job.orgBase,
    k,
    job.eligible ? 1 : 0,
    tables,
    p.sector,
    p.section,
    p.economy,
    p.worked,
    p.womenLed,
    scratch,
    work,
    orgIndex,
    orgScore,
    orgCounts,
    mentorThreshold,
    mentorCounts,
    mentorHeaps,
  );

  /** @type {Lists | undefined} */
  const orgOut = job.orgLists
    ? {
        index: new Int32Array(orgCount * k),
        score: new Uint8Array(orgCount * k),
        count: new Uint16Array(orgCount),
      }
    : undefined;
  const runChunk = fn('run');
  for (let from = 0; from < orgCount; from += CHUNK) {
    const to = Math.min(orgCount, from + CHUNK);
    runChunk(from, to);
    if (orgOut) {
      const n = to - from;
      orgOut.index.set(new Int32Array(memory.buffer, orgIndex, n * k), from * k);
      orgOut.score.set(new Uint8Array(memory.buffer, orgScore, n * k), from * k);
      orgOut.count.set(new Uint16Array(memory.buffer, orgCounts, n), from);
    }
    port.postMessage({ type: 'progress', done: to });
  }

  /** @type {Lists | undefined} */
  let mentorOut;
  if (job.mentorLists) {
    fn('finishMentors')(mentorIndex, mentorScore, mentorCountsOut);
    mentorOut = {
      index: new Int32Array(memory.buffer, mentorIndex, mentorCount * k).slice(),
      score: new Uint8Array(memory.buffer, mentorScore, mentorCount * k).slice(),
      count: new Uint16Array(memory.buffer, mentorCountsOut, mentorCount).slice(),
    };
  }
  return { orgs: orgOut, mentors: mentorOut, memoryBytes: memory.buffer.byteLength };
}

port.on('message', (/** @type {Job} */ job) => {
  let result;
  try {
    result = run(job);
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  /** @type {ArrayBuffer[]} */
  const transfer = [];
  for (const lists of [result.orgs, result.mentors]) {
    if (lists) transfer.push(lists.index.buffer, lists.score.buffer, lists.count.buffer);
  }
  port.postMessage({ type: 'done', ...result }, transfer);
});
