import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { ENTITIES } from '@app/platform';
import { createTestDatabase } from './test-database';

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
        entities: ENTITIES,
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
        entities: ENTITIES,
      });
      return { ds, close: async () => void (ds.isInitialized && (await ds.destroy())) };
    },
  },
];
