import type { EntityManager } from 'typeorm';

/** Who stands on each side of an organisation–mentor pair. */
export interface PairParties {
  /** The organisation's owner; null for an organisation nobody owns. */
  ownerId: string | null;
  /** The mentor's account. */
  mentorUserId: string;
}

/** The parties of the pair, read in the caller's transaction; null when either profile is missing. */
export async function pairParties(
  manager: EntityManager,
  organizationId: string,
  mentorId: string,
): Promise<PairParties | null> {
  const [row] = (await manager.query(
    `SELECT o.owner_id, m.user_id FROM organizations o, mentor_profiles m WHERE o.id = $1 AND m.id = $2`,
    [organizationId, mentorId],
  )) as Array<{ owner_id: string | null; user_id: string }>;
  return row ? { ownerId: row.owner_id, mentorUserId: row.user_id } : null;
}
