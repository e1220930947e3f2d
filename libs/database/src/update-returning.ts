import type { EntityManager } from 'typeorm';

/**
 * The rows of an UPDATE or DELETE … RETURNING. TypeORM's PostgreSQL driver answers such a
 * statement with `[rows, affectedCount]` (a SELECT or INSERT with plain rows); this hides that.
 */
export async function updateReturning<T = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  throw new Error('updateReturning takes an UPDATE or DELETE with RETURNING');
}
