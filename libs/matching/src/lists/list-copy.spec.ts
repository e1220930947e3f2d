import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { copyLine } from '@app/database';
import { listCopyChunks, packEntries, type PackedLists } from './list-copy';

async function render(packed: PackedLists, tail: string): Promise<{ text: string; chunks: number }> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of listCopyChunks(packed, tail)) chunks.push(Buffer.from(chunk));
  return { text: Buffer.concat(chunks).toString('latin1'), chunks: chunks.length };
}

/** What the general COPY renderer makes of the same lists, row by row. */
function expected(
  lists: Array<[string, Array<{ id: string; score: number }>]>,
  engine: string,
  at: string,
): string {
  return lists
    .map(([owner, entries]) => {
      const worst = entries[entries.length - 1];
      return copyLine([
        owner,
        entries.map((e) => e.id),
        entries.map((e) => String(e.score)),
        entries.length,
        worst?.score ?? null,
        worst?.id ?? null,
        engine,
        at,
      ]);
    })
    .join('')
    .replace(/"/g, ''); // copyLine quotes array elements; UUIDs and numbers need no quotes
}

describe('listCopyChunks', () => {
  const at = '2026-11-28T01:00:00.000Z';
  const tail = copyLine(['score-1', at]).slice(0, -1);

  it('renders each list as the general COPY renderer does, empty lists included', async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.record({ other: fc.nat(39), score: fc.nat(100) }), { maxLength: 12 }), {
          maxLength: 8,
        }),
        async (shape) => {
          const lists = shape.map(
            (entries, i) =>
              [ids[i], entries.map((e) => ({ id: ids[e.other], score: e.score }))] as [
                string,
                Array<{ id: string; score: number }>,
              ],
          );
          const { text } = await render(packEntries(lists), tail);
          expect(text).toBe(expected(lists, 'score-1', at));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('renders engine lists by index into the other side, in chunks that end on a row', async () => {
    const owners = Array.from({ length: 500 }, () => randomUUID());
    const others = Array.from({ length: 300 }, () => randomUUID());
    const k = 50;
    const lists = {
      index: Int32Array.from({ length: owners.length * k }, (_, j) => (j * 7) % others.length),
      score: Uint8Array.from({ length: owners.length * k }, (_, j) => 100 - (j % k)),
      count: Uint16Array.from(owners, (_, i) => i % (k + 1)),
    };
    const chunks: string[] = [];
    for await (const chunk of listCopyChunks({ owners, others, lists, k }, tail)) {
      chunks.push(Buffer.from(chunk).toString('latin1'));
    }
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    const byEntries = owners.map((owner, i) => {
      const entries = [];
      for (let j = i * k; j < i * k + lists.count[i]; j++) {
        entries.push({ id: others[lists.index[j]], score: lists.score[j] });
      }
      return [owner, entries] as [string, Array<{ id: string; score: number }>];
    });
    expect(chunks.join('')).toBe(expected(byEntries, 'score-1', at));
  });

  it('refuses an id that is not a canonical UUID (it would need escaping)', async () => {
    const packed = packEntries([['not\ta-uuid', []]]);
    await expect(render(packed, tail)).rejects.toThrow('Not a canonical UUID');
  });
});
