import fc from 'fast-check';
import { Role } from '@app/common';
import { MentorshipRequestsService } from '@app/mentorships';
import { mentorInput, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

/**
 * A model-based property test of the request state machine: random sequences of requests,
 * decisions, expiries and finished mentorships, each driven through the real API (expiry through
 * its job's service call), compared with a plain model after every step, and the database
 * checked for capacity, mentors wanted, counters against row counts, and who may act.
 */

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const UPSERT_MENTOR = `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`;
const REQUEST = `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptMentorshipRequest(id: $id) { mentorship { id } } }`;
const DECLINE = `mutation($id: ID!) { declineMentorshipRequest(id: $id, reason: OTHER) { id } }`;
const CANCEL = `mutation($id: ID!) { cancelMentorshipRequest(id: $id) { id } }`;
const COMPLETE = `mutation($id: ID!) { completeMentorship(id: $id) { id } }`;
const END = `mutation($id: ID!) { endMentorship(id: $id, reason: "Changed plans") { id } }`;

const MAX_OPEN = 3;
const CAPACITIES = [1, 2, 1];
const ORGS_PER_OWNER = 2;
/** Every organisation wants the default: one mentor at once. */
const MENTORS_WANTED = 1;

type Status = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED' | 'EXPIRED' | 'WITHDRAWN';

interface Model {
  requests: Array<{ id: string; org: number; mentor: number; status: Status }>;
  mentorships: Array<{ id: string; org: number; mentor: number; active: boolean }>;
}

interface World {
  t: TestApp;
  owners: SignedIn[];
  /** orgs[i]: id and owner index. */
  orgs: Array<{ id: string; owner: number }>;
  mentors: Array<{ id: string; user: SignedIn; capacity: number }>;
}

const open = (m: Model, org: number) =>
  m.requests.filter((r) => r.org === org && r.status === 'PENDING').length;
const activeOf = (m: Model, mentor: number) =>
  m.mentorships.filter((s) => s.mentor === mentor && s.active).length;
const activeOfOrg = (m: Model, org: number) => m.mentorships.filter((s) => s.org === org && s.active).length;

async function codeOf(
  p: Promise<{ errors?: Array<{ extensions?: Record<string, unknown> }> }>,
): Promise<string> {
  const res = await p;
  return (res.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
}

class RequestCommand implements fc.AsyncCommand<Model, World> {
  constructor(
    readonly org: number,
    readonly mentor: number,
  ) {}
  check = () => true;
  async run(m: Model, w: World): Promise<void> {
    const { id: orgId, owner } = w.orgs[this.org];
    const res = await w.owners[owner].client.request(REQUEST, {
      input: { organizationId: orgId, mentorId: w.mentors[this.mentor].id, message: 'Help' },
    });
    const code = (res.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
    const expected =
      activeOfOrg(m, this.org) >= MENTORS_WANTED
        ? 'MENTORS_WANTED_REACHED'
        : activeOf(m, this.mentor) >= w.mentors[this.mentor].capacity
          ? 'CAPACITY_FULL'
          : m.requests.some((r) => r.org === this.org && r.mentor === this.mentor && r.status === 'PENDING')
            ? 'DUPLICATE_REQUEST'
            : open(m, this.org) >= MAX_OPEN
              ? 'TOO_MANY_OPEN_REQUESTS'
              : 'OK';
    expect(code).toBe(expected);
    if (code === 'OK') {
      m.requests.push({
        id: res.data!.requestMentorship.id,
        org: this.org,
        mentor: this.mentor,
        status: 'PENDING',
      });
    }
    await verify(m, w);
  }
  toString = () => `request(org ${this.org}, mentor ${this.mentor})`;
}

/** A decision on request number `pick` (modulo how many there are). */
abstract class OnRequest implements fc.AsyncCommand<Model, World> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.requests.length > 0;
  protected request(m: Model) {
    return m.requests[this.pick % m.requests.length];
  }
  abstract run(m: Model, w: World): Promise<void>;
}

class AcceptCommand extends OnRequest {
  override async run(m: Model, w: World): Promise<void> {
    const r = this.request(m);
    const res = await w.mentors[r.mentor].user.client.request(ACCEPT, { id: r.id });
    const code = (res.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
    const expected =
      r.status !== 'PENDING'
        ? 'ALREADY_DECIDED'
        : activeOfOrg(m, r.org) >= MENTORS_WANTED
          ? 'MENTORS_WANTED_REACHED'
          : activeOf(m, r.mentor) >= w.mentors[r.mentor].capacity
            ? 'CAPACITY_FULL'
            : 'OK';
    expect(code).toBe(expected);
    if (code === 'OK') {
      r.status = 'ACCEPTED';
      m.mentorships.push({
        id: res.data!.acceptMentorshipRequest.mentorship.id,
        org: r.org,
        mentor: r.mentor,
        active: true,
      });
      // It has the mentors it wants: the organisation's other open requests are withdrawn.
      if (activeOfOrg(m, r.org) >= MENTORS_WANTED) {
        for (const other of m.requests)
          if (other.org === r.org && other.status === 'PENDING') other.status = 'WITHDRAWN';
      }
    }
    await verify(m, w);
  }
  override toString = () => `accept(#${this.pick})`;
}

class DeclineCommand extends OnRequest {
  override async run(m: Model, w: World): Promise<void> {
    const r = this.request(m);
    const code = await codeOf(w.mentors[r.mentor].user.client.request(DECLINE, { id: r.id }));
    expect(code).toBe(r.status === 'PENDING' ? 'OK' : 'ALREADY_DECIDED');
    if (code === 'OK') r.status = 'DECLINED';
    await verify(m, w);
  }
  override toString = () => `decline(#${this.pick})`;
}

class CancelCommand extends OnRequest {
  override async run(m: Model, w: World): Promise<void> {
    const r = this.request(m);
    const code = await codeOf(w.owners[w.orgs[r.org].owner].client.request(CANCEL, { id: r.id }));
    expect(code).toBe(r.status === 'PENDING' ? 'OK' : 'ALREADY_DECIDED');
    if (code === 'OK') r.status = 'CANCELLED';
    await verify(m, w);
  }
  override toString = () => `cancel(#${this.pick})`;
}

class ExpireCommand extends OnRequest {
  override async run(m: Model, w: World): Promise<void> {
    const r = this.request(m);
    await w.t.dataSource.query(
      `UPDATE mentorship_requests SET expires_at = LEAST(expires_at, now() - interval '1 second') WHERE id = $1`,
      [r.id],
    );
    const expired = await w.t.app.get(MentorshipRequestsService).expire(r.id);
    expect(expired).toBe(r.status === 'PENDING');
    if (expired) r.status = 'EXPIRED';
    await verify(m, w);
  }
  override toString = () => `expire(#${this.pick})`;
}

/** Someone who is not party to the request tries to decide it: refused, nothing changes. */
class IntruderCommand extends OnRequest {
  override async run(m: Model, w: World): Promise<void> {
    const r = this.request(m);
    const otherMentor = w.mentors[(r.mentor + 1) % w.mentors.length];
    expect(await codeOf(otherMentor.user.client.request(ACCEPT, { id: r.id }))).toBe('NOT_FOUND');
    const otherOwner = w.owners[(w.orgs[r.org].owner + 1) % w.owners.length];
    expect(await codeOf(otherOwner.client.request(CANCEL, { id: r.id }))).toBe('NOT_FOUND');
    await verify(m, w);
  }
  override toString = () => `intruder(#${this.pick})`;
}

class FinishCommand implements fc.AsyncCommand<Model, World> {
  constructor(
    readonly pick: number,
    readonly complete: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.mentorships.length > 0;
  async run(m: Model, w: World): Promise<void> {
    const s = m.mentorships[this.pick % m.mentorships.length];
    const by = this.complete ? w.mentors[s.mentor].user : w.owners[w.orgs[s.org].owner];
    const code = await codeOf(by.client.request(this.complete ? COMPLETE : END, { id: s.id }));
    expect(code).toBe(s.active ? 'OK' : 'NOT_ACTIVE');
    s.active = false;
    await verify(m, w);
  }
  toString = () => `${this.complete ? 'complete' : 'end'}(mentorship #${this.pick})`;
}

/** The database against the model, and the invariants that hold whatever the model says. */
async function verify(m: Model, w: World): Promise<void> {
  const ds = w.t.dataSource;
  const requestIds = m.requests.map((r) => r.id);
  const rows: Array<{ id: string; status: Status }> = await ds.query(
    `SELECT id, status FROM mentorship_requests WHERE id = ANY($1::uuid[])`,
    [requestIds],
  );
  const statusById = new Map(rows.map((r) => [r.id, r.status]));
  expect(m.requests.map((r) => [r.id, statusById.get(r.id)])).toEqual(
    m.requests.map((r) => [r.id, r.status]),
  );
  const mentors = await ds.query(
    `SELECT m.id, m.capacity, m.active_mentorships,
            (SELECT count(*) FROM mentorships s WHERE s.mentor_id = m.id AND s.status = 'ACTIVE')::int AS rows
       FROM mentor_profiles m WHERE m.id = ANY($1::uuid[])`,
    [w.mentors.map((x) => x.id)],
  );
  for (const row of mentors) {
    expect(row.active_mentorships).toBe(row.rows);
    expect(row.active_mentorships).toBeLessThanOrEqual(row.capacity);
    expect(row.rows).toBe(
      activeOf(
        m,
        w.mentors.findIndex((x) => x.id === row.id),
      ),
    );
  }
  const orgs = await ds.query(
    `SELECT o.id, o.open_requests, o.active_mentorships, o.mentors_wanted,
            (SELECT count(*) FROM mentorship_requests r WHERE r.organization_id = o.id AND r.status = 'PENDING')::int AS pending,
            (SELECT count(*) FROM mentorships s WHERE s.organization_id = o.id AND s.status = 'ACTIVE')::int AS active
       FROM organizations o WHERE o.id = ANY($1::uuid[])`,
    [w.orgs.map((o) => o.id)],
  );
  for (const row of orgs) {
    expect([row.open_requests, row.active_mentorships]).toEqual([row.pending, row.active]);
    expect(row.open_requests).toBeLessThanOrEqual(MAX_OPEN);
    expect(row.active_mentorships).toBeLessThanOrEqual(row.mentors_wanted);
  }
}

describe(`mentorship request state machine, model-based (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let owners: SignedIn[];
  let mentorUsers: SignedIn[];

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    owners = [await t.signUp(Role.MSME_OWNER), await t.signUp(Role.MSME_OWNER)];
    mentorUsers = [];
    for (let i = 0; i < CAPACITIES.length; i++) mentorUsers.push(await t.signUp(Role.MENTOR));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('agrees with the model after every step of random sequences', async () => {
    const request = fc
      .tuple(fc.nat(owners.length * ORGS_PER_OWNER - 1), fc.nat(CAPACITIES.length - 1))
      .map(([o, mentor]) => new RequestCommand(o, mentor));
    // Requests three times as often as each other step, so organisations reach their limit.
    const commands = [
      request,
      request,
      request,
      fc.nat(50).map((p) => new AcceptCommand(p)),
      fc.nat(50).map((p) => new DeclineCommand(p)),
      fc.nat(50).map((p) => new CancelCommand(p)),
      fc.nat(50).map((p) => new ExpireCommand(p)),
      fc.nat(50).map((p) => new IntruderCommand(p)),
      fc.tuple(fc.nat(50), fc.boolean()).map(([p, complete]) => new FinishCommand(p, complete)),
    ];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: 'max' }), async (cmds) => {
        run++;
        // A fresh world per run: new organisations, and mentor profiles reset to no mentorships.
        const orgs: World['orgs'] = [];
        for (let owner = 0; owner < owners.length; owner++) {
          for (let i = 0; i < ORGS_PER_OWNER; i++) {
            const { createOrganization } = await owners[owner].client.data(CREATE_ORG, {
              input: organizationInput({ name: `Run ${run} org ${owner}.${i}` }),
            });
            orgs.push({ id: createOrganization.id, owner });
          }
        }
        await t.dataSource.query(
          `UPDATE mentorships SET status = 'ENDED', ended_at = now() WHERE status = 'ACTIVE'`,
        );
        await t.dataSource.query(`UPDATE mentor_profiles SET active_mentorships = 0`);
        const mentors: World['mentors'] = [];
        for (let i = 0; i < CAPACITIES.length; i++) {
          const { upsertMentorProfile } = await mentorUsers[i].client.data(UPSERT_MENTOR, {
            input: mentorInput({ capacity: CAPACITIES[i] }),
          });
          mentors.push({ id: upsertMentorProfile.id, user: mentorUsers[i], capacity: CAPACITIES[i] });
        }
        const world: World = { t, owners, orgs, mentors };
        const model: Model = { requests: [], mentorships: [] };
        await fc.asyncModelRun(() => ({ model, real: world }), cmds);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
