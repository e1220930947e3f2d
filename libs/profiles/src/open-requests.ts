import type { EntityManager } from 'typeorm';

/**
 * `count` more open requests for the organisation (the counter kept on its row, in the
 * transaction that writes the requests): for data sets that start with requests waiting.
 */
export async function addOpenRequests(
  manager: EntityManager,
  organizationId: string,
  count: number,
): Promise<void> {
  if (count <= 0) return;
  await manager.query(`UPDATE organizations SET open_requests = open_requests + $2 WHERE id = $1`, [
    organizationId,
    count,
  ]);
}
