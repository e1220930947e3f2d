import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@app/config';
import { MIGRATIONS } from './migrations';
import { embeddedPool } from './embedded-database';
import type { PGlitePool } from './pglite-pool';

/** The one place that decides between PGlite (embedded) and PostgreSQL. */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    synchronize: false,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'all' as const,
    installExtensions: false,
    uuidExtension: 'pgcrypto' as const,
    logging: false,
  };
  if (config.DATABASE_URL) {
    return {
      ...common,
      url: config.DATABASE_URL,
      poolSize: config.DATABASE_POOL_SIZE,
      applicationName: 'mentorlink',
      connectTimeoutMS: 5000,
    };
  }
  const pool = embeddedPool(config);
  return { ...common, driver: { Pool: PoolFactory(pool) } };
}

/** TypeORM constructs `new driver.Pool(options)`; hand it the pool we already made. */
function PoolFactory(pool: PGlitePool): new () => PGlitePool {
  return function EmbeddedPool() {
    return pool;
  } as unknown as new () => PGlitePool;
}

export const dataDirFile = (config: AppConfig, name: string): string => join(config.DATA_DIR, name);
