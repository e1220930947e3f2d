import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Role } from '@app/common';
import { QueueName } from '@app/queue';
import { mentorInput, organizationInput, sleep } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const OUTAGE_MS = 20_000;

/** A Redis of this test's own, which it can stop and start again on the same port. */
class OwnRedis {
  private process?: ChildProcess;
  constructor(readonly port: number) {}

  get running(): boolean {
    return this.process !== undefined && this.process.exitCode === null && this.process.signalCode === null;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const client = new Redis(this.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    for (let i = 0; i < 100; i++) {
      try {
        await client.connect();
        await client.ping();
        client.disconnect();
        return;
      } catch {
        client.disconnect();
        await sleep(100);
      }
    }
    throw new Error('Redis did not start');
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const REQUEST = `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`;

/**
 * Architecture rule 8 under fault: with the job queue's Redis stopped for 20 seconds under writes,
 * every write still succeeds, /health says how many jobs wait, and once Redis is back every job
 * those writes needed runs exactly once: each new organisation is rescored once, each new request
 * has one expiry and one reminder job.
 */
describe('a Redis outage under writes (services mode)', () => {
  let redis: OwnRedis;
  let t: TestApp;
  let owner: SignedIn;
  let mentorIds: string[];

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    t = await startTestApp(createApiApp, { mode: 'services', env: { REDIS_URL: redis.url } });
    owner = await t.signUp(Role.MSME_OWNER);
    mentorIds = [];
    for (let i = 0; i < 3; i++) {
      const mentor = await t.signUp(Role.MENTOR);
      const { upsertMentorProfile } = await mentor.client.data(
        `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
        { input: mentorInput({ languages: ['th', 'en'], capacity: 20 }) },
      );
      mentorIds.push(upsertMentorProfile.id);
    }
    await t.settle(60_000);
  }, 120_000);

  afterAll(async () => {
    // Closing the app's queue connections needs its Redis back, should the test have stopped early.
    if (redis && !redis.running) await redis.start();
    await t?.close();
    await redis?.stop();
  });

  it('keeps every write and runs each of its jobs once, after Redis returns', async () => {
    const organizations: string[] = [];
    const requests: string[] = [];
    const write = async (i: number): Promise<void> => {
      const { createOrganization } = await owner.client.data(CREATE_ORG, {
        input: organizationInput({ name: `Outage ${i}`, languages: ['th'] }),
      });
      organizations.push(createOrganization.id);
      const { requestMentorship } = await owner.client.data(REQUEST, {
        input: { organizationId: createOrganization.id, mentorId: mentorIds[i % 3], message: 'Please help' },
      });
      requests.push(requestMentorship.id);
    };

    await redis.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    let i = 0;
    while (Date.now() < outageEnds) await write(i++);
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(503);
    const report = (await health.json()) as { queue: { status: string }; jobsWaiting: number };
    expect(report.queue.status).toBe('down');
    expect(report.jobsWaiting).toBeGreaterThan(0);

    await redis.start();
    // Writes in the first seconds after Redis returns, while connections come back.
    const after = Date.now() + 3000;
    while (Date.now() < after) await write(i++);
    expect(organizations.length).toBeGreaterThan(5);
    await t.settle(90_000);

    const queue = (name: QueueName) =>
      new Queue(name, { connection: { url: redis.url }, prefix: t.config.QUEUE_PREFIX });
    const scoring = queue(QueueName.SCORING);
    const defaults = queue(QueueName.DEFAULT);
    try {
      const completed = await scoring.getJobs(['completed'], 0, -1);
      const rescored = completed
        .filter((job) => job.name === 'organization-changed')
        .map((job) => job.data.organizationId as string);
      for (const id of organizations) expect(rescored.filter((x) => x === id)).toHaveLength(1);

      const delayed = await defaults.getJobs(['delayed'], 0, -1);
      for (const id of requests) {
        expect(delayed.filter((job) => job.id === `request-expire-${id}`)).toHaveLength(1);
        expect(delayed.filter((job) => job.id === `request-remind-${id}`)).toHaveLength(1);
      }
      // The new organisations have their recommendations.
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM organization_recommendations WHERE organization_id = ANY($1::uuid[])`,
        [organizations],
      );
      expect(n).toBe(organizations.length);
      expect(((await (await fetch(`${t.url}/health`)).json()) as { jobsWaiting: number }).jobsWaiting).toBe(
        0,
      );
    } finally {
      await scoring.close();
      await defaults.close();
    }
  }, 240_000);
});
