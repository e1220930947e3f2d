import type { EntityManager, QueryRunner } from 'typeorm';
import { copyLine, copyRows, openCopy, type CopyValue, type CopyWriter } from '@app/database';
import { MENTOR_COPY_COLUMNS } from './mentor-profile.entity';
import type { MentorRecord } from './mentor-fields';
import { ORGANIZATION_COPY_COLUMNS } from './organization.entity';
import type { OrganizationRecord } from './organization-fields';

/**
 * Bulk loads of profiles (seed, import): COPY in the caller's transaction, rows validated by the
 * same record builders as the API. Ids are made by the caller, which often needs them next.
 */

/** A validated organisation as a row for ORGANIZATION_COPY_COLUMNS (bulk loads). */
export function organizationCopyRow(ownerId: string | null, r: OrganizationRecord): CopyValue[] {
  return [
    ownerId,
    r.name,
    r.description,
    r.kind,
    r.isicDivision,
    r.isicSection,
    r.economy,
    r.city,
    r.locality,
    r.employees,
    r.sizeClass,
    r.foundedYear,
    r.womenOwnershipPercent,
    r.womanInTopManagement,
    r.boardWomenPercent,
    r.womenOwned,
    r.womenLed,
    r.youthLed,
    r.socialEnterprise,
    r.prefersWomanMentor,
    r.cluster,
    r.needs,
    r.targetEconomies,
    r.languages,
  ];
}

/** A validated mentor profile as a row for MENTOR_COPY_COLUMNS. */
export function mentorCopyRow(userId: string, r: MentorRecord): CopyValue[] {
  return [
    userId,
    r.headline,
    r.bio,
    r.economy,
    r.expertiseSectors,
    r.expertiseTopics,
    r.economies,
    r.languages,
    r.capacity,
    r.acceptingRequests,
    r.yearsOfExperience,
    r.gender,
  ];
}

export interface NewOrganization {
  id: string;
  ownerId: string | null;
  record: OrganizationRecord;
}

export interface NewMentorProfile {
  id: string;
  userId: string;
  record: MentorRecord;
}

const ORGANIZATION_COLUMNS = ['id', ...ORGANIZATION_COPY_COLUMNS];
const MENTOR_COLUMNS = ['id', ...MENTOR_COPY_COLUMNS];

function organizationValues(o: NewOrganization): CopyValue[] {
  const row = organizationCopyRow(o.ownerId, o.record);
  row.unshift(o.id);
  return row;
}

function* organizationRows(organizations: Iterable<NewOrganization>): Generator<CopyValue[]> {
  for (const o of organizations) yield organizationValues(o);
}

function* mentorRows(mentors: Iterable<NewMentorProfile>): Generator<CopyValue[]> {
  for (const m of mentors) {
    const row = mentorCopyRow(m.userId, m.record);
    row.unshift(m.id);
    yield row;
  }
}

/** Writes organisations with COPY in the runner's transaction. */
export async function copyOrganizations(
  runner: QueryRunner,
  organizations: Iterable<NewOrganization>,
): Promise<void> {
  await copyRows(runner, 'organizations', ORGANIZATION_COLUMNS, organizationRows(organizations));
}

/** Writes mentor profiles (their accounts exist) with COPY in the runner's transaction. */
export async function copyMentorProfiles(
  runner: QueryRunner,
  mentors: Iterable<NewMentorProfile>,
): Promise<void> {
  await copyRows(runner, 'mentor_profiles', MENTOR_COLUMNS, mentorRows(mentors));
}

/** One organisation in COPY text, for an `openOrganizationCopy` writer. */
export const organizationCopyLine = (o: NewOrganization): string => copyLine(organizationValues(o));

/**
 * A COPY of organisations that stays open while the caller feeds it `organizationCopyLine`s, so
 * a large load overlaps with the caller's work (the importer validates the next rows meanwhile).
 */
export function openOrganizationCopy(runner: QueryRunner): Promise<CopyWriter> {
  return openCopy(runner, 'organizations', ORGANIZATION_COLUMNS);
}

/** Sets the owners of organisations a bulk load wrote (`owners[i]` owns `ids[i]`). */
export async function setOrganizationOwners(
  manager: EntityManager,
  ids: readonly string[],
  owners: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await manager.query(
    `UPDATE organizations o SET owner_id = x.owner_id
       FROM unnest($1::uuid[], $2::uuid[]) AS x(id, owner_id)
      WHERE o.id = x.id`,
    [ids, owners],
  );
}

/**
 * Drops organisations the caller's transaction has just loaded and found wanting (nothing refers
 * to them yet: no requests, no lists, so no hooks or events are due).
 */
export async function discardLoadedOrganizations(
  manager: EntityManager,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await manager.query('DELETE FROM organizations WHERE id = ANY($1::uuid[])', [ids]);
}
