import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSdl, SCHEMA_FILE } from '../../apps/cli/src/commands/schema.command';

describe('committed GraphQL schema', () => {
  it(`${SCHEMA_FILE} matches the schema the code builds (run npm run schema after API changes)`, async () => {
    const committed = readFileSync(join(__dirname, '..', '..', SCHEMA_FILE), 'utf8');
    expect(await buildSchemaSdl()).toBe(committed);
  }, 60_000);
});
