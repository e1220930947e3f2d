import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PasswordHasher } from '@app/accounts';
import { Role } from '@app/common';
import { PopulationLoader, generatePopulation } from '@app/seed';
import { GraphQLClient } from '@app/testing';
import { benchAppEnv, startProcess, waitForHttp } from '../bench/processes';
import { createScratchDatabase } from '../bench/scratch-database';
import { waitForScoringRun } from '../bench/scoring-run';
import { fmt, percentile } from '../bench/stats';
import { progressBar } from '../progress';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`;
const ME = `query { me { id displayName } }`;
const MY_ORGS = `query { organizations(first: 20, filter: { mine: true }) { totalCount nodes { id name womenLed } } }`;
const RECOMMEND = `query($id: ID!) { recommendedMentors(organizationId: $id, first: 10) {
  score mentor { id displayName } breakdown { code points maxPoints } } }`;
const REQUESTS = `query($status: MentorshipRequestStatus) { mentorshipRequests(first: 20, filter: { status: $status }) {
  nodes { id status organization { id name } mentor { id displayName } } } }`;
const NOTIFICATIONS = `query { notifications(first: 20) { nodes { id kind readAt } } }`;
const ASK = `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`;
const CANCEL = `mutation($id: ID!) { cancelMentorshipRequest(id: $id) { id status } }`;
const ACCEPT = `mutation($id: ID!) { acceptMentorshipRequest(id: $id) { id status } }`;
const DECLINE = `mutation($id: ID!) { declineMentorshipRequest(id: $id, reason: TIMING) { id status } }`;
const MY_PROFILE = `query { myMentorProfile { id } }`;
const FOR_MENTOR = `query($id: ID!) { recommendedOrganizations(mentorId: $id, first: 10) { score organization { id name } } }`;

/** Codes a busy workflow answers by design (a full mentor, a request decided by someone else). */
const EXPECTED_REFUSALS = new Set([
  'CAPACITY_FULL',
  'ALREADY_DECIDED',
  'DUPLICATE_REQUEST',
  'TOO_MANY_OPEN_REQUESTS',
  'NOT_ELIGIBLE',
  'MENTORS_WANTED_REACHED',
  'NOT_FOUND',
]);

interface Tally {
  latencies: Map<string, number[]>;
  refusals: number;
  errors: Map<string, number>;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** Picks an action by weight. */
function weighted<T>(table: ReadonlyArray<[number, T]>): T {
  let r = Math.random() * table.reduce((sum, [w]) => sum + w, 0);
  for (const [w, action] of table) {
    if ((r -= w) < 0) return action;
  }
  return table[table.length - 1][1];
}

/**
 * One simulated user: signs in, then acts as an owner or a mentor does, one operation after the
 * answer to the last (closed loop), until `until`. Each operation's latency is recorded under its
 * name; coded refusals the workflow gives by design count apart from errors.
 */
async function user(
  url: string,
  account: { email: string; role: 'owner' | 'mentor' },
  password: string,
  until: number,
  tally: Tally,
  mix: 'realistic' | 'me',
): Promise<void> {
  const anonymous = new GraphQLClient(url);
  const run = async (
    name: string,
    client: GraphQLClient,
    query: string,
    variables?: Record<string, unknown>,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of a dozen shapes, read loosely
  ): Promise<any> => {
    const started = performance.now();
    try {
      const res = await client.request(query, variables);
      const ms = performance.now() - started;
      const code = res.errors?.[0]?.extensions?.code as string | undefined;
      if (code && EXPECTED_REFUSALS.has(code)) tally.refusals++;
      else if (code || res.status !== 200) {
        const key = `${name}: ${code ?? `HTTP ${res.status}`}`;
        tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1);
        return null;
      }
      const list = tally.latencies.get(name) ?? [];
      list.push(ms);
      tally.latencies.set(name, list);
      return res.data ?? null;
    } catch (err) {
      const key = `${name}: ${(err as Error).message}`;
      tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1);
      return null;
    }
  };
  const signIn = async (): Promise<GraphQLClient | null> => {
    const data = await run('login', anonymous, LOGIN, { e: account.email, p: password });
    return data ? anonymous.withToken(data.login.token as string) : null;
  };
  let client = await signIn();
  if (!client) return;
  if (mix === 'me') {
    while (Date.now() < until) await run('me', client, ME);
    return;
  }
  const orgs: string[] =
    account.role === 'owner'
      ? ((await run('organizations', client, MY_ORGS))?.organizations.nodes ?? []).map(
          (o: { id: string }) => o.id,
        )
      : [];
  const mentorId: string | undefined =
    account.role === 'mentor'
      ? (await run('myMentorProfile', client, MY_PROFILE))?.myMentorProfile?.id
      : undefined;
  while (Date.now() < until) {
    const c: GraphQLClient = client;
    if (account.role === 'owner' && orgs.length > 0) {
      const org = pick(orgs);
      await weighted<() => Promise<unknown>>([
        [35, () => run('recommendedMentors', c, RECOMMEND, { id: org })],
        [15, () => run('organizations', c, MY_ORGS)],
        [12, () => run('mentorshipRequests', c, REQUESTS, { status: 'PENDING' })],
        [10, () => run('notifications', c, NOTIFICATIONS)],
        [10, () => run('me', c, ME)],
        [
          12,
          async () => {
            const recs: Array<{ mentor: { id: string } }> =
              (await run('recommendedMentors', c, RECOMMEND, { id: org }))?.recommendedMentors ?? [];
            if (recs.length === 0) return;
            await run('requestMentorship', c, ASK, {
              input: {
                organizationId: org,
                mentorId: pick(recs).mentor.id,
                message: 'We would value your advice.',
              },
            });
          },
        ],
        [
          4,
          async () => {
            const open: Array<{ id: string }> =
              (await run('mentorshipRequests', c, REQUESTS, { status: 'PENDING' }))?.mentorshipRequests
                .nodes ?? [];
            if (open.length > 0) await run('cancelMentorshipRequest', c, CANCEL, { id: pick(open).id });
          },
        ],
        [2, async () => (client = (await signIn()) ?? client)],
      ])();
    } else if (mentorId) {
      await weighted<() => Promise<unknown>>([
        [30, () => run('mentorshipRequests', c, REQUESTS, { status: 'PENDING' })],
        [
          30,
          async () => {
            const open: Array<{ id: string }> =
              (await run('mentorshipRequests', c, REQUESTS, { status: 'PENDING' }))?.mentorshipRequests
                .nodes ?? [];
            if (open.length === 0) return;
            const id = pick(open).id;
            if (Math.random() < 0.7) await run('acceptMentorshipRequest', c, ACCEPT, { id });
            else await run('declineMentorshipRequest', c, DECLINE, { id });
          },
        ],
        [20, () => run('recommendedOrganizations', c, FOR_MENTOR, { id: mentorId })],
        [18, () => run('notifications', c, NOTIFICATIONS)],
        [2, async () => (client = (await signIn()) ?? client)],
      ])();
    } else {
      await run('me', c, ME);
    }
  }
}

/** The workflow's invariants, read from the database: each returns the rows that break it. */
const INVARIANTS: Array<[string, string]> = [
  [
    'mentors within capacity, counters equal to their running mentorships',
    `SELECT m.id FROM mentor_profiles m
      WHERE m.active_mentorships > m.capacity
         OR m.active_mentorships <> (SELECT count(*) FROM mentorships s WHERE s.mentor_id = m.id AND s.status = 'ACTIVE')`,
  ],
  [
    'organisations within mentorsWanted, counters equal to their rows',
    `SELECT o.id FROM organizations o
      WHERE o.active_mentorships > o.mentors_wanted
         OR o.active_mentorships <> (SELECT count(*) FROM mentorships s WHERE s.organization_id = o.id AND s.status = 'ACTIVE')
         OR o.open_requests <> (SELECT count(*) FROM mentorship_requests r WHERE r.organization_id = o.id AND r.status = 'PENDING')`,
  ],
  [
    'at most one open request per pair',
    `SELECT organization_id FROM mentorship_requests WHERE status = 'PENDING'
      GROUP BY organization_id, mentor_id HAVING count(*) > 1`,
  ],
];

/**
 * `npm run bench:load`: many users at once, in services mode (an API process and a worker process
 * on PostgreSQL and Redis): owners browse recommendations and their lists, ask mentors and cancel;
 * mentors read, accept and decline; everyone reads notifications and now and then signs in again.
 * Prints operations per second, latency per operation, errors, and the workflow's invariants
 * afterwards; the baseline is the same users asking only `me` for the same time.
 */
export async function benchLoadCommand(options: {
  clients: number;
  seconds: number;
  organizations: number;
  mentors: number;
}): Promise<number> {
  const db = await createScratchDatabase('load');
  const children: ChildProcess[] = [];
  try {
    process.stderr.write(`loading ${options.organizations} organisations and ${options.mentors} mentors…\n`);
    const population = generatePopulation({
      organizations: options.organizations,
      mentors: options.mentors,
      seed: 29,
    });
    await new PopulationLoader(db.dataSource).load(population);
    // Every generated account signs in with one bench password.
    const password = randomBytes(12).toString('hex');
    await db.dataSource.query(`UPDATE users SET password_hash = $1`, [
      await new PasswordHasher().hash(password),
    ]);
    await db.dataSource.query(`UPDATE mentor_profiles SET accepting_requests = true`);
    await db.dataSource.query('ANALYZE');
    const owners: string[] = (
      await db.dataSource.query(
        `SELECT DISTINCT u.email FROM users u JOIN organizations o ON o.owner_id = u.id WHERE $1 = ANY(u.roles)`,
        [Role.MSME_OWNER],
      )
    ).map((r: { email: string }) => r.email);
    const mentors: string[] = (
      await db.dataSource.query(`SELECT u.email FROM users u JOIN mentor_profiles m ON m.user_id = u.id`)
    ).map((r: { email: string }) => r.email);
    const port = 3850 + (process.pid % 50);
    const env = benchAppEnv({
      port,
      databaseUrl: db.url,
      redis: true,
      queuePrefix: 'mlbench-load',
      throttleWindowSeconds: 1,
    });
    children.push(
      await startProcess(
        [require.resolve('../../../api/src/main'), '--no-worker'],
        env,
        /Mentorlink is running/,
      ),
    );
    children.push(await startProcess([require.resolve('../../../worker/src/main')], env, /Worker ready/));
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health`);
    await waitForScoringRun(db, 'first full scoring run');

    const accounts = Array.from({ length: options.clients }, (_, i) =>
      i % 4 === 3
        ? { email: mentors[i % mentors.length], role: 'mentor' as const }
        : { email: owners[i % owners.length], role: 'owner' as const },
    );
    const phase = async (mix: 'realistic' | 'me', seconds: number): Promise<Tally & { seconds: number }> => {
      const tally: Tally = { latencies: new Map(), refusals: 0, errors: new Map() };
      const started = Date.now();
      const until = started + seconds * 1000;
      const bar = progressBar(
        `${mix === 'me' ? 'baseline (me only)' : 'realistic mix'}, ${options.clients} users`,
      );
      const timer = setInterval(
        () => bar.update(Math.min(seconds, (Date.now() - started) / 1000), seconds),
        500,
      );
      await Promise.all(accounts.map((a) => user(url, a, password, until, tally, mix)));
      clearInterval(timer);
      bar.stop();
      return { ...tally, seconds: (Date.now() - started) / 1000 };
    };
    const mix = await phase('realistic', options.seconds);
    const base = await phase('me', Math.max(10, Math.round(options.seconds / 3)));

    const operations = (t: Tally): number =>
      [...t.latencies.values()].reduce((n, l) => n + l.length, 0) + t.refusals;
    const all = (t: Tally): number[] => [...t.latencies.values()].flat().sort((a, b) => a - b);
    const mixOps = operations(mix) / mix.seconds;
    const baseOps = operations(base) / base.seconds;
    const mixAll = all(mix);
    const lines = [
      `bench:load — ${options.clients} users for ${options.seconds} s, services mode (API and a worker process, PostgreSQL, Redis), ${options.organizations} organisations, ${options.mentors} mentors`,
      `  realistic mix:   ${fmt(mixOps, 0)} operations/s   p50 ${fmt(percentile(mixAll, 50), 0)} ms   p95 ${fmt(percentile(mixAll, 95), 0)} ms   refusals by design ${mix.refusals}   errors ${[...mix.errors.values()].reduce((a, b) => a + b, 0)}`,
      `  baseline (me):   ${fmt(baseOps, 0)} operations/s   p95 ${fmt(percentile(all(base), 95), 0)} ms`,
      `  throughput ratio mix / baseline: ${fmt(mixOps / baseOps)}×`,
      '  per operation:',
      ...[...mix.latencies.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, l]) => {
          const sorted = [...l].sort((a, b) => a - b);
          return `    ${name.padEnd(26)} ${String(sorted.length).padStart(7)}   p50 ${fmt(percentile(sorted, 50), 0).padStart(5)} ms   p95 ${fmt(percentile(sorted, 95), 0).padStart(5)} ms`;
        }),
    ];
    for (const [phaseName, t] of [
      ['mix', mix],
      ['baseline', base],
    ] as const) {
      for (const [key, n] of t.errors) lines.push(`  error (${phaseName}) ${key}: ${n}`);
    }
    let broken = 0;
    for (const [name, sql] of INVARIANTS) {
      const rows = await db.dataSource.query(sql);
      broken += rows.length;
      lines.push(`  invariant: ${name}: ${rows.length === 0 ? 'PASS' : `MISS (${rows.length})`}`);
    }
    const [{ mentorships, requests }] = await db.dataSource.query(
      `SELECT (SELECT count(*) FROM mentorships)::int AS mentorships, (SELECT count(*) FROM mentorship_requests)::int AS requests`,
    );
    lines.push(`  written: ${requests} requests, ${mentorships} mentorships`, '');
    process.stdout.write(lines.join('\n'));
    return broken > 0 || mix.errors.size + base.errors.size > 0 ? 1 : 0;
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await db.drop();
  }
}
