import { DataSource } from 'typeorm';
import { ACCOUNT_ENTITIES } from '@app/accounts';
import { AuditEventEntity } from '@app/audit';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { MATCHING_ENTITIES } from '@app/matching';
import { MENTORSHIP_ENTITIES } from '@app/mentorships';
import { PROGRAM_ENTITIES } from '@app/programs';
import { MentorProfileEntity, OrganizationEntity } from '@app/profiles';
import { createTestDatabase } from './test-database';

export const TEST_ENTITIES = [
  ...ACCOUNT_ENTITIES,
  OrganizationEntity,
  MentorProfileEntity,
  AuditEventEntity,
  ...MATCHING_ENTITIES,
  ...MENTORSHIP_ENTITIES,
  ...PROGRAM_ENTITIES,
];

/** A database engine the product runs on, for suites that must hold on both. */
export interface TestBackend {
  name: string;
  /** A DataSource (not yet initialised) on a fresh, empty database, and how to dispose of it. */
  open: () => Promise<{ ds: DataSource; close: () => Promise<void> }>;
}

export const TEST_BACKENDS: TestBackend[] = [
  {
    name: 'PostgreSQL',
    open: async () => {
      const db = await createTestDatabase();
      const ds = new DataSource({
        ...dataSourceOptions(loadConfig({ DATABASE_URL: db.url })),
        entities: TEST_ENTITIES,
      });
      return {
        ds,
        close: async () => {
          if (ds.isInitialized) await ds.destroy();
          await db.drop();
        },
      };
    },
  },
  {
    name: 'PGlite',
    open: async () => {
      const ds = new DataSource({
        ...dataSourceOptions(loadConfig({ DATA_DIR: ':memory:' })),
        entities: TEST_ENTITIES,
      });
      return { ds, close: async () => void (ds.isInitialized && (await ds.destroy())) };
    },
  },
];
