import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { MatchingModule, ScoringEngine, ScoringRunStatus, ScoringService } from '@app/matching';
import { QueueModule } from '@app/queue';
import { PopulationLoader, generatePopulation } from '@app/seed';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { inconsistentHeaders, referenceLists, storedLists } from '@app/testing/recommendation-lists';

const K = 5;

/**
 * A shard scores outside any transaction. When a single-profile rescore commits while the shard
 * is scoring, the shard's lists may predate that change: it must score again rather than write
 * them over the rescore's. Driven here step by step (no queue consumers), on PostgreSQL.
 */
describe('full-run shard racing a profile rescore', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      RECOMMENDATIONS_K: String(K),
      SCORING_SHARD_SIZE: '1000',
    });
    // No JobsModule: jobs are enqueued in memory and never run, so the test drives each step.
    @Module({ imports: [ConfigModule.forRoot(config), DatabaseModule, QueueModule, MatchingModule] })
    class RaceModule {}
    app = await NestFactory.createApplicationContext(RaceModule, { logger: false });
    await new PopulationLoader(app.get(DataSource)).load(
      generatePopulation({ organizations: 60, mentors: 30, seed: 5 }),
    );
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('scores a shard again when a rescore commits meanwhile, and ends equal to the reference', async () => {
    const scoring = app.get(ScoringService);
    const engine = app.get(ScoringEngine);
    const dataSource = app.get(DataSource);
    const run = await scoring.startFullRun(null);
    await scoring.planRun(run.id);
    const shards: Array<{ shard: number; side: string }> = await dataSource.query(
      'SELECT shard, side FROM scoring_run_shards WHERE run_id = $1 ORDER BY shard',
      [run.id],
    );
    expect(shards.map((s) => s.side)).toEqual(['ORGANIZATIONS', 'MENTORS']);
    // The mentors' shard first, so the mentor lists exist when the rescore below updates them.
    await scoring.runShard(run.id, 1);

    // While the organisations' shard scores, a mentor changes and is rescored.
    const [{ id: mentorId }] = await dataSource.query('SELECT id FROM mentor_profiles ORDER BY id LIMIT 1');
    const topK = engine.topK.bind(engine);
    let calls = 0;
    const spy = jest.spyOn(engine, 'topK').mockImplementation(async (request, onProgress) => {
      calls++;
      const result = await topK(request, onProgress);
      if (calls === 1) {
        await dataSource.query(
          `UPDATE mentor_profiles SET languages = '{en,th,vi,ms,ja}', expertise_topics = '{EXPORT,FINANCE,MARKETING}'
            WHERE id = $1`,
          [mentorId],
        );
        await scoring.rescoreMentor(mentorId);
      }
      return result;
    });
    try {
      await scoring.runShard(run.id, 0);
    } finally {
      spy.mockRestore();
    }
    // Once for the stale input, once again after the rescore.
    expect(calls).toBe(2);
    const finished = (await scoring.findRun(run.id))!;
    expect(finished.status).toBe(ScoringRunStatus.COMPLETED);
    expect(await storedLists(dataSource)).toEqual(await referenceLists(dataSource, K));
    expect(await inconsistentHeaders(dataSource)).toEqual([]);
  });
});
