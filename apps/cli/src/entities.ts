import { ACCOUNT_ENTITIES } from '@app/accounts';
import { AuditEventEntity } from '@app/audit';
import { MATCHING_ENTITIES } from '@app/matching';
import { MENTORSHIP_ENTITIES } from '@app/mentorships';
import { PROGRAM_ENTITIES } from '@app/programs';
import { MentorProfileEntity, OrganizationEntity } from '@app/profiles';

/** Every entity, for tools that build a DataSource without Nest (migration generation). */
export const ENTITIES = [
  ...ACCOUNT_ENTITIES,
  OrganizationEntity,
  MentorProfileEntity,
  AuditEventEntity,
  ...MATCHING_ENTITIES,
  ...MENTORSHIP_ENTITIES,
  ...PROGRAM_ENTITIES,
];
