import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { ENTITIES } from '@app/platform';

export const BENCH_ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  config: AppConfig;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh, migrated PostgreSQL database for one benchmark run, dropped afterwards. */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const name = `ml_bench_${label}_${process.pid}`;
  const admin = new Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  const config = loadConfig({ DATABASE_URL: url.toString(), DEMO_DATA: 'false' });
  const dataSource = new DataSource({ ...dataSourceOptions(config), entities: ENTITIES });
  await dataSource.initialize();
  return {
    url: url.toString(),
    config,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      const c = new Client({ connectionString: BENCH_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
