import { type Actor, readableEconomies } from '@app/common';

/**
 * Adds a parameter to the statement being built and answers its placeholder: `$n` for plain SQL,
 * `:name` for a TypeORM query builder. Fragments take one so they fit either.
 */
export type Bind = (value: unknown) => string;

/** A Bind over a positional parameter list (`$1`, `$2`, ...). */
export const bindPositional =
  (params: unknown[]): Bind =>
  (value) =>
    `$${params.push(value)}`;

/** A Bind over a TypeORM query builder's named parameters, prefixed so callers' names never clash. */
export function bindNamed(
  query: { setParameter(name: string, value: unknown): unknown },
  prefix: string,
): Bind {
  let n = 0;
  return (value) => {
    const name = `${prefix}${n++}`;
    query.setParameter(name, value);
    return `:${name}`;
  };
}

/**
 * The one rule for who sees an organisation: its owner, program managers of its economy, and
 * admins. OrganizationsService applies it; features that keep records about organisations
 * (mentorship requests, say) apply the same.
 */
export function canSeeOrganization(actor: Actor, org: { ownerId: string | null; economy: string }): boolean {
  const economies = readableEconomies(actor);
  return economies === null || org.ownerId === actor.userId || economies.includes(org.economy as never);
}

/** `canSeeOrganization` over the organizations row aliased `alias` (TRUE for admins). */
export function organizationVisibleSql(alias: string, actor: Actor, bind: Bind): string {
  const economies = readableEconomies(actor);
  if (economies === null) return 'TRUE';
  const owner = `${alias}.owner_id = ${bind(actor.userId)}`;
  return economies.length > 0
    ? `(${owner} OR ${alias}.economy = ANY(${bind([...economies])}::text[]))`
    : `(${owner})`;
}
