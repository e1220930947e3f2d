import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { copyRows, type CopyValue } from '@app/database';
import { scopeWhere, type ProfileScope } from '@app/profiles';

/** Whose lists: organisations' (of mentors) or mentors' (of organisations). */
export type ListSide = 'organization' | 'mentor';

const TABLES = {
  organization: {
    entries: 'organization_recommendations',
    lists: 'organization_recommendation_lists',
    owner: 'organization_id',
    other: 'mentor_id',
  },
  mentor: {
    entries: 'mentor_recommendations',
    lists: 'mentor_recommendation_lists',
    owner: 'mentor_id',
    other: 'organization_id',
  },
} as const;

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

/**
 * Reads and writes stored recommendation lists. Every write keeps each list's header (size and
 * worst entry) true, and runs on the caller's transaction.
 */
@Injectable()
export class RecommendationStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Replaces every list whose owner is in `scope` by `lists` (entries best first). */
  async replace(
    manager: EntityManager,
    side: ListSide,
    scope: ProfileScope,
    lists: ReadonlyArray<readonly [string, readonly ListEntry[]]>,
    engineVersion: string,
    computedAt: Date,
  ): Promise<void> {
    const t = TABLES[side];
    const [where, params] = scopeWhere(scope, t.owner);
    await manager.query(`DELETE FROM ${t.entries} ${where}`, params);
    await manager.query(`DELETE FROM ${t.lists} ${where}`, params);
    const runner = manager.queryRunner;
    if (!runner) throw new Error('RecommendationStore.replace needs a transaction');
    const at = computedAt.toISOString();
    function* entryRows(): Generator<CopyValue[]> {
      for (const [owner, entries] of lists) for (const e of entries) yield [owner, e.id, e.score];
    }
    function* headerRows(): Generator<CopyValue[]> {
      for (const [owner, entries] of lists) {
        const worst = entries[entries.length - 1];
        yield [owner, entries.length, worst?.score ?? null, worst?.id ?? null, engineVersion, at];
      }
    }
    await copyRows(runner, t.entries, [t.owner, t.other, 'score'], entryRows());
    await copyRows(
      runner,
      t.lists,
      [t.owner, 'size', 'worst_score', 'worst_id', 'engine_version', 'computed_at'],
      headerRows(),
    );
  }

  /** Every list's header on one side. */
  async headers(manager: EntityManager, side: ListSide): Promise<Map<string, ListHeader>> {
    const t = TABLES[side];
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${t.owner} AS owner, size, worst_score, worst_id FROM ${t.lists}`,
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
      `SELECT ${t.owner} AS owner, score FROM ${t.entries} WHERE ${t.other} = $1`,
      [otherId],
    );
    return new Map(rows.map((r) => [r.owner as string, Number(r.score)]));
  }

  /**
   * Puts `otherId` into the given lists with the given scores (or updates its score), then cuts
   * each list back to `k` and refreshes its header.
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
    const owners = scores.map(([owner]) => owner);
    await manager.query(
      `INSERT INTO ${t.entries} (${t.owner}, ${t.other}, score)
         SELECT owner, $1::uuid, score FROM unnest($2::uuid[], $3::smallint[]) AS s(owner, score)
       ON CONFLICT (${t.owner}, ${t.other}) DO UPDATE SET score = EXCLUDED.score`,
      [otherId, owners, scores.map(([, score]) => score)],
    );
    await manager.query(
      `DELETE FROM ${t.entries} e USING (
         SELECT ${t.owner} AS owner, ${t.other} AS other,
                row_number() OVER (PARTITION BY ${t.owner} ORDER BY score DESC, ${t.other}) AS position
           FROM ${t.entries} WHERE ${t.owner} = ANY($1::uuid[])) ranked
       WHERE e.${t.owner} = ranked.owner AND e.${t.other} = ranked.other AND ranked.position > $2`,
      [owners, k],
    );
    await manager.query(
      `INSERT INTO ${t.lists} (${t.owner}, size, worst_score, worst_id, engine_version, computed_at)
         SELECT DISTINCT ON (${t.owner}) ${t.owner}, count(*) OVER (PARTITION BY ${t.owner}), score,
                ${t.other}, $2, $3
           FROM ${t.entries} WHERE ${t.owner} = ANY($1::uuid[])
          ORDER BY ${t.owner}, score ASC, ${t.other} DESC
       ON CONFLICT (${t.owner}) DO UPDATE SET size = EXCLUDED.size, worst_score = EXCLUDED.worst_score,
          worst_id = EXCLUDED.worst_id, engine_version = EXCLUDED.engine_version,
          computed_at = EXCLUDED.computed_at`,
      [owners, engineVersion, computedAt.toISOString()],
    );
  }

  /**
   * The first `limit` entries of one list, best first, leaving out profiles on the other side
   * that no longer exist (and, for organisations' lists, mentors not taking requests).
   */
  async read(side: ListSide, owner: string, limit: number): Promise<StoredEntry[]> {
    const t = TABLES[side];
    const join =
      side === 'organization'
        ? 'JOIN mentor_profiles p ON p.id = e.mentor_id AND p.accepting_requests'
        : 'JOIN organizations p ON p.id = e.organization_id';
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT e.${t.other} AS id, e.score, l.engine_version, l.computed_at
         FROM ${t.entries} e ${join}
         JOIN ${t.lists} l ON l.${t.owner} = e.${t.owner}
        WHERE e.${t.owner} = $1
        ORDER BY e.score DESC, e.${t.other}
        LIMIT $2`,
      [owner, limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      score: Number(r.score),
      engineVersion: r.engine_version as string,
      computedAt: new Date(r.computed_at as string),
    }));
  }
}
