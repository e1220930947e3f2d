import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { PasswordHasher } from '@app/accounts';
import { Role } from '@app/common';
import { PopulationLoader, generatePopulation } from '@app/seed';
import { GraphQLClient } from '@app/testing';
import { benchAppEnv, startProcess, waitForHttp } from '../bench/processes';
import { createScratchDatabase } from '../bench/scratch-database';
import { openLoop } from '../bench/open-loop';
import { waitForScoringRun } from '../bench/scoring-run';
import { fmt, percentile } from '../bench/stats';

const RECOMMEND = `query Recommend($id: ID!) {
  recommendedMentors(organizationId: $id, first: 10) {
    score engineVersion computedAt
    mentor { id displayName headline economy { code } }
    breakdown { code points maxPoints reason }
  }
}`;
const BASELINE = `query Me { me { id displayName } }`;

interface Load {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
}

/** The highest throughput: `connections` clients each sending the next request on an answer. */
function flatOut(
  url: string,
  token: string,
  body: () => string,
  options: { seconds: number; connections: number },
): Promise<Load> {
  const latencies: number[] = [];
  let failures = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        connections: options.connections,
        duration: options.seconds,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
      },
      (err, result) => {
        if (err) return reject(err);
        latencies.sort((a, b) => a - b);
        resolve({
          rps: latencies.length / options.seconds,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          failures: failures + result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (status !== 200) failures++;
    });
  });
}

/**
 * `npm run bench:recommend`: recommendedMentors through GraphQL over stored lists, 10,000 mentors.
 * The API runs in its own process with the worker inside it (in-process queue on PostgreSQL), so
 * the last phase measures answers while a full scoring run shares that process.
 */
export async function benchRecommendCommand(options: {
  organizations: number;
  mentors: number;
  rate: number;
  seconds: number;
  connections: number;
  separateWorker: boolean;
}): Promise<number> {
  const db = await createScratchDatabase('recommend');
  const children: ChildProcess[] = [];
  try {
    process.stderr.write(`loading ${options.organizations} organisations and ${options.mentors} mentors…\n`);
    const population = generatePopulation({
      organizations: options.organizations,
      mentors: options.mentors,
      seed: 13,
    });
    await new PopulationLoader(db.dataSource).load(population);
    const password = randomBytes(12).toString('hex');
    await db.dataSource.query(
      `INSERT INTO users (email, password_hash, display_name, roles) VALUES ('bench-admin@bench.test', $1, 'Bench Admin', $2)`,
      [await new PasswordHasher().hash(password), [Role.ADMIN]],
    );
    await db.dataSource.query('ANALYZE');
    const port = 3800 + (process.pid % 50);
    // Embedded queue: the worker runs inside the API process. --separate-worker: BullMQ on
    // Redis, the API with --no-worker and a worker process beside it (services mode).
    const env: Record<string, string> = {
      ...benchAppEnv({
        port,
        databaseUrl: db.url,
        redis: options.separateWorker,
        queuePrefix: 'mlbench-recommend',
        throttleWindowSeconds: 1,
      }),
      ...Object.fromEntries(
        ['SCORING_SHARD_SIZE', 'SCORING_THREADS', 'SCORING_NICE', 'SCORING_MAIN_THREAD_PERCENT'].flatMap(
          (k) => (process.env[k] ? [[k, process.env[k]]] : []),
        ),
      ),
    };
    const profile = process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
      : [];
    children.push(
      await startProcess(
        [
          ...profile,
          require.resolve('../../../api/src/main'),
          ...(options.separateWorker ? ['--no-worker'] : []),
        ],
        env,
        /Mentorlink is running/,
      ),
    );
    if (options.separateWorker) {
      children.push(await startProcess([require.resolve('../../../worker/src/main')], env, /Worker ready/));
    }
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health`);
    // The API starts a full run at first start; the lists are ready when it completes.
    const firstRun = await waitForScoringRun(db, 'first full run');
    const client = new GraphQLClient(url);
    const { login } = await client.data(
      `mutation($p: String!) { login(email: "bench-admin@bench.test", password: $p) { token } }`,
      { p: password },
    );
    const token = login.token as string;
    const orgIds: string[] = (await db.dataSource.query('SELECT id FROM organizations')).map(
      (r: { id: string }) => r.id,
    );
    const sample = await client.withToken(token).data(RECOMMEND, { id: orgIds[0] });
    if (sample.recommendedMentors.length === 0) throw new Error('No recommendations were stored');

    const recommend = (): string =>
      JSON.stringify({
        query: RECOMMEND,
        variables: { id: orgIds[Math.floor(Math.random() * orgIds.length)] },
      });
    const baseline = (): string => JSON.stringify({ query: BASELINE });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const steady = (body: () => string, seconds = options.seconds) =>
      openLoop({ url: `${url}/graphql`, headers, body, rate: options.rate, seconds });
    process.stderr.write('warming up…\n');
    await steady(recommend, 5);
    process.stderr.write(
      `steady load: ${options.rate} req/s for ${options.seconds} s (recommendations, then me)…\n`,
    );
    const atRate = await steady(recommend);
    const base = await steady(baseline);
    process.stderr.write(
      `throughput: ${options.connections} clients, no rate limit, ${options.seconds} s…\n`,
    );
    const flat = await flatOut(url, token, recommend, {
      seconds: options.seconds,
      connections: options.connections,
    });
    // During a full run: the load lasts exactly as long as the run, once for recommendations
    // and once for the baseline.
    const duringRun = async (body: () => string): Promise<[Load, number]> => {
      const started = Date.now();
      await client
        .withToken(token)
        .data(`mutation { recomputeAllScores { id } }`)
        .catch((err: Error) => {
          throw new Error(`recomputeAllScores failed: ${err.message}`);
        });
      const finished = waitForScoringRun(db, 'full run under load').then(() => (Date.now() - started) / 1000);
      const load = await openLoop({
        url: `${url}/graphql`,
        headers,
        body,
        rate: options.rate,
        seconds: 600,
        until: finished,
      });
      return [load, await finished];
    };
    process.stderr.write('steady load during full scoring runs (recommendations, then me)…\n');
    const [inRun, runSeconds] = await duringRun(recommend);
    const [baseInRun] = await duringRun(baseline);

    const line = (name: string, r: Load): string =>
      `  ${name.padEnd(40)} ${fmt(r.rps, 0).padStart(6)} req/s   p50 ${fmt(r.p50, 1)} ms   p95 ${fmt(r.p95, 1)} ms   p99 ${fmt(r.p99, 1)} ms   failures ${r.failures}`;
    const pass = (ok: boolean): string => (ok ? 'PASS' : 'MISS');
    process.stdout.write(
      [
        `bench:recommend — recommendedMentors(first: 10) with breakdowns, steady offered load (open loop), ${options.mentors} mentors, ${options.organizations} organisations (PostgreSQL; ${options.separateWorker ? 'API and a worker process on BullMQ' : 'API with its in-process worker'})`,
        line(`recommendedMentors at ${options.rate} req/s`, atRate),
        line(`me (baseline) at ${options.rate} req/s`, base),
        `  p95 ratio to the baseline: ${fmt(atRate.p95 / base.p95)}×`,
        `  p95 ≤ 20 ms at ${options.rate} req/s: ${pass(atRate.p95 <= 20)}`,
        line(`recommendedMentors, ${options.connections} clients flat out`, flat),
        line(`recommendedMentors during a full run`, inRun),
        line(`me (baseline) during a full run`, baseInRun),
        `  p95 ratio to the baseline during the run: ${fmt(inRun.p95 / baseInRun.p95)}×`,
        `  p95 ≤ 20 ms during the full run: ${pass(inRun.p95 <= 20)}   (full run: ${fmt(runSeconds, 1)} s under load, ${fmt(firstRun, 1)} s at start)`,
        '',
      ].join('\n'),
    );
    return atRate.failures + flat.failures + inRun.failures + baseInRun.failures > 0 ? 1 : 0;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await db.drop();
  }
}
