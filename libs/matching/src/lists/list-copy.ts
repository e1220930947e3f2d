import { Pacer } from '@app/common';
import type { TopKLists } from '../engine/top-k';

/**
 * Recommendation lists as the engine returns them: list i belongs to `owners[i]` and holds
 * `others[lists.index[j]]` with score `lists.score[j]` for j in [i*k, i*k + lists.count[i]).
 */
export interface PackedLists {
  owners: readonly string[];
  others: readonly string[];
  lists: TopKLists;
  k: number;
}

/** Lists given entry by entry, packed (small writes: one profile's rescore). */
export function packEntries(
  lists: ReadonlyArray<readonly [string, ReadonlyArray<{ id: string; score: number }>]>,
): PackedLists {
  const k = Math.max(1, ...lists.map(([, entries]) => entries.length));
  const others: string[] = [];
  const packed: TopKLists = {
    index: new Int32Array(lists.length * k),
    score: new Uint8Array(lists.length * k),
    count: new Uint16Array(lists.length),
  };
  lists.forEach(([, entries], i) => {
    entries.forEach((e, j) => {
      packed.index[i * k + j] = others.push(e.id) - 1;
      packed.score[i * k + j] = e.score;
    });
    packed.count[i] = entries.length;
  });
  return { owners: lists.map(([owner]) => owner), others, lists: packed, k };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids checked once per array: a full run's shards all list the same whole other side. */
const checked = new WeakSet<readonly string[]>();

/** Canonical UUIDs only: nothing in them needs escaping in COPY text or array literals. */
function checkIds(ids: readonly string[]): void {
  if (checked.has(ids)) return;
  for (const id of ids) {
    if (!UUID.test(id)) throw new Error(`Not a canonical UUID: ${JSON.stringify(id)}`);
  }
  checked.add(ids);
}

const SCORES = Array.from({ length: 256 }, (_, s) => String(s));
const CHUNK_BYTES = 64 * 1024;

/**
 * The rows of `packed` in COPY text format for the columns (owner, candidate_ids, scores,
 * size, worst_score, worst_id, …tail), where `tail` is the same already-escaped text for
 * every row. Each row is joined from the id strings as they are (no object per entry, no
 * escaping to test) and written into chunks of at most 64 KB, pausing as `pacer` says (by default a
 * turn of the event loop every 2 ms): a full run's shard shares its thread with request
 * handling in the embedded mode.
 */
export async function* listCopyChunks(
  packed: PackedLists,
  tail: string,
  pacer: Pacer = new Pacer(1),
): AsyncGenerator<Uint8Array> {
  const { owners, others, lists, k } = packed;
  checkIds(owners);
  checkIds(others);
  const rowTail = `\t${tail}\n`;
  // An upper bound on one row: ids with commas, scores of up to three digits, the header.
  const rowBytes = 36 * 2 + k * 37 + k * 4 + 32 + rowTail.length;
  let chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, rowBytes));
  let at = 0;
  const ids: string[] = [];
  const scores: string[] = [];
  for (let i = 0; i < owners.length; i++) {
    const due = pacer.due();
    if (at + rowBytes > chunk.length || (due && at > 0)) {
      yield chunk.subarray(0, at);
      chunk = Buffer.allocUnsafe(chunk.length);
      at = 0;
    }
    if (due) await pacer.pause();
    const first = i * k;
    const count = lists.count[i];
    ids.length = count;
    scores.length = count;
    for (let j = 0; j < count; j++) {
      ids[j] = others[lists.index[first + j]];
      scores[j] = SCORES[lists.score[first + j]];
    }
    const worst = count === 0 ? '\\N\t\\N' : `${scores[count - 1]}\t${ids[count - 1]}`;
    at += chunk.write(
      `${owners[i]}\t{${ids.join(',')}}\t{${scores.join(',')}}\t${count}\t${worst}${rowTail}`,
      at,
      'latin1',
    );
  }
  if (at > 0) yield chunk.subarray(0, at);
}
