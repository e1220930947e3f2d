import { DataSource } from 'typeorm';
import { PasswordHasher, UserEntity } from '@app/accounts';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/database';
import { MentorProfileEntity, OrganizationEntity } from '@app/profiles';
import {
  DEMO_ACCOUNTS,
  DEMO_MENTORS,
  DEMO_ORGANIZATIONS,
  DemoDataModule,
  DemoDataService,
  PopulationLoader,
  generatePopulation,
} from '@app/seed';
import { ECONOMY_CODES } from '@app/taxonomy';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { startServiceTest, type ServiceTest } from '@app/testing/service-test';

const ENTITIES = [UserEntity, OrganizationEntity, MentorProfileEntity];

/** A fresh PostgreSQL database with the schema migrated, and a way to drop it. */
async function freshDatabase(): Promise<{ db: TestDatabase; ds: DataSource; close: () => Promise<void> }> {
  const db = await createTestDatabase();
  const ds = new DataSource({
    ...dataSourceOptions(loadConfig({ DATABASE_URL: db.url })),
    entities: ENTITIES,
  });
  try {
    await ds.initialize();
  } catch (err) {
    await db.drop();
    throw err;
  }
  return {
    db,
    ds,
    close: async () => {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    },
  };
}

async function counts(ds: DataSource): Promise<{ users: number; organizations: number; mentors: number }> {
  const [row] = (await ds.query(
    `SELECT (SELECT count(*) FROM users) AS users,
            (SELECT count(*) FROM organizations) AS organizations,
            (SELECT count(*) FROM mentor_profiles) AS mentors`,
  )) as Array<Record<string, string>>;
  return { users: Number(row.users), organizations: Number(row.organizations), mentors: Number(row.mentors) };
}

describe('PopulationLoader on PostgreSQL', () => {
  let ds: DataSource;
  let close: () => Promise<void>;
  const population = generatePopulation({ organizations: 2000, mentors: 200, seed: 7 });

  beforeAll(async () => {
    ({ ds, close } = await freshDatabase());
  }, 60_000);
  afterAll(async () => {
    await close?.();
  });

  it('loads every owner, organisation and mentor, reporting progress up to the total', async () => {
    const progress: Array<[number, number]> = [];
    await new PopulationLoader(ds).load(population, (done, total) => void progress.push([done, total]));
    expect(await counts(ds)).toEqual({
      users: population.owners.length + population.mentors.length,
      organizations: 2000,
      mentors: 200,
    });
    expect(progress.length).toBeGreaterThan(0);
    const [lastDone, total] = progress[progress.length - 1];
    expect(lastDone).toBe(total);
    expect(total).toBeGreaterThan(0);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i][0]).toBeGreaterThanOrEqual(progress[i - 1][0]);
  }, 60_000);

  it('stores what the generator made: owners own their organisations, mentors are MENTORs', async () => {
    const [owned] = (await ds.query(
      `SELECT count(*) AS n FROM organizations o JOIN users u ON u.id = o.owner_id WHERE 'MSME_OWNER' = ANY(u.roles)`,
    )) as Array<{ n: string }>;
    expect(Number(owned.n)).toBe(2000);
    const [mentors] = (await ds.query(
      `SELECT count(*) AS n FROM mentor_profiles p JOIN users u ON u.id = p.user_id WHERE u.roles = '{MENTOR}'`,
    )) as Array<{ n: string }>;
    expect(Number(mentors.n)).toBe(200);
    const sample = population.organizations[123].fields;
    const [row] = (await ds.query(`SELECT economy, employees, languages FROM organizations WHERE name = $1`, [
      sample.name,
    ])) as Array<{ economy: string; employees: number; languages: string[] }>;
    expect(row).toEqual({
      economy: sample.economy,
      employees: sample.employees,
      languages: sample.languages,
    });
  });

  it('loads all or nothing: loading the same population again fails and changes nothing', async () => {
    const before = await counts(ds);
    await expect(new PopulationLoader(ds).load(population)).rejects.toThrow(/users_email_key|duplicate key/);
    expect(await counts(ds)).toEqual(before);
  }, 60_000);
});

/** The features on a fresh PostgreSQL database (migrated), with the demo data's service. */
async function demoApp(): Promise<{
  t: ServiceTest;
  ds: DataSource;
  service: () => DemoDataService;
  close: () => Promise<void>;
}> {
  const db = await createTestDatabase();
  try {
    const t = await startServiceTest({
      imports: [DemoDataModule],
      env: { DATABASE_URL: db.url, DEMO_PASSWORD: 'demo1234' },
    });
    return {
      t,
      ds: t.dataSource,
      service: () => t.get(DemoDataService),
      close: async () => {
        await t.close();
        await db.drop();
      },
    };
  } catch (err) {
    await db.drop();
    throw err;
  }
}

describe('DemoDataService on PostgreSQL', () => {
  const hasher = new PasswordHasher();

  describe('on an empty database', () => {
    let fresh: Awaited<ReturnType<typeof demoApp>>;

    beforeAll(async () => {
      fresh = await demoApp();
    }, 60_000);
    afterAll(async () => {
      await fresh?.close();
    });

    it('loads the demo data once, with a working login per role', async () => {
      expect(await fresh.service().loadIfEmpty()).toBe(true);
      expect(await counts(fresh.ds)).toMatchObject({
        organizations: DEMO_ORGANIZATIONS,
        mentors: DEMO_MENTORS,
      });
      expect(DEMO_ORGANIZATIONS).toBe(300);
      expect(DEMO_MENTORS).toBe(100);

      const users = (await fresh.ds.query(
        `SELECT id, email, roles, managed_economies, password_hash FROM users WHERE email = ANY($1)`,
        [DEMO_ACCOUNTS.map((a) => a.email)],
      )) as Array<{
        id: string;
        email: string;
        roles: string[];
        managed_economies: string[];
        password_hash: string;
      }>;
      const byEmail = new Map(users.map((u) => [u.email, u]));
      // Each login has its own hash and salt: the table does not show they share a password.
      const hashes = users.map((u) => u.password_hash);
      expect(new Set(hashes).size).toBe(DEMO_ACCOUNTS.length);
      expect(new Set(hashes.map((h) => h.split('$')[4])).size).toBe(DEMO_ACCOUNTS.length);
      for (const account of DEMO_ACCOUNTS) {
        const user = byEmail.get(account.email);
        expect(user).toBeDefined();
        expect(user!.roles).toEqual([...account.roles]);
        expect(await hasher.verify(user!.password_hash, 'demo1234')).toBe(true);
        expect(await hasher.verify(user!.password_hash, 'wrong-password')).toBe(false);
      }

      const manager = byEmail.get('manager@demo.test')!;
      expect([...manager.managed_economies].sort()).toEqual([...ECONOMY_CODES].sort());
      expect(manager.managed_economies).toHaveLength(21);

      const owner = byEmail.get('owner@demo.test')!;
      const [owned] = (await fresh.ds.query('SELECT count(*) AS n FROM organizations WHERE owner_id = $1', [
        owner.id,
      ])) as Array<{ n: string }>;
      expect(Number(owned.n)).toBeGreaterThanOrEqual(1);

      const mentor = byEmail.get('mentor@demo.test')!;
      const profiles = (await fresh.ds.query('SELECT id FROM mentor_profiles WHERE user_id = $1', [
        mentor.id,
      ])) as unknown[];
      expect(profiles).toHaveLength(1);

      // Synthetic accounts cannot log in.
      const [withPassword] = (await fresh.ds.query(
        'SELECT count(*) AS n FROM users WHERE password_hash IS NOT NULL',
      )) as Array<{ n: string }>;
      expect(Number(withPassword.n)).toBe(DEMO_ACCOUNTS.length);
    }, 60_000);

    it('stages the journeys: requests waiting for the demo mentor, the fora as programmes', async () => {
      const [mentor] = (await fresh.ds.query(
        `SELECT m.id, m.user_id, m.languages, m.accepting_requests, m.capacity
           FROM mentor_profiles m JOIN users u ON u.id = m.user_id WHERE u.email = 'mentor@demo.test'`,
      )) as Array<{
        id: string;
        user_id: string;
        languages: string[];
        accepting_requests: boolean;
        capacity: number;
      }>;
      expect(mentor).toMatchObject({ accepting_requests: true });
      expect(mentor.capacity).toBeGreaterThanOrEqual(3);
      // The demo owner may ask the demo mentor, whichever of their organisations they start from.
      const ownerLanguages = (await fresh.ds.query(
        `SELECT o.languages FROM organizations o JOIN users u ON u.id = o.owner_id WHERE u.email = 'owner@demo.test'`,
      )) as Array<{ languages: string[] }>;
      for (const { languages } of ownerLanguages) {
        expect(languages.some((l) => mentor.languages.includes(l))).toBe(true);
      }

      const requests = (await fresh.ds.query(
        `SELECT r.id, r.organization_id, r.requested_by, o.owner_id, o.open_requests,
                (SELECT count(*)::int FROM notifications n
                  WHERE n.request_id = r.id AND n.user_id = $2 AND n.kind = 'REQUEST_RECEIVED') AS told
           FROM mentorship_requests r JOIN organizations o ON o.id = r.organization_id
          WHERE r.mentor_id = $1 AND r.status = 'PENDING'`,
        [mentor.id, mentor.user_id],
      )) as Array<{
        id: string;
        requested_by: string;
        owner_id: string;
        open_requests: number;
        told: number;
      }>;
      expect(requests).toHaveLength(2);
      for (const r of requests) {
        expect(r).toMatchObject({ requested_by: r.owner_id, open_requests: 1, told: 1 });
      }
      const jobs = await fresh.t.jobs();
      for (const r of requests) {
        expect(jobs).toContainEqual({
          name: 'request-expire',
          payload: { requestId: r.id },
          jobId: `request-expire-${r.id}`,
        });
        expect(jobs).toContainEqual({
          name: 'request-remind',
          payload: { requestId: r.id },
          jobId: `request-remind-${r.id}`,
        });
      }

      const programs = (await fresh.ds.query(
        `SELECT p.name, p.economies, u.email AS created_by,
                (SELECT count(*)::int FROM program_organizations po WHERE po.program_id = p.id) AS organizations,
                (SELECT count(*)::int FROM organizations o WHERE o.economy = p.economies[1]) AS in_economy,
                (SELECT count(*)::int FROM program_mentors pm WHERE pm.program_id = p.id) AS mentors
           FROM programs p JOIN users u ON u.id = p.created_by ORDER BY p.name`,
      )) as Array<{
        name: string;
        economies: string[];
        created_by: string;
        organizations: number;
        in_economy: number;
        mentors: number;
      }>;
      expect(programs.map((p) => [p.name, p.economies])).toEqual([
        ['Forum I — Russia (2019)', ['RU']],
        ['Forum II — Thailand (2019)', ['TH']],
        ['Forum III — The Philippines (2019)', ['PH']],
        ['Summit — Chinese Taipei (2019)', ['TW']],
      ]);
      for (const p of programs) {
        expect(p.created_by).toBe('manager@demo.test');
        expect(p.organizations).toBe(p.in_economy);
        expect(p.organizations).toBeGreaterThan(0);
        expect(p.mentors).toBeGreaterThan(0);
        expect(p.mentors).toBeLessThanOrEqual(12);
      }
    });

    it('does nothing the second time', async () => {
      const before = await counts(fresh.ds);
      expect(await fresh.service().loadIfEmpty()).toBe(false);
      expect(await counts(fresh.ds)).toEqual(before);
    }, 30_000);
  });

  it('lets exactly one of two concurrent calls load the data', async () => {
    const fresh = await demoApp();
    try {
      const results = await Promise.all([fresh.service().loadIfEmpty(), fresh.service().loadIfEmpty()]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await counts(fresh.ds)).toMatchObject({
        organizations: DEMO_ORGANIZATIONS,
        mentors: DEMO_MENTORS,
      });
      const [admins] = (await fresh.ds.query(
        `SELECT count(*) AS n FROM users WHERE email = 'admin@demo.test'`,
      )) as Array<{
        n: string;
      }>;
      expect(Number(admins.n)).toBe(1);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it('does not load into a database that already has accounts', async () => {
    const fresh = await demoApp();
    try {
      await fresh.ds.query(
        `INSERT INTO users (email, display_name) VALUES ('someone@test.example', 'Someone')`,
      );
      expect(await fresh.service().loadIfEmpty()).toBe(false);
      expect(await counts(fresh.ds)).toEqual({ users: 1, organizations: 0, mentors: 0 });
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
