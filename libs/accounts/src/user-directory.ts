import type { EntityManager, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { Role } from '@app/common';
import { copyRows, type CopyValue } from '@app/database';
import { normalizeEmail } from './accounts.service';

/**
 * What other features do with accounts in their own transactions: bulk loads (seed, import), the
 * ids behind e-mails, a user row's lock, and the join that gives a row its user's display name.
 * Only this lib names the users table (architecture rule 7).
 */

/** An account made by a bulk load. No password hash: it cannot log in. */
export interface NewUser {
  id: string;
  email: string;
  passwordHash: string | null;
  displayName: string;
  roles: readonly Role[];
  managedEconomies?: readonly string[];
}

const USER_COPY_COLUMNS = [
  'id',
  'email',
  'password_hash',
  'display_name',
  'roles',
  'managed_economies',
] as const;

function* userRows(users: Iterable<NewUser>): Generator<CopyValue[]> {
  for (const u of users) {
    yield [u.id, normalizeEmail(u.email), u.passwordHash, u.displayName, u.roles, u.managedEconomies ?? []];
  }
}

/** Writes accounts with COPY in the runner's transaction: all of them or (with it) none. */
export async function copyUsers(runner: QueryRunner, users: Iterable<NewUser>): Promise<void> {
  await copyRows(runner, 'users', USER_COPY_COLUMNS, userRows(users));
}

/**
 * Gives a password to accounts made without one (bulk loads), by e-mail, in the caller's
 * transaction; an account that has a password keeps it.
 */
export async function setFirstPasswords(
  manager: EntityManager,
  logins: ReadonlyArray<{ email: string; passwordHash: string }>,
): Promise<void> {
  if (logins.length === 0) return;
  await manager.query(
    `UPDATE users u SET password_hash = x.hash
       FROM unnest($1::text[], $2::text[]) AS x(email, hash)
      WHERE u.email = x.email AND u.password_hash IS NULL`,
    [logins.map((l) => normalizeEmail(l.email)), logins.map((l) => l.passwordHash)],
  );
}

/** Whether the database has any account at all (a first start has none). */
export async function hasAccounts(manager: EntityManager): Promise<boolean> {
  const [{ present }]: Array<{ present: boolean }> = await manager.query(
    'SELECT EXISTS (SELECT 1 FROM users) AS present',
  );
  return present;
}

/** The ids of MSME owner accounts, by normalised e-mail, among `emails` (already normalised). */
export async function ownerIdsByEmail(
  manager: EntityManager,
  emails: readonly string[],
): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows: Array<{ id: string; email: string }> = await manager.query(
    `SELECT id, email FROM users WHERE email = ANY($1::text[]) AND $2 = ANY(roles)`,
    [[...new Set(emails)], Role.MSME_OWNER],
  );
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** Which of `emails` (already normalised) have an account. */
export async function takenEmails(manager: EntityManager, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows: Array<{ email: string }> = await manager.query(
    `SELECT email FROM users WHERE email = ANY($1::text[])`,
    [emails],
  );
  return new Set(rows.map((r) => r.email));
}

/**
 * Locks the user's row until the caller's transaction ends: serialises a feature's
 * read-merge-write of what belongs to one user (a mentor's first profile save has no row of its
 * own to lock yet). False when there is no such user.
 */
export async function lockUser(manager: EntityManager, userId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId]);
  return rows.length > 0;
}

/**
 * The join that gives rows their user's public display name, as SQL: `join` for a FROM clause
 * (the account as `alias`, joined on `userIdColumn`) and `displayName`, the column to select,
 * sort or search by.
 */
export function displayNameJoin(userIdColumn: string, alias = 'u'): { join: string; displayName: string } {
  return {
    join: `JOIN users ${alias} ON ${alias}.id = ${userIdColumn}`,
    displayName: `${alias}.display_name`,
  };
}

/** `displayNameJoin` on a query builder; the name comes back as the raw column `display_name`. */
export function joinDisplayName<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  userIdColumn: string,
  alias = 'u',
): SelectQueryBuilder<T> {
  return query
    .innerJoin('users', alias, `${alias}.id = ${userIdColumn}`)
    .addSelect(`${alias}.display_name`, 'display_name');
}
