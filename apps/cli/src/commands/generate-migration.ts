import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@app/database';
import { ENTITIES } from '@app/platform';

/**
 * Writes a migration with the SQL that brings a database at the committed migrations up to the
 * entities. Runs against a scratch database it creates and drops on ADMIN_DATABASE_URL.
 */
export async function generateMigration(name: string, adminUrl: string): Promise<void> {
  const scratch = `ml_migration_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  const ds = new DataSource({
    type: 'postgres',
    url: url.toString(),
    entities: ENTITIES,
    migrations: MIGRATIONS,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
  });
  try {
    await ds.initialize();
    await ds.runMigrations();
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      process.stdout.write('Entities and migrations agree; nothing to generate.\n');
      return;
    }
    const timestamp = Date.now();
    const className = `${name.replace(/(^|[-_])(\w)/g, (_, __, c: string) => c.toUpperCase())}${timestamp}`;
    const q = (s: string): string => `    await queryRunner.query(${JSON.stringify(s)});`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((u) => q(u.query)).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((d) => q(d.query))
  .join('\n')}
  }
}
`;
    const file = join('libs/database/src/migrations', `${timestamp}-${name}.ts`);
    writeFileSync(file, body);
    process.stdout.write(`Wrote ${file}; add ${className} to libs/database/src/migrations/index.ts\n`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
  }
}
