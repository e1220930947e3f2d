import type { EntityManager } from 'typeorm';
import { type Actor, readableEconomies } from '@app/common';
import { updateReturning } from '@app/database';
import type { EconomyCode } from '@app/taxonomy';
import type { MentorPlaces } from './availability';
import { type Bind, organizationVisibleSql } from './organization-visibility';

/*
 * What the mentorship workflow needs of profiles, as operations in the caller's transaction:
 * the parties of a request or mentorship, the organisation's lock, and the counters of open
 * requests and running mentorships kept on organisations and mentors. Every counter moves by a
 * conditional UPDATE, so under concurrency none passes its limit; the CHECK constraints on the
 * tables are the backstop. Lock order, kept by every caller: the organisation's row first (these
 * operations take it), then the feature's own rows, then the mentor's.
 */

/** An organisation as a request or mentorship sees it. */
export interface OrganizationParty {
  id: string;
  name: string;
  ownerId: string | null;
  economy: EconomyCode;
  languages: string[];
  /** PENDING requests it has sent. */
  openRequests: number;
  /** ACTIVE mentorships it runs. */
  activeMentorships: number;
  /** Mentors it wants at once. */
  mentorsWanted: number;
}

/** A mentor as a request or mentorship sees them. */
export interface MentorParty extends MentorPlaces {
  id: string;
  userId: string;
  languages: string[];
}

/** The organisation's side of the places rule: it still wants another mentor. */
export const wantsMoreMentors = (
  o: Pick<OrganizationParty, 'activeMentorships' | 'mentorsWanted'>,
): boolean => o.activeMentorships < o.mentorsWanted;

/** `wantsMoreMentors` over the organizations row aliased `alias`. */
export const wantsMoreMentorsSql = (alias: string): string =>
  `(${alias}.active_mentorships < ${alias}.mentors_wanted)`;

const ORGANIZATION_COLUMNS = `o.id AS o_id, o.name AS o_name, o.owner_id AS o_owner_id, o.economy AS o_economy,
  o.languages AS o_languages, o.open_requests AS o_open_requests,
  o.active_mentorships AS o_active_mentorships, o.mentors_wanted AS o_mentors_wanted`;
const MENTOR_COLUMNS = `m.id AS m_id, m.user_id AS m_user_id, m.languages AS m_languages,
  m.accepting_requests AS m_accepting_requests, m.capacity AS m_capacity,
  m.active_mentorships AS m_active_mentorships`;

type Row = Record<string, unknown>;

const organizationOf = (r: Row): OrganizationParty => ({
  id: r.o_id as string,
  name: r.o_name as string,
  ownerId: r.o_owner_id as string | null,
  economy: r.o_economy as EconomyCode,
  languages: r.o_languages as string[],
  openRequests: Number(r.o_open_requests),
  activeMentorships: Number(r.o_active_mentorships),
  mentorsWanted: Number(r.o_mentors_wanted),
});

const mentorOf = (r: Row): MentorParty => ({
  id: r.m_id as string,
  userId: r.m_user_id as string,
  languages: r.m_languages as string[],
  acceptingRequests: r.m_accepting_requests as boolean,
  capacity: Number(r.m_capacity),
  activeMentorships: Number(r.m_active_mentorships),
});

/**
 * The organisation and the mentor of a request or mentorship, in one round trip; null when the
 * organisation no longer exists (mentor: null when that profile does not). `lock` takes the
 * organisation's row lock (FOR UPDATE), which orders every change to its requests and
 * mentorships: take it before touching them.
 */
export async function partiesOf(
  manager: EntityManager,
  ids: { organizationId: string; mentorId: string },
  options: { lock?: boolean } = {},
): Promise<{ organization: OrganizationParty; mentor: MentorParty | null } | null> {
  const [row]: Row[] = await manager.query(
    `SELECT ${ORGANIZATION_COLUMNS}, ${MENTOR_COLUMNS}
       FROM organizations o LEFT JOIN mentor_profiles m ON m.id = $2
      WHERE o.id = $1${options.lock ? ' FOR UPDATE OF o' : ''}`,
    [ids.organizationId, ids.mentorId],
  );
  if (!row) return null;
  return { organization: organizationOf(row), mentor: row.m_id ? mentorOf(row) : null };
}

/** The organisation alone (no lock); null if it does not exist. */
export async function organizationParty(
  manager: EntityManager,
  organizationId: string,
): Promise<OrganizationParty | null> {
  const [row]: Row[] = await manager.query(
    `SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = $1`,
    [organizationId],
  );
  return row ? organizationOf(row) : null;
}

/** Mentors by id, in one round trip; unknown ids are left out. */
export async function mentorParties(
  manager: EntityManager,
  mentorIds: Iterable<string>,
): Promise<Map<string, MentorParty>> {
  const ids = [...new Set(mentorIds)];
  if (ids.length === 0) return new Map();
  const rows: Row[] = await manager.query(
    `SELECT ${MENTOR_COLUMNS} FROM mentor_profiles m WHERE m.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.m_id as string, mentorOf(r)]));
}

/**
 * One more open request for the organisation, if it has fewer than `limit`: false when it has the
 * most allowed (the conditional UPDATE decides, whatever the caller read before).
 */
export async function reserveOpenRequest(
  manager: EntityManager,
  organizationId: string,
  limit: number,
): Promise<boolean> {
  const rows = await updateReturning(
    manager,
    `UPDATE organizations SET open_requests = open_requests + 1
      WHERE id = $1 AND open_requests < $2 RETURNING id`,
    [organizationId, limit],
  );
  return rows.length > 0;
}

/** `count` open requests of the organisation were decided without starting a mentorship. */
export async function releaseOpenRequests(
  manager: EntityManager,
  organizationId: string,
  count: number,
): Promise<void> {
  if (count <= 0) return;
  await manager.query(`UPDATE organizations SET open_requests = open_requests - $2 WHERE id = $1`, [
    organizationId,
    count,
  ]);
}

/** What starting a mentorship did to the places: started, or which side had none left. */
export type StartedPlaces =
  | { started: true; organization: Pick<OrganizationParty, 'activeMentorships' | 'mentorsWanted'> }
  | { started: false; full: 'organization' | 'mentor' };

/**
 * An open request of the organisation becomes a mentorship with the mentor: the organisation
 * takes one of the mentors it wants (`wantsMoreMentors`), the mentor one of their places
 * (`active_mentorships < capacity`). Conditional UPDATEs, so concurrent acceptances never pass
 * either limit whatever the callers read before; the caller holds the organisation's lock and
 * rolls back when a side is full (the organisation's side is checked first).
 *
 * No CHECK constraint backs `active_mentorships <= mentors_wanted` (capacity has one): rows
 * already above it before this rule existed would fail such a migration, or every later update of
 * theirs, finishing their surplus mentorships included; and an owner may lower mentorsWanted
 * below the mentorships running (no new ones start until they are under it). This UPDATE is the
 * only statement that adds to an organisation's active_mentorships.
 */
export async function startMentorshipPlaces(
  manager: EntityManager,
  ids: { organizationId: string; mentorId: string },
): Promise<StartedPlaces> {
  const [organization] = await updateReturning<Row>(
    manager,
    `UPDATE organizations o
        SET open_requests = open_requests - 1, active_mentorships = active_mentorships + 1
      WHERE o.id = $1 AND ${wantsMoreMentorsSql('o')} RETURNING active_mentorships, mentors_wanted`,
    [ids.organizationId],
  );
  if (!organization) return { started: false, full: 'organization' };
  const mentor = await updateReturning(
    manager,
    `UPDATE mentor_profiles SET active_mentorships = active_mentorships + 1
      WHERE id = $1 AND active_mentorships < capacity RETURNING id`,
    [ids.mentorId],
  );
  if (mentor.length === 0) return { started: false, full: 'mentor' };
  return {
    started: true,
    organization: {
      activeMentorships: Number(organization.active_mentorships),
      mentorsWanted: Number(organization.mentors_wanted),
    },
  };
}

/** A running mentorship finished: the mentor's place and the organisation's are free again. */
export async function endMentorshipPlaces(
  manager: EntityManager,
  ids: { organizationId: string; mentorId: string },
): Promise<void> {
  await manager.query(
    `UPDATE mentor_profiles SET active_mentorships = active_mentorships - 1 WHERE id = $1`,
    [ids.mentorId],
  );
  await manager.query(`UPDATE organizations SET active_mentorships = active_mentorships - 1 WHERE id = $1`, [
    ids.organizationId,
  ]);
}

/**
 * Narrows rows naming an organisation and a mentor (the SQL expressions `organizationId` and
 * `mentorId`) to those the actor is party to: whoever sees the organisation (canSeeOrganization)
 * or the mentor themself.
 */
export function partyOfSql(organizationId: string, mentorId: string, actor: Actor, bind: Bind): string {
  // Admins see every record, those of organisations since deleted too.
  if (readableEconomies(actor) === null) return 'TRUE';
  return `(EXISTS (SELECT 1 FROM organizations po WHERE po.id = ${organizationId}
                    AND ${organizationVisibleSql('po', actor, bind)})
           OR EXISTS (SELECT 1 FROM mentor_profiles pm WHERE pm.id = ${mentorId}
                       AND pm.user_id = ${bind(actor.userId)}))`;
}
