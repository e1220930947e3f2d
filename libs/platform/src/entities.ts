import { ACCOUNT_ENTITIES } from '@app/accounts';
import { AuditEventEntity } from '@app/audit';
import { MATCHING_ENTITIES } from '@app/matching';
import { MENTORSHIP_ENTITIES } from '@app/mentorships';
import { PROGRAM_ENTITIES } from '@app/programs';
import { PROFILE_ENTITIES } from '@app/profiles';
import { QUEUE_ENTITIES } from '@app/queue';

/**
 * Every entity of the product, for what builds a DataSource without Nest's feature modules
 * (migration generation, database tests). The API and the worker load theirs through each
 * feature's module.
 */
export const ENTITIES = [
  ...ACCOUNT_ENTITIES,
  AuditEventEntity,
  ...PROFILE_ENTITIES,
  ...QUEUE_ENTITIES,
  ...MATCHING_ENTITIES,
  ...MENTORSHIP_ENTITIES,
  ...PROGRAM_ENTITIES,
];
