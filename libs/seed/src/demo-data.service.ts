import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { PasswordHasher, copyUsers, hasAccounts, setFirstPasswords } from '@app/accounts';
import { AppConfig } from '@app/config';
import { Role, type Actor } from '@app/common';
import { seedPendingRequests } from '@app/mentorships';
import { ProgramsService } from '@app/programs';
import { JobOutbox } from '@app/queue';
import { ECONOMY_CODES } from '@app/taxonomy';
import { generatePopulation, type Population, type SyntheticMentor } from './population';
import { PopulationLoader, type LoadedPopulation } from './population-loader.service';

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
 * The initiative's 2019 fora, as the demo's programmes (dates span the year; the demo does not
 * claim the fora's own dates).
 */
const DEMO_FORA: ReadonlyArray<readonly [string, string]> = [
  ['Forum I — Russia (2019)', 'RU'],
  ['Summit — Chinese Taipei (2019)', 'TW'],
  ['Forum II — Thailand (2019)', 'TH'],
  ['Forum III — The Philippines (2019)', 'PH'],
];
/** Mentors per demo programme. */
const FORUM_MENTORS = 12;

/**
 * Loads the demo dataset on first start (empty database) unless DEMO_DATA=false: a few hundred
 * organisations and about 100 mentors across all 21 economies, and one login per role.
 * Several API processes may start at once; an advisory lock lets exactly one load it. Everything
 * is written in one transaction through the owners' operations: all of it, or none.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly loader: PopulationLoader,
    private readonly hasher: PasswordHasher,
    private readonly programs: ProgramsService,
    private readonly outbox: JobOutbox,
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
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('mentorlink:demo-data'))`);
      if (await hasAccounts(manager)) return false;
      // One hash per login, each with its own salt: equal hashes would tell anyone who reads the
      // table that these accounts share a password. Argon2 runs on libuv's threads: the hashes
      // are made one after another (one core) while this thread generates, loads and stages the
      // data on the other; the logins get their passwords last, so the staging hides behind the
      // hashing and the first start takes no longer.
      const hashing = this.hashEach(DEMO_ACCOUNTS.length);
      hashing.catch(() => undefined); // awaited below; this only stops an early failure going unhandled
      const population = demoPopulation();
      // The population's accounts have no password (NULL): they cannot log in at all.
      const loaded = await this.loader.load(population, undefined, manager.queryRunner as QueryRunner);
      const [admin, manager_] = DEMO_ACCOUNTS;
      const managerActor: Actor = {
        userId: randomUUID(),
        roles: [Role.PROGRAM_MANAGER],
        managedEconomies: [...ECONOMY_CODES],
      };
      await copyUsers(manager.queryRunner as QueryRunner, [
        {
          id: randomUUID(),
          email: admin.email,
          passwordHash: null,
          displayName: admin.displayName,
          roles: [Role.ADMIN],
        },
        {
          id: managerActor.userId,
          email: manager_.email,
          passwordHash: null,
          displayName: manager_.displayName,
          roles: managerActor.roles,
          managedEconomies: managerActor.managedEconomies,
        },
      ]);
      await this.stageRequests(manager, population, loaded);
      await this.stagePrograms(manager, managerActor, population, loaded);
      const hashes = await hashing;
      await setFirstPasswords(
        manager,
        DEMO_ACCOUNTS.map((account, i) => ({ email: account.email, passwordHash: hashes[i] })),
      );
      return true;
    });
  }

  private async hashEach(count: number): Promise<string[]> {
    const hashes: string[] = [];
    for (let i = 0; i < count; i++) hashes.push(await this.hasher.hash(this.config.DEMO_PASSWORD));
    return hashes;
  }

  /**
   * Each forum as a programme the demo program manager runs, with its economy's organisations
   * and the mentors based in it or experienced there as cohort.
   */
  private async stagePrograms(
    manager: EntityManager,
    managerActor: Actor,
    population: Population,
    loaded: LoadedPopulation,
  ): Promise<void> {
    for (const [name, economy] of DEMO_FORA) {
      const organizationIds = loaded.organizationIds.filter(
        (_, i) => population.organizations[i].fields.economy === economy,
      );
      const mentorIds = loaded.mentorIds
        .filter((_, i) => {
          const fields = population.mentors[i].fields;
          return fields.economy === economy || (fields.economies ?? []).includes(economy as never);
        })
        .sort()
        .slice(0, FORUM_MENTORS);
      const program = await this.programs.create(
        managerActor,
        { name, economies: [economy], startsOn: '2019-01-01', endsOn: '2019-12-31' },
        manager,
      );
      await this.programs.addMembers(managerActor, program.id, organizationIds, mentorIds, manager);
    }
  }

  /**
   * Two requests from other organisations wait for the demo mentor's answer (see
   * `demoPopulation` for why they may be sent).
   */
  private async stageRequests(
    manager: EntityManager,
    population: Population,
    loaded: LoadedPopulation,
  ): Promise<void> {
    const mentor = population.mentors[0];
    const languages = mentor.fields.languages ?? [];
    const senders = population.organizations
      .map((o, i) => ({ ...o, id: loaded.organizationIds[i] }))
      .filter((o) => o.owner !== 0 && (o.fields.languages ?? []).some((l) => languages.includes(l)))
      .sort((a, b) => (a.fields.name < b.fields.name ? -1 : a.fields.name > b.fields.name ? 1 : 0))
      .slice(0, 2);
    await seedPendingRequests(
      manager,
      this.outbox,
      senders.map((o) => ({
        organizationId: o.id,
        requestedBy: population.owners[o.owner].id,
        mentorId: loaded.mentorIds[0],
        mentorUserId: mentor.user.id,
        message: 'We are a small firm outside the capital and would value your advice on selling abroad.',
        goals: ['A first export order', 'A price list for distributors'],
      })),
      {
        expiryDays: this.config.REQUEST_EXPIRY_DAYS,
        reminderDays: this.config.REQUEST_REMINDER_DAYS,
        maxOpen: this.config.MAX_OPEN_REQUESTS,
      },
    );
  }
}

/**
 * The demo's population, with the demo owner as the first owner and the demo mentor as the first
 * mentor. The demo logins' journeys work from the first minute: the demo mentor speaks a language
 * of each of the demo owner's organisations (so the owner may ask them) and takes requests with
 * room for three.
 */
function demoPopulation(): Population {
  const population = generatePopulation({
    organizations: DEMO_ORGANIZATIONS,
    mentors: DEMO_MENTORS,
    seed: DEMO_SEED,
  });
  const [, , owner, mentor] = DEMO_ACCOUNTS;
  population.owners[0] = { ...population.owners[0], email: owner.email, displayName: owner.displayName };
  const first = population.mentors[0];
  const ownersLanguages = population.organizations
    .filter((o) => o.owner === 0)
    .flatMap((o) => o.fields.languages?.slice(0, 1) ?? []);
  const fields: SyntheticMentor['fields'] = {
    ...first.fields,
    languages: [...new Set([...(first.fields.languages ?? []), ...ownersLanguages])].sort(),
    acceptingRequests: true,
    capacity: Math.max(first.fields.capacity ?? 0, 3),
  };
  population.mentors[0] = {
    user: { ...first.user, email: mentor.email, displayName: mentor.displayName },
    fields,
  };
  return population;
}
