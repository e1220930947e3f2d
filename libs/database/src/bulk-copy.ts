import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { QueryRunner } from 'typeorm';
import { from as copyFrom } from 'pg-copy-streams';
import { PGliteClient } from './pglite-pool';

/** A value as PostgreSQL's text input reads it; null is SQL NULL. */
export type CopyValue = string | number | boolean | null | readonly string[];

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const COPY_SPECIAL = /[\\\t\n\r]/;
const ARRAY_SPECIAL = /["\\]/;

// Most values need no escaping: test first, replace only when needed (this is the hot loop of
// every bulk load).
function escapeCopy(text: string): string {
  return COPY_SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : text;
}

function arrayLiteral(values: readonly string[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) literal += ',';
    literal += `"${ARRAY_SPECIAL.test(v) ? v.replace(/["\\]/g, (c) => `\\${c}`) : v}"`;
  }
  return `${literal}}`;
}

/** One row in COPY text format (tab-separated, `\N` for NULL, newline-terminated). */
export function copyLine(row: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) line += '\t';
    if (v === null) line += '\\N';
    else if (typeof v === 'string') line += escapeCopy(v);
    else if (Array.isArray(v)) line += escapeCopy(arrayLiteral(v as readonly string[]));
    else line += String(v);
  }
  return line + '\n';
}

const identifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Loads rows with COPY on the query runner's own connection, so it joins that runner's
 * transaction. PostgreSQL streams through pg-copy-streams; PGlite reads a blob. `text` is the
 * rows already rendered with `copyLine` (callers that render once can time the load alone), or
 * chunks (text or UTF-8 bytes) rendered as they are needed.
 */
export async function copyText(
  runner: QueryRunner,
  table: string,
  columns: readonly string[],
  text: string | readonly string[] | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const sql = `COPY ${identifier(table)} (${columns.map(identifier).join(', ')}) FROM`;
  const connection = (await runner.connect()) as unknown;
  const chunks = typeof text === 'string' ? [text] : text;
  if (connection instanceof PGliteClient) {
    const parts: Array<string | Uint8Array> = [];
    for await (const chunk of chunks) if (chunk.length > 0) parts.push(chunk);
    if (parts.length > 0) await connection.copyFrom(`${sql} '/dev/blob'`, parts);
    return;
  }
  const pgClient = connection as { query: (stream: unknown) => NodeJS.WritableStream };
  const sink = pgClient.query(copyFrom(`${sql} STDIN`));
  await pipeline(Readable.from(chunks), sink);
}

/** Rendered rows in chunks of about this many characters. */
const CHUNK_CHARS = 256 * 1024;

/**
 * COPYs rows, rendering them a chunk at a time and giving the event loop a turn between
 * chunks: a large load (a full scoring run's shard, an import) never holds up the requests a
 * process also serves for longer than one chunk takes to render.
 */
export async function copyRows(
  runner: QueryRunner,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<void> {
  const iterator = rows[Symbol.iterator]();
  let next = iterator.next();
  if (next.done) return;
  async function* chunks(): AsyncGenerator<string> {
    let chunk = '';
    for (; !next.done; next = iterator.next()) {
      chunk += copyLine(next.value);
      if (chunk.length > CHUNK_CHARS) {
        yield chunk;
        chunk = '';
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (chunk) yield chunk;
  }
  await copyText(runner, table, columns, chunks());
}

/** An open COPY into one table, fed chunk by chunk, inside the runner's transaction. */
export interface CopyWriter {
  /** Sends rendered rows; resolves when the stream can take more (backpressure). */
  write(text: string): Promise<void>;
  /** Finishes the COPY; resolves when the database has taken every row. */
  end(): Promise<void>;
  /** Abandons the COPY (the transaction must then be rolled back). */
  abort(): void;
}

/**
 * Opens a COPY that overlaps with the caller's work: on PostgreSQL, rows stream to the server
 * while the caller validates the next ones; PGlite (same thread) takes the rows at the end.
 */
export async function openCopy(
  runner: QueryRunner,
  table: string,
  columns: readonly string[],
): Promise<CopyWriter> {
  const sql = `COPY ${identifier(table)} (${columns.map(identifier).join(', ')}) FROM`;
  const connection = (await runner.connect()) as unknown;
  if (connection instanceof PGliteClient) {
    const chunks: string[] = [];
    return {
      write: async (text) => void chunks.push(text),
      end: async () => {
        if (chunks.length > 0) await connection.copyFrom(`${sql} '/dev/blob'`, chunks);
      },
      abort: () => void (chunks.length = 0),
    };
  }
  const pgClient = connection as { query: (stream: unknown) => NodeJS.WritableStream };
  const sink = pgClient.query(copyFrom(`${sql} STDIN`)) as NodeJS.WritableStream & {
    destroy(err?: Error): void;
  };
  let failure: Error | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    sink.once('finish', resolve);
    sink.once('error', (err: Error) => {
      failure = err;
      reject(err);
    });
  });
  finished.catch(() => undefined);
  return {
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        if (failure) return reject(failure);
        if (sink.write(text)) resolve();
        else sink.once('drain', resolve);
      }),
    end: async () => {
      sink.end();
      await finished;
    },
    abort: () => sink.destroy(new Error('COPY abandoned')),
  };
}
