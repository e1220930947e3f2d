import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { PasswordHasher } from '@app/accounts';
import { Role } from '@app/common';
import { PopulationLoader, generatePopulation } from '@app/seed';
import { GraphQLClient } from '@app/testing';
import { benchAppEnv, startProcess, waitForHttp } from '../bench/processes';
import { createScratchDatabase } from '../bench/scratch-database';
import { fmt } from '../bench/stats';

export const BENCH_QUERY = `query Bench {
  organizations(first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id name kind city locality employees sizeClass womenOwned womenLed
      economy { code name } isicDivision { code title section { code title } }
      needs { code label } owner { id displayName }
    } }
  }
}`;

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function run(
  url: string,
  token: string | undefined,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        connections,
        duration: seconds,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: BENCH_QUERY }),
      },
      (err, result) => {
        if (err) return reject(err);
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
  });
}

/**
 * `npm run bench:api`: `organizations(first: 20)` with nested fields, 50 concurrent clients,
 * Mentorlink's API against a bare @apollo/server on the same database, each in its own process.
 */
/** The round with the median throughput (its latencies belong to it). */
function medianRound(rounds: LoadResult[]): LoadResult {
  return [...rounds].sort((a, b) => a.rps - b.rps)[Math.floor(rounds.length / 2)];
}

export async function benchApiCommand(options: {
  organizations: number;
  seconds: number;
  connections: number;
  rounds: number;
}): Promise<number> {
  const db = await createScratchDatabase('api');
  const children: ChildProcess[] = [];
  try {
    const population = generatePopulation({ organizations: options.organizations, mentors: 100, seed: 11 });
    await new PopulationLoader(db.dataSource).load(population);
    const password = randomBytes(12).toString('hex');
    const hash = await new PasswordHasher().hash(password);
    await db.dataSource.query(
      `INSERT INTO users (email, password_hash, display_name, roles) VALUES ('bench-admin@bench.test', $1, 'Bench Admin', $2)`,
      [hash, [Role.ADMIN]],
    );
    await db.dataSource.query('ANALYZE');
    const apiPort = 3900 + (process.pid % 50);
    const barePort = apiPort + 50;
    const main = require.resolve('../main');
    children.push(
      await startProcess(
        [
          ...(process.env.BENCH_CPU_PROF
            ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_CPU_PROF]
            : []),
          require.resolve('../../../api/src/main'),
          '--no-worker',
        ],
        benchAppEnv({ port: apiPort, databaseUrl: db.url, redis: true, queuePrefix: 'mlbench' }),
        /Mentorlink is running/,
      ),
    );
    children.push(
      await startProcess(
        [main, 'bare-server', '--port', String(barePort)],
        { DATABASE_URL: db.url },
        /listening/,
      ),
    );
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await Promise.all([waitForHttp(`${apiUrl}/health`), waitForHttp(bareUrl)]);
    const client = new GraphQLClient(apiUrl);
    const { login } = await client.data(
      `mutation($p: String!) { login(email: "bench-admin@bench.test", password: $p) { token } }`,
      { p: password },
    );
    const token = login.token as string;
    const ours = await client.withToken(token).data(BENCH_QUERY);
    const bare = await new GraphQLClient(bareUrl).data(BENCH_QUERY);
    const same = JSON.stringify(ours) === JSON.stringify(bare);
    if (!same) throw new Error('The two servers answer differently; the comparison would be meaningless');

    process.stderr.write('warming up…\n');
    await run(apiUrl, token, options.connections, 2);
    await run(bareUrl, undefined, options.connections, 2);
    // Alternating rounds, median of each: a noisy neighbour on this machine hits both alike.
    const bareRounds: LoadResult[] = [];
    const apiRounds: LoadResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      process.stderr.write(`round ${round + 1}/${options.rounds}: ${options.seconds} s each…\n`);
      bareRounds.push(await run(bareUrl, undefined, options.connections, options.seconds));
      apiRounds.push(await run(apiUrl, token, options.connections, options.seconds));
    }
    const bareResult = medianRound(bareRounds);
    const apiResult = medianRound(apiRounds);
    const ratio = apiResult.rps / bareResult.rps;
    const line = (name: string, r: LoadResult): string =>
      `  ${name.padEnd(34)} ${fmt(r.rps, 0).padStart(6)} req/s   p50 ${r.p50} ms   p99 ${r.p99} ms   errors ${r.errors + r.non2xx}`;
    process.stdout.write(
      [
        `bench:api — organizations(first: 20) with nested fields, ${options.connections} concurrent clients, median of ${options.rounds} alternating ${options.seconds} s rounds, ${options.organizations} organisations (PostgreSQL)`,
        line('Mentorlink API (NestJS + Apollo)', apiResult),
        line('bare @apollo/server (baseline)', bareResult),
        `  throughput ratio: ${fmt(ratio)}×  (target ≥ 0.80×)  ${ratio >= 0.8 ? 'PASS' : 'MISS'}`,
        `  responses identical: ${same}`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await db.drop();
  }
}
