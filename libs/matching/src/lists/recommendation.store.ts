import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Pacer } from '@app/common';
import { copyLine, copyText, type CopyValue } from '@app/database';
import { scopeWhere, type ProfileScope } from '@app/profiles';
import { listCopyChunks, type PackedLists } from './list-copy';

/** Whose lists: organisations' (of mentors) or mentors' (of organisations). */
export type ListSide = 'organization' | 'mentor';

const TABLES = {
  organization: { table: 'organization_recommendations', owner: 'organization_id' },
  mentor: { table: 'mentor_recommendations', owner: 'mentor_id' },
} as const;

/** After the owner; listCopyChunks writes rows in this order. */
const COLUMNS = [
  'candidate_ids',
  'scores',
  'size',
  'worst_score',
  'worst_id',
  'engine_version',
  'computed_at',
];

/** One entry of a list: the profile on the other side and the pair's score. */
export interface ListEntry {
  id: string;
  score: number;
}

export interface ListHeader {
  size: number;
  worstScore: number | null;
  worstId: string | null;
}

export interface StoredEntry extends ListEntry {
  engineVersion: string;
  computedAt: Date;
}

/** List order: higher score first, then the lower id (the engine's tie rule, ids sorted). */
export const ranksAbove = (a: ListEntry, b: ListEntry): boolean =>
  a.score > b.score || (a.score === b.score && a.id < b.id);

/** A list row's values after the owner, in COLUMNS order. */
function listValues(entries: readonly ListEntry[], engineVersion: string, at: string): CopyValue[] {
  const worst = entries[entries.length - 1];
  return [
    entries.map((e) => e.id),
    entries.map((e) => String(e.score)),
    entries.length,
    worst?.score ?? null,
    worst?.id ?? null,
    engineVersion,
    at,
  ];
}

/**
 * Reads and writes stored recommendation lists (one row per list, see the entities). Writes
 * run on the caller's transaction and keep each row's size and worst entry true.
 */
@Injectable()
export class RecommendationStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Replaces every list whose owner is in `scope` by `lists` (entries best first); `pacer`
   * paces the rendering (see listCopyChunks).
   */
  async replace(
    manager: EntityManager,
    side: ListSide,
    scope: ProfileScope,
    lists: PackedLists,
    engineVersion: string,
    computedAt: Date,
    pacer?: Pacer,
  ): Promise<void> {
    const t = TABLES[side];
    const [where, params] = scopeWhere(scope, t.owner);
    await manager.query(`DELETE FROM ${t.table} ${where}`, params);
    const runner = manager.queryRunner;
    if (!runner) throw new Error('RecommendationStore.replace needs a transaction');
    if (lists.owners.length === 0) return;
    // The columns after the list's own: the same for every row.
    const tail = copyLine([engineVersion, computedAt.toISOString()]).slice(0, -1);
    await copyText(runner, t.table, [t.owner, ...COLUMNS], listCopyChunks(lists, tail, pacer));
  }

  /** Every list's header on one side. */
  async headers(manager: EntityManager, side: ListSide): Promise<Map<string, ListHeader>> {
    const t = TABLES[side];
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${t.owner} AS owner, size, worst_score, worst_id FROM ${t.table}`,
    );
    return new Map(
      rows.map((r) => [
        r.owner as string,
        {
          size: Number(r.size),
          worstScore: r.worst_score === null ? null : Number(r.worst_score),
          worstId: r.worst_id as string | null,
        },
      ]),
    );
  }

  /** The lists on `side` holding profile `otherId`, with its score in each. */
  async holding(manager: EntityManager, side: ListSide, otherId: string): Promise<Map<string, number>> {
    const t = TABLES[side];
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${t.owner} AS owner, scores[array_position(candidate_ids, $1::uuid)] AS score
         FROM ${t.table} WHERE $1::uuid = ANY(candidate_ids)`,
      [otherId],
    );
    return new Map(rows.map((r) => [r.owner as string, Number(r.score)]));
  }

  /**
   * Puts `otherId` into the given (existing) lists with the given scores, or moves it to its
   * new place, cutting each list back to `k`. The rows are locked while they are rewritten.
   */
  async insert(
    manager: EntityManager,
    side: ListSide,
    otherId: string,
    scores: ReadonlyArray<readonly [string, number]>,
    k: number,
    engineVersion: string,
    computedAt: Date,
  ): Promise<void> {
    if (scores.length === 0) return;
    const t = TABLES[side];
    const rows: Array<{ owner: string; candidate_ids: string[]; scores: number[] }> = await manager.query(
      `SELECT ${t.owner} AS owner, candidate_ids, scores FROM ${t.table}
        WHERE ${t.owner} = ANY($1::uuid[]) ORDER BY ${t.owner} FOR UPDATE`,
      [scores.map(([owner]) => owner)],
    );
    const scoreOf = new Map(scores);
    const at = computedAt.toISOString();
    const updated = rows.map((row) => {
      const entry = { id: otherId, score: scoreOf.get(row.owner) as number };
      const entries: ListEntry[] = [];
      let placed = false;
      row.candidate_ids.forEach((id, i) => {
        if (id === otherId) return;
        const current = { id, score: Number(row.scores[i]) };
        if (!placed && ranksAbove(entry, current)) {
          entries.push(entry);
          placed = true;
        }
        entries.push(current);
      });
      if (!placed) entries.push(entry);
      const [ids, listScores, size, worstScore, worstId] = listValues(entries.slice(0, k), engineVersion, at);
      return {
        owner: row.owner,
        ids,
        scores: (listScores as string[]).map(Number),
        size,
        worstScore,
        worstId,
      };
    });
    await manager.query(
      `UPDATE ${t.table} t
          SET candidate_ids = u.ids, scores = u.scores, size = u.size, worst_score = u.worst_score,
              worst_id = u.worst_id, engine_version = $2, computed_at = $3
         FROM json_to_recordset($1::json)
              AS u(owner uuid, ids uuid[], scores smallint[], size smallint, worst_score smallint, worst_id uuid)
        WHERE t.${t.owner} = u.owner`,
      [
        JSON.stringify(
          updated.map((u) => ({
            owner: u.owner,
            ids: u.ids,
            scores: u.scores,
            size: u.size,
            worst_score: u.worstScore,
            worst_id: u.worstId,
          })),
        ),
        engineVersion,
        at,
      ],
    );
  }

  /**
   * The first `limit` entries of one list, best first, each with the other side's profile row:
   * `view` is that profile's select list and FROM clause (aliased `alias`), and `where` may
   * narrow it (mentors taking requests). Entries whose profile is gone are left out. One
   * statement: this is the read path of every recommendation request.
   */
  async read(side: ListSide, owner: string, limit: number, view: ListView): Promise<ReadEntry[]> {
    const { sql, params } = this.readQuery(side, '$1', 2, limit, view);
    return entriesOf(await this.dataSource.query(sql, [owner, ...params]));
  }

  /**
   * `read` as SQL to embed in a caller's statement: `owner` is an SQL expression for the list's
   * owner, parameters are numbered from `$next`. `entriesOf` reads its rows.
   */
  readQuery(
    side: ListSide,
    owner: string,
    next: number,
    limit: number,
    view: ListView,
  ): { sql: string; params: unknown[] } {
    const t = TABLES[side];
    return {
      sql: `SELECT c.id AS rec_id, l.scores[c.position] AS rec_score, l.engine_version AS rec_engine_version,
                   l.computed_at AS rec_computed_at, ${view.columns}
              FROM ${t.table} l
             CROSS JOIN LATERAL unnest(l.candidate_ids) WITH ORDINALITY AS c(id, position),
                   ${view.from}
             WHERE l.${t.owner} = ${owner} AND ${view.alias}.id = c.id${view.where ? ` AND ${view.where}` : ''}
             ORDER BY c.position
             LIMIT $${next}`,
      params: [limit],
    };
  }
}

/** The other side's profile as plain SQL, joined to each entry of a list. */
export interface ListView {
  columns: string;
  from: string;
  alias: string;
  where?: string;
}

export interface ReadEntry {
  entry: StoredEntry;
  row: Record<string, unknown>;
}

/** The entries among rows of `readQuery` (rows without one, from an outer join, are skipped). */
export function entriesOf(rows: ReadonlyArray<Record<string, unknown>>): ReadEntry[] {
  return rows
    .filter((row) => row.rec_id != null)
    .map((row) => ({
      entry: {
        id: row.rec_id as string,
        score: Number(row.rec_score),
        engineVersion: row.rec_engine_version as string,
        computedAt: new Date(row.rec_computed_at as string),
      },
      row,
    }));
}
