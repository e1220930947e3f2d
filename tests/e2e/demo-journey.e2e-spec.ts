import { GraphQLClient } from '@app/testing';
import { startTestApp, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

/**
 * The whole mentorship journey on the demo data, with the demo logins only: request, accept,
 * goals and sessions, completion, feedback from both sides, outcomes, a case study.
 */
describe(`the mentorship journey on the demo data (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  const as: Record<'owner' | 'mentor' | 'manager', GraphQLClient> = {} as never;

  beforeAll(async () => {
    t = await startTestApp(createApiApp, { env: { DEMO_DATA: 'true', DEMO_PASSWORD: 'demo1234' } });
    for (const who of ['owner', 'mentor', 'manager'] as const) {
      const { login } = await t.client.data(LOGIN, { email: `${who}@demo.test`, password: 'demo1234' });
      as[who] = t.client.withToken(login.token);
    }
    // The first full scoring run, started at boot.
    await t.settle(60_000);
  }, 90_000);

  afterAll(async () => {
    await t?.close();
  });

  it('runs from a request to a featured outcome', async () => {
    // The demo mentor starts with requests waiting, and has been told.
    const inbox = await as.mentor.data(
      `{ mentorshipRequests(filter: { status: PENDING }) { totalCount nodes { organization { name } goals } } }`,
    );
    expect(inbox.mentorshipRequests.totalCount).toBe(2);
    const received = await as.mentor.data(`{ notifications(unreadOnly: true) { totalCount } }`);
    expect(received.notifications.totalCount).toBe(2);

    // The owner looks at recommendations for their first organisation and asks the demo mentor.
    const { organizations } = await as.owner.data(`{ organizations(first: 1) { nodes { id name } } }`);
    const org = organizations.nodes[0];
    const { recommendedMentors } = await as.owner.data(
      `query($id: ID!) { recommendedMentors(organizationId: $id, first: 5) { score breakdown { code points } } }`,
      { id: org.id },
    );
    expect(recommendedMentors.length).toBeGreaterThan(0);
    const { myMentorProfile } = await as.mentor.data(`{ myMentorProfile { id } }`);
    const { requestMentorship } = await as.owner.data(
      `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id status } }`,
      {
        input: {
          organizationId: org.id,
          mentorId: myMentorProfile.id,
          message: 'We want to sell our products in two neighbouring economies.',
          goals: ['A distributor abroad'],
        },
      },
    );
    expect(requestMentorship.status).toBe('PENDING');

    const { acceptMentorshipRequest } = await as.mentor.data(
      `mutation($id: ID!) { acceptMentorshipRequest(id: $id) { status mentorship { id goals { id title } } } }`,
      { id: requestMentorship.id },
    );
    const mentorship = acceptMentorshipRequest.mentorship;
    expect(mentorship.goals.map((g: { title: string }) => g.title)).toEqual(['A distributor abroad']);

    await as.mentor.data(
      `mutation($id: ID!, $input: LogSessionInput!) { logMentorshipSession(mentorshipId: $id, input: $input) { id } }`,
      {
        id: mentorship.id,
        input: {
          heldOn: new Date().toISOString().slice(0, 10),
          minutes: 45,
          topics: ['EXPORT'],
          notes: 'Plan',
        },
      },
    );
    await as.owner.data(`mutation($id: ID!) { updateMentorshipGoal(id: $id, status: ACHIEVED) { id } }`, {
      id: mentorship.goals[0].id,
    });
    await as.owner.data(`mutation($id: ID!) { completeMentorship(id: $id) { status } }`, {
      id: mentorship.id,
    });
    for (const [who, rating] of [
      ['owner', 5],
      ['mentor', 4],
    ] as const) {
      await as[who].data(
        `mutation($id: ID!, $r: Int!) { submitMentorshipFeedback(mentorshipId: $id, rating: $r) { side } }`,
        { id: mentorship.id, r: rating },
      );
    }
    const { reportMentorshipOutcomes } = await as.owner.data(
      `mutation($id: ID!, $o: [OutcomeInput!]!) { reportMentorshipOutcomes(mentorshipId: $id, outcomes: $o) { id } }`,
      { id: mentorship.id, o: [{ kind: 'PARTNERSHIP', note: 'A distributor signed' }] },
    );
    // The demo program manager manages every economy.
    await as.manager.data(
      `mutation($id: ID!) { markOutcomeCaseStudy(outcomeId: $id, narrative: "From a town to two markets") { id } }`,
      { id: reportMentorshipOutcomes[0].id },
    );

    const { mentorship: done } = await as.manager.data(
      `query($id: ID!) { mentorship(id: $id) {
        status sessions { minutes } goals { status } feedback { side rating } outcomes { kind caseStudy }
      } }`,
      { id: mentorship.id },
    );
    expect(done).toEqual({
      status: 'COMPLETED',
      sessions: [{ minutes: 45 }],
      goals: [{ status: 'ACHIEVED' }],
      feedback: expect.arrayContaining([
        { side: 'ORGANIZATION', rating: 5 },
        { side: 'MENTOR', rating: 4 },
      ]),
      outcomes: [{ kind: 'PARTNERSHIP', caseStudy: true }],
    });
  });

  it('runs the three algorithms on a demo forum, meets a target or says why not, and publishes', async () => {
    const { programs } = await as.manager.data(`{ programs { id name cohort { organizations mentors } } }`);
    expect(programs.map((p: { name: string }) => p.name).sort()).toEqual([
      'Forum I — Russia (2019)',
      'Forum II — Thailand (2019)',
      'Forum III — The Philippines (2019)',
      'Summit — Chinese Taipei (2019)',
    ]);
    const forum = programs.find((p: { name: string }) => p.name.startsWith('Forum II'));
    expect(forum.cohort.organizations).toBeGreaterThan(0);
    const start = async (input: Record<string, unknown>) => {
      const { startMatchingRound } = await as.manager.data(
        `mutation($p: ID!, $input: MatchingRoundInput!) { startMatchingRound(programId: $p, input: $input) { id } }`,
        { p: forum.id, input },
      );
      await t.settle();
      return (
        await as.manager.data(
          `query($id: ID!) { matchingRound(id: $id) { id status error summary { totalScore pairs gapToOptimal
            womenLed { matchedShare required } } } }`,
          { id: startMatchingRound.id },
        )
      ).matchingRound;
    };
    const optimal = await start({ algorithm: 'OPTIMAL', maxMentorsPerOrganization: 2 });
    expect(optimal.status).toBe('PROPOSED');
    expect(optimal.summary.pairs).toBeGreaterThan(0);
    for (const algorithm of ['GREEDY', 'STABLE']) {
      const other = await start({ algorithm, maxMentorsPerOrganization: 2 });
      expect(other.summary.totalScore).toBeLessThanOrEqual(optimal.summary.totalScore);
      expect(other.summary.gapToOptimal).toBeLessThanOrEqual(1);
    }
    const targeted = await start({
      algorithm: 'OPTIMAL',
      maxMentorsPerOrganization: 2,
      minWomenLedShare: 0.5,
    });
    if (targeted.status === 'PROPOSED') {
      expect(targeted.summary.womenLed.matchedShare).toBeGreaterThanOrEqual(0.5);
    } else {
      expect(targeted.status).toBe('FAILED');
      expect(targeted.error).toMatch(/minWomenLedShare 0.5 cannot be met: the highest share reachable is/);
    }
    const { publishMatchingRound } = await as.manager.data(
      `mutation($id: ID!) { publishMatchingRound(id: $id) { sent skipped round { status } } }`,
      { id: optimal.id },
    );
    expect(publishMatchingRound.round.status).toBe('PUBLISHED');
    expect(publishMatchingRound.sent + publishMatchingRound.skipped).toBe(optimal.summary.pairs);
    expect(publishMatchingRound.sent).toBeGreaterThan(0);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications nt JOIN mentorship_requests r ON r.id = nt.request_id
        WHERE r.source = 'ROUND' AND nt.kind = 'REQUEST_RECEIVED'`,
    );
    expect(n).toBe(publishMatchingRound.sent);
  });
});
