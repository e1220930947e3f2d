import { isDeepStrictEqual } from 'node:util';
import { Role } from '@app/common';
import { Random } from '@app/seed';
import { mentorInput, organizationInput, sleep } from '@app/testing';
import {
  inconsistentHeaders,
  referenceLists,
  storedLists,
  type AllLists,
} from '@app/testing/recommendation-lists';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const K = 3;
const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const UPDATE_ORG = `mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`;
const DELETE_ORG = `mutation($id: ID!) { deleteOrganization(id: $id) { id } }`;
const UPSERT_MENTOR = `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`;
const RECOMMENDED_MENTORS = `query($id: ID!, $first: Int) {
  recommendedMentors(organizationId: $id, first: $first) {
    mentor { id displayName } score engineVersion computedAt breakdown { code points maxPoints reason }
  }
}`;
const RECOMMENDED_ORGS = `query($id: ID!, $first: Int) {
  recommendedOrganizations(mentorId: $id, first: $first) { organization { id name } score breakdown { code points } }
}`;
const RECOMPUTE = `mutation { recomputeAllScores { id status } }`;
const RUN = `query($id: ID!) { scoringRun(id: $id) { id status progress processed total shards shardsDone finishedAt error } }`;

/** Freshness target: a profile change shows in recommendations within this long. */
const FRESH_MS = 2000;

describe(`recommendations (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let admin: SignedIn;
  let owner: SignedIn;
  let otherOwner: SignedIn;
  const mentors: Array<{ user: SignedIn; id: string }> = [];
  const orgs: string[] = [];

  /** Waits until the stored lists equal the reference; returns how long that took. */
  async function settled(timeoutMs = FRESH_MS): Promise<number> {
    const started = Date.now();
    let stored: AllLists | undefined;
    let expected: AllLists | undefined;
    while (Date.now() - started <= timeoutMs) {
      [stored, expected] = await Promise.all([storedLists(t.dataSource), referenceLists(t.dataSource, K)]);
      if (isDeepStrictEqual(stored, expected)) {
        expect(await inconsistentHeaders(t.dataSource)).toEqual([]);
        return Date.now() - started;
      }
      await sleep(25);
    }
    expect(stored).toEqual(expected);
    return Date.now() - started;
  }

  beforeAll(async () => {
    t = await startTestApp(createApiApp, { env: { RECOMMENDATIONS_K: String(K), SCORING_SHARD_SIZE: '2' } });
    admin = await t.signUp(Role.ADMIN);
    owner = await t.signUp(Role.MSME_OWNER);
    otherOwner = await t.signUp(Role.MSME_OWNER);
    const profiles = [
      mentorInput(),
      mentorInput({ economy: 'TH', economies: [], languages: ['th'], expertiseTopics: ['E_COMMERCE'] }),
      mentorInput({ economy: 'SG', expertiseSectors: ['C'], languages: ['en'], gender: 'MAN' }),
      mentorInput({
        economy: 'VN',
        expertiseSectors: ['A'],
        languages: ['vi'],
        expertiseTopics: ['FINANCE'],
      }),
      mentorInput({ economy: 'TH', expertiseSectors: ['10'], expertiseTopics: ['EXPORT', 'E_COMMERCE'] }),
      mentorInput({ economy: 'PH', expertiseSectors: ['G'], economies: ['SG'], acceptingRequests: false }),
    ];
    for (const input of profiles) {
      const user = await t.signUp(Role.MENTOR);
      const { upsertMentorProfile } = await user.client.data(UPSERT_MENTOR, { input });
      mentors.push({ user, id: upsertMentorProfile.id });
    }
    const inputs = [
      organizationInput(),
      organizationInput({ name: 'Hanoi Rice', economy: 'VN', isicDivision: '01', languages: ['vi'] }),
      organizationInput({
        name: 'Manila Retail',
        economy: 'PH',
        isicDivision: '47',
        locality: 'METROPOLITAN',
      }),
      organizationInput({
        name: 'Lampang Ceramics',
        isicDivision: '23',
        locality: 'RURAL',
        needs: ['EXPORT'],
      }),
      organizationInput({ name: 'Penang Parts', economy: 'MY', isicDivision: '29', languages: ['ms', 'en'] }),
    ];
    for (const input of inputs) {
      const { createOrganization } = await owner.client.data(CREATE_ORG, { input });
      orgs.push(createOrganization.id);
    }
    await settled(10_000);
  });
  afterAll(() => t?.close());

  it('explains each recommendation: six components whose points add up to the score, best first', async () => {
    const { recommendedMentors: found } = await owner.client.data(RECOMMENDED_MENTORS, {
      id: orgs[0],
      first: 3,
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(3);
    for (const r of found) {
      expect(r.engineVersion).toBe('score-1');
      expect(r.breakdown.map((c: { code: string }) => c.code)).toEqual([
        'SECTOR',
        'ECONOMY',
        'INTERNATIONALIZATION',
        'WOMEN_LED',
        'TOPICS',
        'LOCALITY',
      ]);
      expect(r.breakdown.reduce((sum: number, c: { points: number }) => sum + c.points, 0)).toBe(r.score);
      expect(r.breakdown.reduce((sum: number, c: { maxPoints: number }) => sum + c.maxPoints, 0)).toBe(100);
      for (const c of r.breakdown) expect(c.reason.length).toBeGreaterThan(0);
    }
    const scores = found.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The factory pair: same division 10, worked in Thailand, one of two target markets (Japan),
    // women-led, one of two needs, sub-regional.
    const factory = found.find((r: { mentor: { id: string } }) => r.mentor.id === mentors[0].id);
    expect(factory.score).toBe(25 + 7 + 10 + 10 + 13 + 6);
    expect(factory.breakdown[0].reason).toBe('Same ISIC division 10 — Manufacture of food products');
    expect(factory.breakdown[2].reason).toBe('Has worked in Japan, one of your target markets');
  });

  it('leaves out mentors without a shared language and mentors not taking requests', async () => {
    const { recommendedMentors: found } = await owner.client.data(RECOMMENDED_MENTORS, {
      id: orgs[0],
      first: 3,
    });
    const ids = found.map((r: { mentor: { id: string } }) => r.mentor.id);
    expect(ids).not.toContain(mentors[3].id); // Vietnamese only
    expect(ids).not.toContain(mentors[5].id); // not accepting requests
  });

  it('moves recommendations within 2 seconds of any profile change, through a random sequence of changes', async () => {
    const random = new Random(7);
    const topics = ['EXPORT', 'E_COMMERCE', 'FINANCE', 'MARKETING', 'DIGITAL_TRANSFORMATION', 'LEGAL_IP'];
    const sectors = ['10', '01', '23', '29', '47', 'C', 'G', 'A'];
    const languages = [['en'], ['th'], ['vi'], ['th', 'en'], ['ms', 'en'], ['ja', 'en']];
    const timings: number[] = [];
    for (let step = 0; step < 12; step++) {
      const kind = random.int(0, 3);
      if (kind <= 1) {
        const m = random.pick(mentors);
        await m.user.client.data(UPSERT_MENTOR, {
          input: {
            expertiseTopics: random.sample(topics, random.int(1, 3)),
            expertiseSectors: random.sample(sectors, random.int(1, 2)),
            languages: random.pick(languages),
            acceptingRequests: random.chance(0.8),
          },
        });
      } else if (kind === 2) {
        await owner.client.data(UPDATE_ORG, {
          id: random.pick(orgs),
          input: {
            needs: random.sample(topics, random.int(1, 3)),
            languages: random.pick(languages),
            prefersWomanMentor: random.chance(0.3),
          },
        });
      } else {
        const { createOrganization } = await owner.client.data(CREATE_ORG, {
          input: organizationInput({ name: `Org ${step}`, isicDivision: random.pick(['10', '23', '47']) }),
        });
        orgs.push(createOrganization.id);
      }
      timings.push(await settled());
    }
    // A deleted organisation leaves the mentors' lists, which are topped up.
    const deleted = orgs.shift() as string;
    await owner.client.data(DELETE_ORG, { id: deleted });
    timings.push(await settled());
    expect(Math.max(...timings)).toBeLessThanOrEqual(FRESH_MS);
  });

  it('lets owners, their program managers and admins read an organisation’s list, nobody else', async () => {
    expect(await otherOwner.client.errorCode(RECOMMENDED_MENTORS, { id: orgs[0] })).toBe('NOT_FOUND');
    expect(await mentors[0].user.client.errorCode(RECOMMENDED_MENTORS, { id: orgs[0] })).toBe('NOT_FOUND');
    const economy = (
      await t.dataSource.query('SELECT economy FROM organizations WHERE id = $1', [orgs[0]])
    )[0].economy;
    const pm = await t.signUp(Role.PROGRAM_MANAGER, { economies: [economy] });
    const otherPm = await t.signUp(Role.PROGRAM_MANAGER, { economies: [economy === 'CL' ? 'PE' : 'CL'] });
    expect(await pm.client.errorCode(RECOMMENDED_MENTORS, { id: orgs[0] })).toBeUndefined();
    expect(await otherPm.client.errorCode(RECOMMENDED_MENTORS, { id: orgs[0] })).toBe('NOT_FOUND');
    expect(await admin.client.errorCode(RECOMMENDED_MENTORS, { id: orgs[0] })).toBeUndefined();
    expect(await t.client.errorCode(RECOMMENDED_MENTORS, { id: orgs[0] })).toBe('UNAUTHENTICATED');
  });

  it('gives mentors their own list of organisations, and nobody else’s', async () => {
    const { recommendedOrganizations: found } = await mentors[0].user.client.data(RECOMMENDED_ORGS, {
      id: mentors[0].id,
      first: K,
    });
    const expected = (await referenceLists(t.dataSource, K)).mentors[mentors[0].id];
    expect(
      found.map((r: { organization: { id: string }; score: number }) => `${r.organization.id}:${r.score}`),
    ).toEqual(expected);
    expect(await mentors[1].user.client.errorCode(RECOMMENDED_ORGS, { id: mentors[0].id })).toBe('FORBIDDEN');
    expect(await owner.client.errorCode(RECOMMENDED_ORGS, { id: mentors[0].id })).toBe('FORBIDDEN');
  });

  it('gives at most the stored list, and rejects bad paging and malformed ids with coded errors', async () => {
    const reference = await referenceLists(t.dataSource, K);
    const full = orgs.find((id) => reference.organizations[id].length === K) as string;
    const { recommendedMentors: all } = await owner.client.data(RECOMMENDED_MENTORS, { id: full, first: 50 });
    expect(all.length).toBe(K);
    expect(await owner.client.errorCode(RECOMMENDED_MENTORS, { id: orgs[0], first: 0 })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await owner.client.errorCode(RECOMMENDED_MENTORS, { id: 'nope' })).toBe('BAD_USER_INPUT');
  });

  it('recomputes everything in a sharded full run with the same result, admins only', async () => {
    expect(await owner.client.errorCode(RECOMPUTE)).toBe('FORBIDDEN');
    // Start from scratch: the full run must rebuild every list.
    await t.dataSource.query('DELETE FROM organization_recommendations');
    await t.dataSource.query('DELETE FROM mentor_recommendations');
    const { recomputeAllScores: run } = await admin.client.data(RECOMPUTE);
    let state: any;
    const deadline = Date.now() + 20_000;
    do {
      await sleep(50);
      state = (await admin.client.data(RUN, { id: run.id })).scoringRun;
    } while (state.status !== 'COMPLETED' && state.status !== 'FAILED' && Date.now() < deadline);
    expect(state).toMatchObject({ status: 'COMPLETED', progress: 100, error: null });
    expect(state.processed).toBe(state.total);
    expect(state.total).toBe(orgs.length + mentors.length);
    // Shards of 2 profiles: ceil(orgs/2) + ceil(mentors/2).
    expect(state.shards).toBe(Math.ceil(orgs.length / 2) + Math.ceil(mentors.length / 2));
    expect(state.shardsDone).toBe(state.shards);
    expect(await storedLists(t.dataSource)).toEqual(await referenceLists(t.dataSource, K));
    expect(await inconsistentHeaders(t.dataSource)).toEqual([]);
    // Finished runs are not reused: a new request starts a new run.
    const { recomputeAllScores: again } = await admin.client.data(RECOMPUTE);
    expect(again.id).not.toBe(run.id);
  });
});
