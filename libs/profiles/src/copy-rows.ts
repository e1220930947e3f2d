import type { CopyValue } from '@app/database';
import type { MentorRecord } from './mentor-fields';
import type { OrganizationRecord } from './organization-fields';

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

export const USER_COPY_COLUMNS = [
  'id',
  'email',
  'password_hash',
  'display_name',
  'roles',
  'managed_economies',
] as const;
