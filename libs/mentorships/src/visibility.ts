import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor, badInput, isAdmin, isUuid, readableEconomies } from '@app/common';

/** Filters of lists of requests and mentorships. */
export interface PartyFilter {
  status?: string | null;
  organizationId?: string | null;
  mentorId?: string | null;
}

/** whereParty, then the list's filters (ids checked: BAD_USER_INPUT for one that is not). */
export function whereFiltered<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  alias: string,
  actor: Actor,
  filter: PartyFilter,
): SelectQueryBuilder<E> {
  whereParty(query, alias, actor);
  if (filter.status) query.andWhere(`${alias}.status = :status`, { status: filter.status });
  for (const [field, column] of [
    ['organizationId', 'organization_id'],
    ['mentorId', 'mentor_id'],
  ] as const) {
    const id = filter[field];
    if (!id) continue;
    if (!isUuid(id)) throw badInput(`${field} is not a valid id`, { field });
    query.andWhere(`${alias}.${column} = :${field}`, { [field]: id });
  }
  return query;
}

/** Program managers see their economies' records, admins all. */
export function canSeeEconomy(actor: Actor, economy: string): boolean {
  const economies = readableEconomies(actor);
  return economies === null || economies.includes(economy as never);
}

/**
 * Narrows a query over rows naming an organisation and a mentor (`alias`.organization_id,
 * `alias`.mentor_id) to those the caller is party to: the organisation's owner, the mentor,
 * a program manager of the organisation's economy, or an admin.
 */
export function whereParty<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  alias: string,
  actor: Actor,
): SelectQueryBuilder<E> {
  if (isAdmin(actor)) return query;
  const economies = readableEconomies(actor) ?? [];
  const managed = economies.length > 0 ? ' OR o.economy = ANY(:viewerEconomies)' : '';
  return query.andWhere(
    `(EXISTS (SELECT 1 FROM organizations o WHERE o.id = ${alias}.organization_id
                AND (o.owner_id = :viewer${managed}))
      OR EXISTS (SELECT 1 FROM mentor_profiles m WHERE m.id = ${alias}.mentor_id AND m.user_id = :viewer))`,
    { viewer: actor.userId, viewerEconomies: economies },
  );
}
