import type { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountsService, actorOf } from '@app/accounts';
import { Actor, Role } from '@app/common';
import { AppConfig, ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { FeaturesModule } from '@app/platform';
import { JobOutbox, QueueModule } from '@app/queue';
import type { EconomyCode } from '@app/taxonomy';

/**
 * The service tier (as Immich's "medium" tests): the features' services on a real database —
 * PGlite in this process, fresh for each test file, migrated by the real migrations — with the
 * in-process queue and no GraphQL. Jobs are recorded as in production; `jobs()` reads what
 * waits, and nothing runs them unless a test does.
 */
export interface ServiceTest {
  app: INestApplicationContext;
  config: AppConfig;
  dataSource: DataSource;
  get<T>(type: Type<T> | string | symbol): T;
  /** A new account with these roles, as the actor services take. */
  actor(role: Role, options?: { economies?: EconomyCode[] }): Promise<Actor>;
  /** Jobs recorded by committed changes and not yet relayed, oldest first. */
  jobs(): Promise<Array<{ name: string; payload: Record<string, unknown>; jobId: string | null }>>;
  close(): Promise<void>;
}

export async function startServiceTest(
  options: { imports?: Array<Type<unknown> | DynamicModule>; env?: Record<string, string> } = {},
): Promise<ServiceTest> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO_DATA: 'false',
    DATA_DIR: ':memory:',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...options.env,
  });

  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule,
      QueueModule,
      FeaturesModule,
      ...(options.imports ?? []),
    ],
  })
  class ServiceTestModule {}

  const app = await NestFactory.createApplicationContext(ServiceTestModule, { logger: false });
  await app.init();
  // Recorded jobs stay in the outbox where the test can see them (no relay, no worker).
  app.get(JobOutbox).pause();
  const accounts = app.get(AccountsService);
  const dataSource = app.get(DataSource);
  let counter = 0;
  return {
    app,
    config,
    dataSource,
    get: <T>(type: Type<T> | string | symbol) => app.get<T>(type as Type<T>),
    async actor(role, { economies = [] } = {}) {
      counter++;
      const user = await accounts.ensureUser(
        `${role.toLowerCase()}-${counter}-${randomBytes(3).toString('hex')}@service.test`,
        'correct horse battery',
        `Service ${role} ${counter}`,
        [role],
        role === Role.PROGRAM_MANAGER ? economies : [],
      );
      return actorOf(user);
    },
    async jobs() {
      const rows: Array<{ name: string; payload: Record<string, unknown>; job_id: string | null }> =
        await dataSource.query(`SELECT name, payload, job_id FROM job_intents ORDER BY id`);
      return rows.map((r) => ({ name: r.name, payload: r.payload, jobId: r.job_id }));
    },
    close: () => app.close(),
  };
}
