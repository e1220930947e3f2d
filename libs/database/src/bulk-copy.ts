import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { QueryRunner } from 'typeorm';
import { from as copyFrom } from 'pg-copy-streams';
import { PGliteClient } from './pglite-pool';

/** A value as PostgreSQL's text input reads it; null is SQL NULL. */
export type CopyValue = string | number | boolean | null | readonly string[];

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeCopy(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}

function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
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
 * rows already rendered with `copyLine` (callers that render once can time the load alone).
 */
export async function copyText(
  runner: QueryRunner,
  table: string,
  columns: readonly string[],
  text: string | readonly string[],
): Promise<void> {
  const sql = `COPY ${identifier(table)} (${columns.map(identifier).join(', ')}) FROM`;
  const connection = (await runner.connect()) as unknown;
  if (connection instanceof PGliteClient) {
    await connection.copyFrom(`${sql} '/dev/blob'`, typeof text === 'string' ? text : text.join(''));
    return;
  }
  const pgClient = connection as { query: (stream: unknown) => NodeJS.WritableStream };
  const sink = pgClient.query(copyFrom(`${sql} STDIN`));
  const chunks = typeof text === 'string' ? [text] : text;
  await pipeline(Readable.from(chunks), sink);
}

export async function copyRows(
  runner: QueryRunner,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<void> {
  const chunks: string[] = [];
  let chunk = '';
  for (const row of rows) {
    chunk += copyLine(row);
    if (chunk.length > 1 << 20) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  if (chunk) chunks.push(chunk);
  if (chunks.length === 0) return;
  await copyText(runner, table, columns, chunks);
}
