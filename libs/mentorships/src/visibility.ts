import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor, badInput, isUuid } from '@app/common';
import { bindNamed, partyOfSql } from '@app/profiles';

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

/**
 * Narrows a query over rows naming an organisation and a mentor (`alias`.organization_id,
 * `alias`.mentor_id) to those the caller is party to: whoever sees the organisation (its owner,
 * program managers of its economy, admins) and the mentor.
 */
export function whereParty<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
  alias: string,
  actor: Actor,
): SelectQueryBuilder<E> {
  return query.andWhere(
    partyOfSql(`${alias}.organization_id`, `${alias}.mentor_id`, actor, bindNamed(query, 'party')),
  );
}
