import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { MatchingModule, ScoringRunStatus, ScoringService } from '@app/matching';
import { QueueModule } from '@app/queue';
import { PopulationLoader, generatePopulation } from '@app/seed';
import { createTestDatabase, sleep, testRedisUrl, type TestDatabase } from '@app/testing';
import { inconsistentHeaders, referenceLists, storedLists } from '@app/testing/recommendation-lists';
import { spawnWorker, waitForWorkers, type WorkerProcess } from '@app/testing/worker-processes';

const K = 10;

/**
 * A full run shared by two worker processes on BullMQ, one of them killed with SIGKILL while it
 * holds a shard: the other takes the shard over once the lock lapses, and the result is the
 * same as the definition gives, with no row twice.
 */
describe('full scoring run across worker processes (BullMQ, kill -9)', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  const workers: WorkerProcess[] = [];
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_FORMAT: 'json',
    // The test reads the process's log lines.
    LOG_LEVEL: 'log',
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: `mltest-scoring-${randomBytes(4).toString('hex')}`,
    QUEUE_LOCK_DURATION_MS: '2000',
    RECOMMENDATIONS_K: String(K),
    SCORING_SHARD_SIZE: '25',
    SCORING_THREADS: '1',
    WORKER_CONCURRENCY: '1',
  };

  function startWorker(name: string): WorkerProcess {
    // Each shard holds its transaction open for a while, so the kill lands mid-shard.
    const worker = spawnWorker(name, { ...env, SCORING_SHARD_TEST_DELAY_MS: '700' });
    workers.push(worker);
    return worker;
  }

  const waitFor = (what: string, condition: () => boolean | Promise<boolean>, timeoutMs: number) =>
    waitForWorkers(what, condition, timeoutMs, workers);

  const shardsStarted = (w: WorkerProcess): number[] =>
    [...w.output().matchAll(/Shard (\d+) of run \S+ started/g)].map((m) => Number(m[1]));

  beforeAll(async () => {
    db = await createTestDatabase();
    env.DATABASE_URL = db.url;
    const config = loadConfig(env);
    @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, MatchingModule] })
    class ProducerModule {}
    app = await NestFactory.createApplicationContext(ProducerModule, { logger: false });
    const population = generatePopulation({ organizations: 150, mentors: 60, seed: 11 });
    await new PopulationLoader(app.get(DataSource)).load(population);
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await app?.close();
    await db?.drop();
  });

  it('survives a worker killed mid-shard with an identical result and no duplicate rows', async () => {
    const a = startWorker('A');
    const b = startWorker('B');
    await waitFor('both workers', () => [a, b].every((w) => w.output().includes('Worker ready')), 60_000);
    const scoring = app.get(ScoringService);
    const dataSource = app.get(DataSource);
    const run = await scoring.startFullRun(null);

    await waitFor('worker A to take a shard', () => shardsStarted(a).length > 0, 20_000);
    const held = shardsStarted(a)[0];
    a.child.kill('SIGKILL');
    const [{ done_at: doneAtKill }] = await dataSource.query(
      'SELECT done_at FROM scoring_run_shards WHERE run_id = $1 AND shard = $2',
      [run.id, held],
    );
    expect(doneAtKill).toBeNull();

    await waitFor(
      'the run to finish',
      async () => {
        const current = await scoring.findRun(run.id);
        return current?.status === ScoringRunStatus.COMPLETED || current?.status === ScoringRunStatus.FAILED;
      },
      60_000,
    );
    const finished = (await scoring.findRun(run.id))!;
    expect(finished.status).toBe(ScoringRunStatus.COMPLETED);
    expect(finished.processed).toBe(finished.total);
    expect(finished.total).toBe(210);
    expect(finished.shardsDone).toBe(finished.shardCount);
    // Worker B redid the shard A was holding.
    expect(shardsStarted(b)).toContain(held);

    const stored = await storedLists(dataSource);
    expect(stored).toEqual(await referenceLists(dataSource, K));
    expect(await inconsistentHeaders(dataSource)).toEqual([]);
    // One row per list, and no profile twice in a list.
    for (const [table, owners] of [
      ['organization_recommendations', 'organizations'],
      ['mentor_recommendations', 'mentor_profiles'],
    ]) {
      const [{ lists, profiles, repeated }] = await dataSource.query(
        `SELECT (SELECT count(*) FROM ${table}) AS lists, (SELECT count(*) FROM ${owners}) AS profiles,
                (SELECT count(*) FROM ${table}
                  WHERE cardinality(candidate_ids) <> (SELECT count(DISTINCT c) FROM unnest(candidate_ids) c)) AS repeated`,
      );
      expect([Number(lists), Number(repeated)]).toEqual([Number(profiles), 0]);
    }

    // Its job once more does nothing.
    await scoring.recordRunJob(app.get(DataSource).manager, run.id);
    await sleep(1500);
    const again = (await scoring.findRun(run.id))!;
    expect(again).toEqual(finished);
    expect(await storedLists(dataSource)).toEqual(stored);
  }, 150_000);
});
