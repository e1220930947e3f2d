import type { EntityManager } from 'typeorm';

/** What an e-mail to a user needs: where it goes and whom it greets. */
export interface UserContact {
  email: string;
  displayName: string;
}

/**
 * The contacts of these users, read in the caller's transaction in one round trip (features that
 * write many e-mails at once read them together, not one by one). Unknown ids are left out.
 */
export async function userContacts(
  manager: EntityManager,
  userIds: Iterable<string>,
): Promise<Map<string, UserContact>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows: Array<{ id: string; email: string; display_name: string }> = await manager.query(
    `SELECT id, email, display_name FROM users WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { email: r.email, displayName: r.display_name }]));
}
