import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { PasswordHasher } from '@app/accounts';
import { AppConfig } from '@app/config';
import { Role } from '@app/common';
import { copyRows } from '@app/database';
import { USER_COPY_COLUMNS } from '@app/profiles';
import { ECONOMY_CODES } from '@app/taxonomy';
import { generatePopulation } from './population';
import { PopulationLoader } from './population-loader.service';

export const DEMO_SEED = 2019;
export const DEMO_ORGANIZATIONS = 300;
export const DEMO_MENTORS = 100;

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.test', displayName: 'Demo Admin', roles: [Role.ADMIN] },
  { email: 'manager@demo.test', displayName: 'Demo Program Manager', roles: [Role.PROGRAM_MANAGER] },
  { email: 'owner@demo.test', displayName: 'Demo MSME Owner', roles: [Role.MSME_OWNER] },
  { email: 'mentor@demo.test', displayName: 'Demo Mentor', roles: [Role.MENTOR] },
] as const;

/**
 * Loads the demo dataset on first start (empty database) unless DEMO_DATA=false: a few hundred
 * organisations and about 100 mentors across all 21 economies, and one login per role.
 * Several API processes may start at once; an advisory lock lets exactly one load it.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly loader: PopulationLoader,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Loads the demo data when DEMO_DATA is on and the database has no accounts yet. */
  async loadOnFirstStart(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    const loaded = await this.loadIfEmpty();
    if (loaded)
      this.logger.log(`Demo data loaded: ${DEMO_ORGANIZATIONS} organisations, ${DEMO_MENTORS} mentors`);
  }

  /** True when this call loaded the data; false when the database already had accounts. */
  async loadIfEmpty(): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const runner = manager.queryRunner as QueryRunner;
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext('mentorlink:demo-data'))`);
      const [{ present }] = (await runner.query(`SELECT EXISTS (SELECT 1 FROM users) AS present`)) as Array<{
        present: boolean;
      }>;
      if (present) return false;
      // One hash per login, each with its own salt: equal hashes would tell anyone who reads the
      // table that these accounts share a password. Argon2 runs on libuv's threads: the hashes
      // are made one after another (one core) while this thread generates and loads the
      // population on the other, so the first start takes no longer.
      const hashing = this.hashEach(DEMO_ACCOUNTS.length);
      hashing.catch(() => undefined); // awaited below; this only stops an early failure going unhandled
      const population = generatePopulation({
        organizations: DEMO_ORGANIZATIONS,
        mentors: DEMO_MENTORS,
        seed: DEMO_SEED,
      });
      const [admin, manager_, owner, mentor] = DEMO_ACCOUNTS;
      population.owners[0] = { ...population.owners[0], email: owner.email, displayName: owner.displayName };
      population.mentors[0].user = {
        ...population.mentors[0].user,
        email: mentor.email,
        displayName: mentor.displayName,
      };
      // The population's accounts have no password (NULL): they cannot log in at all.
      await this.loader.load(population, undefined, runner);
      const [adminHash, managerHash, ownerHash, mentorHash] = await hashing;
      await copyRows(runner, 'users', USER_COPY_COLUMNS, [
        [randomUUID(), admin.email, adminHash, admin.displayName, [Role.ADMIN], []],
        [
          randomUUID(),
          manager_.email,
          managerHash,
          manager_.displayName,
          [Role.PROGRAM_MANAGER],
          [...ECONOMY_CODES],
        ],
      ]);
      for (const [email, hash] of [
        [owner.email, ownerHash],
        [mentor.email, mentorHash],
      ]) {
        await runner.query(`UPDATE users SET password_hash = $1 WHERE email = $2`, [hash, email]);
      }
      await this.stageRequests(runner, owner.email, mentor.email);
      await this.stagePrograms(runner, manager_.email);
      return true;
    });
  }

  private async hashEach(count: number): Promise<string[]> {
    const hashes: string[] = [];
    for (let i = 0; i < count; i++) hashes.push(await this.hasher.hash(this.config.DEMO_PASSWORD));
    return hashes;
  }

  /**
   * The initiative's 2019 fora as programmes (dates span the year; the demo does not claim the
   * fora's own dates), each with its economy's organisations and the mentors based in it or
   * experienced there as cohort.
   */
  private async stagePrograms(runner: QueryRunner, managerEmail: string): Promise<void> {
    const fora: Array<[string, string]> = [
      ['Forum I — Russia (2019)', 'RU'],
      ['Summit — Chinese Taipei (2019)', 'TW'],
      ['Forum II — Thailand (2019)', 'TH'],
      ['Forum III — The Philippines (2019)', 'PH'],
    ];
    for (const [name, economy] of fora) {
      const [program] = await runner.query(
        `INSERT INTO programs (name, economies, starts_on, ends_on, created_by)
         VALUES ($1, ARRAY[$2], '2019-01-01', '2019-12-31', (SELECT id FROM users WHERE email = $3))
         RETURNING id`,
        [name, economy, managerEmail],
      );
      await runner.query(
        `INSERT INTO program_organizations (program_id, organization_id)
         SELECT $1, id FROM organizations WHERE economy = $2`,
        [program.id, economy],
      );
      await runner.query(
        `INSERT INTO program_mentors (program_id, mentor_id)
         SELECT $1, id FROM mentor_profiles WHERE economy = $2 OR $2 = ANY(economies) ORDER BY id LIMIT 12`,
        [program.id, economy],
      );
    }
  }

  /**
   * Makes the demo logins' journeys work from the first minute: the demo mentor speaks the
   * language of the demo owner's first organisation (so it may ask them), takes requests with
   * room for three, and has two requests from other organisations waiting for an answer.
   */
  private async stageRequests(runner: QueryRunner, ownerEmail: string, mentorEmail: string): Promise<void> {
    await runner.query(
      `UPDATE mentor_profiles m
          SET languages = ARRAY(SELECT DISTINCT l FROM unnest(m.languages || o.languages[1:1]) AS l ORDER BY l),
              accepting_requests = true, capacity = GREATEST(m.capacity, 3)
         FROM users mu,
              (SELECT o.languages FROM organizations o JOIN users u ON u.id = o.owner_id
                WHERE u.email = $1 ORDER BY o.name, o.id LIMIT 1) o
        WHERE mu.id = m.user_id AND mu.email = $2`,
      [ownerEmail, mentorEmail],
    );
    const waiting: Array<{ id: string; organization_id: string; user_id: string }> = await runner.query(
      `INSERT INTO mentorship_requests (organization_id, mentor_id, message, goals, expires_at)
       SELECT o.id, m.id,
              'We are a small firm outside the capital and would value your advice on selling abroad.',
              ARRAY['A first export order', 'A price list for distributors'],
              now() + make_interval(days => $3)
         FROM mentor_profiles m
         JOIN users mu ON mu.id = m.user_id AND mu.email = $2
         JOIN organizations o ON o.languages && m.languages
        WHERE o.owner_id IS DISTINCT FROM (SELECT id FROM users WHERE email = $1)
        ORDER BY o.name, o.id
        LIMIT 2
       RETURNING id, organization_id, (SELECT user_id FROM mentor_profiles WHERE id = mentor_id) AS user_id`,
      [ownerEmail, mentorEmail, this.config.REQUEST_EXPIRY_DAYS],
    );
    for (const request of waiting) {
      await runner.query(`UPDATE organizations SET open_requests = open_requests + 1 WHERE id = $1`, [
        request.organization_id,
      ]);
      await runner.query(
        `INSERT INTO notifications (user_id, kind, request_id) VALUES ($1, 'REQUEST_RECEIVED', $2)`,
        [request.user_id, request.id],
      );
    }
  }
}
