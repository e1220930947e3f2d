import { readFileSync, writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { loadConfig } from '@app/config';
import { createApiApp } from '../../../api/src/bootstrap';

export const SCHEMA_FILE = 'schema.gql';

/** The API's GraphQL schema as SDL, built from the code-first resolvers. */
export async function buildSchemaSdl(): Promise<string> {
  const config = loadConfig({ DATA_DIR: ':memory:', DEMO_DATA: 'false', LOG_FORMAT: 'text' });
  const app = await createApiApp(config, { worker: false }, false);
  try {
    await app.init();
    return `${printSchema(app.get(GraphQLSchemaHost).schema)}\n`;
  } finally {
    await app.close();
  }
}

/** `npm run schema`: writes schema.gql; `--check` fails when the committed file is stale. */
export async function schemaCommand(check: boolean): Promise<number> {
  const sdl = await buildSchemaSdl();
  if (check) {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== sdl) {
      process.stderr.write(`${SCHEMA_FILE} is out of date: run npm run schema and commit it\n`);
      return 1;
    }
    process.stdout.write(`${SCHEMA_FILE} is up to date\n`);
    return 0;
  }
  writeFileSync(SCHEMA_FILE, sdl);
  process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
  return 0;
}
