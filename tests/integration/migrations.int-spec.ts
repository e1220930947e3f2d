import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@app/database';
import { TEST_BACKENDS } from '@app/testing/test-data-sources';

describe.each(TEST_BACKENDS)('migrations on $name', ({ open }) => {
  let ds: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ ds, close } = await open());
    await ds.initialize();
  }, 60_000);

  afterAll(async () => {
    await close?.();
  });

  const pendingSchemaChanges = async (): Promise<string[]> =>
    (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);

  const insertUser = async (): Promise<string> => {
    const id = randomUUID();
    await ds.query(`INSERT INTO users (id, email, display_name, roles) VALUES ($1, $2, 'Test', '{MENTOR}')`, [
      id,
      `user-${id}@test.example`,
    ]);
    return id;
  };

  const insertProfile = (userId: string, capacity: number): Promise<unknown> =>
    ds.query(
      `INSERT INTO mentor_profiles (user_id, headline, economy, languages, capacity) VALUES ($1, 'H', 'JP', '{ja}', $2)`,
      [userId, capacity],
    );

  const insertOrganization = (kind: string): Promise<unknown> =>
    ds.query(
      `INSERT INTO organizations
         (name, kind, isic_division, isic_section, economy, locality, employees, size_class, women_owned, women_led)
       VALUES ('Org', $1, '10', 'C', 'TH', 'RURAL', 5, 'MICRO', false, false)`,
      [kind],
    );

  it('leaves nothing for the schema builder to change: entities and migrations agree', async () => {
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  it('records every migration once', async () => {
    const [{ count }] = (await ds.query('SELECT count(*)::int AS count FROM migrations')) as Array<{
      count: number;
    }>;
    expect(Number(count)).toBe(MIGRATIONS.length);
    expect(await ds.showMigrations()).toBe(false);
  });

  it('backs the mentor capacity range with a CHECK constraint', async () => {
    const userId = await insertUser();
    await expect(insertProfile(userId, 21)).rejects.toThrow(/mentor_profiles_capacity_range/);
    await expect(insertProfile(userId, 0)).rejects.toThrow(/mentor_profiles_capacity_range/);
    await expect(insertProfile(userId, 20)).resolves.toBeDefined();
  });

  it('backs the organisation kind with a CHECK constraint', async () => {
    await expect(insertOrganization('FOO')).rejects.toThrow(/organizations_kind_known/);
    await expect(insertOrganization('STARTUP')).resolves.toBeDefined();
  });

  it('backs lower-case unique emails with constraints', async () => {
    await expect(
      ds.query(`INSERT INTO users (email, display_name) VALUES ('Upper@Test.example', 'U')`),
    ).rejects.toThrow(/users_email_lower/);
    await ds.query(`INSERT INTO users (email, display_name) VALUES ('same@test.example', 'A')`);
    await expect(
      ds.query(`INSERT INTO users (email, display_name) VALUES ('same@test.example', 'B')`),
    ).rejects.toThrow(/users_email_key/);
  });

  it('reverts every migration and re-applies them cleanly', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'all' });
    const tables = (await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    )) as unknown[];
    expect(tables).toEqual([]);
    await ds.runMigrations({ transaction: 'all' });
    expect(await pendingSchemaChanges()).toEqual([]);
  }, 30_000);

  it('keeps the audit log append-only', async () => {
    await ds.query(
      `INSERT INTO audit_events (action, target_type, target_id) VALUES ('organization.created', 'organization', 'x')`,
    );
    await expect(ds.query(`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    const [{ count }] = (await ds.query(`SELECT count(*)::int AS count FROM audit_events`)) as Array<{
      count: number;
    }>;
    expect(count).toBe(1);
  });
});
