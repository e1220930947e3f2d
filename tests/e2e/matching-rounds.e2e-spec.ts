import { Role } from '@app/common';
import { solveLp } from '@app/assignment/testing';
import type { AssignmentProblem } from '@app/assignment';
import { mentorInput, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const CREATE_PROGRAM = `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id economies } }`;
const ADD = `mutation($p: ID!, $o: [ID!], $m: [ID!]) {
  addProgramMembers(programId: $p, organizationIds: $o, mentorIds: $m) { id cohort { organizations mentors } }
}`;
const START = `mutation($p: ID!, $input: MatchingRoundInput!) { startMatchingRound(programId: $p, input: $input) { id status } }`;
const ROUND = `query($id: ID!) { matchingRound(id: $id) {
  status progress error
  summary { candidates totalScore pairs organizations optimalTotal gapToOptimal
    unmatched { noCandidates noCapacityLeft notChosen } womenLed { cohortShare matchedShare required } }
  pairs { organizationId mentorId score breakdown { code points } }
} }`;
const REVISE = `mutation($id: ID!, $remove: [RoundPairInput!], $add: [RoundPairInput!]) {
  reviseMatchingRound(id: $id, remove: $remove, add: $add) { status summary { pairs totalScore } }
}`;
const INTEREST = `mutation($o: ID!, $m: ID!, $i: MatchInterest) {
  setMatchInterest(organizationId: $o, mentorId: $m, interest: $i) { side interest }
}`;
const PUBLISH = `mutation($id: ID!) { publishMatchingRound(id: $id) { sent skipped round { status } } }`;
const EXPORT = `query($id: ID!) { exportMatchingRound(id: $id) { candidatesCsv organizationsCsv mentorsCsv } }`;

/** The exported CSVs as an assignment problem, read back independently of the service. */
function problemFromCsv(csv: { candidatesCsv: string; organizationsCsv: string; mentorsCsv: string }) {
  const rows = (text: string) =>
    text
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(','));
  const orgs = rows(csv.organizationsCsv);
  const mentors = rows(csv.mentorsCsv);
  const orgIndex = new Map(orgs.map(([id], i) => [id, i]));
  const mentorIndex = new Map(mentors.map(([id], i) => [id, i]));
  const byOrg: Array<Array<[number, number, boolean]>> = orgs.map(() => []);
  for (const [o, m, score, assigned] of rows(csv.candidatesCsv)) {
    byOrg[orgIndex.get(o)!].push([mentorIndex.get(m)!, Number(score), assigned === '1']);
  }
  const orgStart = [0];
  const arcs = byOrg.flat();
  byOrg.forEach((list) => orgStart.push(orgStart[orgStart.length - 1] + list.length));
  const problem: AssignmentProblem = {
    orgCount: orgs.length,
    mentorCount: mentors.length,
    orgStart: Int32Array.from(orgStart),
    arcMentor: Int32Array.from(arcs.map((a) => a[0])),
    arcScore: Int32Array.from(arcs.map((a) => a[1])),
    orgCapacity: Int32Array.from(orgs.map((o) => Number(o[1]))),
    mentorCapacity: Int32Array.from(mentors.map((m) => Number(m[1]))),
  };
  const assignedTotal = arcs.filter((a) => a[2]).reduce((sum, a) => sum + a[1], 0);
  return { problem, assignedTotal };
}

describe(`programmes and matching rounds (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let manager: SignedIn;
  let owner: SignedIn;
  let programId: string;
  const mentors: Array<{ user: SignedIn; id: string }> = [];
  const orgs: string[] = [];

  async function finished(id: string) {
    await t.settle();
    return (await manager.client.data(ROUND, { id })).matchingRound;
  }

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    manager = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    owner = await t.signUp(Role.MSME_OWNER);
    for (let i = 0; i < 8; i++) {
      const { createOrganization } = await owner.client.data(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
        {
          input: organizationInput({
            name: `Cohort ${i}`,
            womenOwnershipPercent: i % 4 === 0 ? 60 : 0,
            womanInTopManagement: i % 4 === 0,
            needs: i % 2 ? ['EXPORT'] : ['FINANCE'],
          }),
        },
      );
      orgs.push(createOrganization.id);
    }
    for (const [capacity, topics] of [
      [2, ['EXPORT']],
      [1, ['FINANCE']],
      [2, ['EXPORT', 'FINANCE']],
    ] as const) {
      const user = await t.signUp(Role.MENTOR);
      const { upsertMentorProfile } = await user.client.data(
        `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
        { input: mentorInput({ capacity, expertiseTopics: topics }) },
      );
      mentors.push({ user, id: upsertMentorProfile.id });
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it('creates a programme within the manager’s economies and builds its cohort', async () => {
    const input = {
      name: 'Forum II, Thailand',
      economies: ['TH'],
      startsOn: '2019-08-01',
      endsOn: '2019-12-31',
    };
    expect(
      await manager.client.errorCode(CREATE_PROGRAM, { input: { ...input, economies: ['TH', 'VN'] } }),
    ).toBe('FORBIDDEN');
    expect(
      await manager.client.errorCode(CREATE_PROGRAM, { input: { ...input, endsOn: '2019-02-30' } }),
    ).toBe('BAD_USER_INPUT');
    expect(await owner.client.errorCode(CREATE_PROGRAM, { input })).toBe('FORBIDDEN');
    programId = (await manager.client.data(CREATE_PROGRAM, { input })).createProgram.id;
    const { addProgramMembers } = await manager.client.data(ADD, {
      p: programId,
      o: orgs,
      m: mentors.map((m) => m.id),
    });
    expect(addProgramMembers.cohort).toEqual({ organizations: 8, mentors: 3 });
    const other = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['VN'] });
    expect(await other.client.errorCode(ADD, { p: programId, o: [], m: [] })).toBe('NOT_FOUND');
  });

  it('proposes the exact optimum, which an independent solver confirms from the export', async () => {
    const { startMatchingRound } = await manager.client.data(START, {
      p: programId,
      input: { algorithm: 'OPTIMAL', maxMentorsPerOrganization: 1 },
    });
    expect(startMatchingRound.status).toBe('QUEUED');
    const round = await finished(startMatchingRound.id);
    expect(round.status).toBe('PROPOSED');
    expect(round.progress).toBe(100);
    // 5 places among 3 mentors, 8 organisations wanting one each.
    expect(round.summary.pairs).toBe(5);
    expect(round.summary.organizations).toBe(8);
    expect(round.summary.unmatched.notChosen).toBe(3);
    expect(round.pairs).toHaveLength(5);

    const { exportMatchingRound } = await manager.client.data(EXPORT, { id: startMatchingRound.id });
    expect(exportMatchingRound.candidatesCsv.split('\n')[0]).toBe('organization_id,mentor_id,score,assigned');
    const { problem, assignedTotal } = problemFromCsv(exportMatchingRound);
    expect(assignedTotal).toBe(round.summary.totalScore);
    expect(await solveLp(problem)).toBe(round.summary.totalScore);

    const greedy = await manager.client.data(START, { p: programId, input: { algorithm: 'GREEDY' } });
    const greedyRound = await finished(greedy.startMatchingRound.id);
    expect(greedyRound.summary.optimalTotal).toBe(round.summary.totalScore);
    expect(greedyRound.summary.gapToOptimal).toBeLessThanOrEqual(1);
    const stable = await manager.client.data(START, { p: programId, input: { algorithm: 'STABLE' } });
    expect((await finished(stable.startMatchingRound.id)).summary.totalScore).toBeLessThanOrEqual(
      round.summary.totalScore,
    );
  });

  it('meets an inclusion target exactly, or fails naming it and the highest share reachable', async () => {
    const met = await manager.client.data(START, {
      p: programId,
      input: { algorithm: 'OPTIMAL', minWomenLedShare: 0.4 },
    });
    const round = await finished(met.startMatchingRound.id);
    expect(round.status).toBe('PROPOSED');
    expect(round.summary.womenLed.required).toBe(2);
    expect(round.summary.womenLed.matchedShare).toBeGreaterThanOrEqual(0.4);
    expect(round.summary.womenLed.cohortShare).toBe(0.25);

    const impossible = await manager.client.data(START, {
      p: programId,
      input: { algorithm: 'OPTIMAL', minWomenLedShare: 1 },
    });
    const failed = await finished(impossible.startMatchingRound.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/minWomenLedShare 1 cannot be met: the highest share reachable is 0\.400/);
    // Both targets: women-led met exactly, non-metropolitan alongside, with the bound reported.
    const both = await manager.client.data(START, {
      p: programId,
      input: { algorithm: 'OPTIMAL', minWomenLedShare: 0.4, minNonMetropolitanShare: 0.6 },
    });
    const bothRound = (
      await (async () => {
        await t.settle();
        return manager.client.data(
          `query($id: ID!) { matchingRound(id: $id) { status summary { totalScore pairs upperBound gapToBound
            womenLed { matchedShare required } nonMetropolitan { matchedShare required } } } }`,
          { id: both.startMatchingRound.id },
        );
      })()
    ).matchingRound;
    expect(bothRound.status).toBe('PROPOSED');
    expect(bothRound.summary.womenLed.matchedShare).toBeGreaterThanOrEqual(0.4);
    expect(bothRound.summary.nonMetropolitan.matchedShare).toBeGreaterThanOrEqual(0.6);
    expect(bothRound.summary.upperBound).toBeGreaterThanOrEqual(bothRound.summary.totalScore);
    // Exact or within 0.1 % of the bound (a round this small is proven exactly).
    expect(bothRound.summary.gapToBound).toBeGreaterThanOrEqual(0);
    expect(bothRound.summary.gapToBound).toBeLessThanOrEqual(0.001);
    expect(bothRound.summary.totalScore).toBeLessThanOrEqual(round.summary.totalScore);
  });

  it('lets the program manager review a proposal within its places, with each pair’s breakdown', async () => {
    const started = await manager.client.data(START, { p: programId, input: { algorithm: 'OPTIMAL' } });
    const id = started.startMatchingRound.id;
    const round = await finished(id);
    for (const pair of round.pairs) {
      expect(pair.breakdown.reduce((sum: number, c: { points: number }) => sum + c.points, 0)).toBe(
        pair.score,
      );
    }
    const { candidatesCsv } = (await manager.client.data(EXPORT, { id })).exportMatchingRound;
    const unassigned = candidatesCsv
      .split('\n')
      .slice(1)
      .map((l: string) => l.split(','))
      .filter((c: string[]) => c[3] === '0');
    const [dropped] = round.pairs;
    // A candidate of the same mentor whose organisation has no pair: a swap within the places.
    const swapIn = unassigned.find(
      (c: string[]) =>
        c[1] === dropped.mentorId &&
        !round.pairs.some((p: { organizationId: string }) => p.organizationId === c[0]),
    );
    expect(swapIn).toBeDefined();
    // Adding without removing would give the mentor one pair too many.
    expect(
      await manager.client.errorCode(REVISE, {
        id,
        add: [{ organizationId: swapIn[0], mentorId: swapIn[1] }],
      }),
    ).toBe('BAD_USER_INPUT');
    const { reviseMatchingRound } = await manager.client.data(REVISE, {
      id,
      remove: [{ organizationId: dropped.organizationId, mentorId: dropped.mentorId }],
      add: [{ organizationId: swapIn[0], mentorId: swapIn[1] }],
    });
    expect(reviseMatchingRound.summary.pairs).toBe(round.summary.pairs);
    expect(reviseMatchingRound.summary.totalScore).toBe(
      round.summary.totalScore - dropped.score + Number(swapIn[2]),
    );
    expect(reviseMatchingRound.summary.totalScore).toBeLessThanOrEqual(round.summary.totalScore);
  });

  it('scores a programme’s rounds with its own weights', async () => {
    const weights = { sector: 0, economy: 0, internationalization: 0, womenLed: 0, topics: 100, locality: 0 };
    const input = { name: 'Topics only', economies: ['TH'], startsOn: '2019-01-01', endsOn: '2019-06-30' };
    expect(
      await manager.client.errorCode(CREATE_PROGRAM, {
        input: { ...input, weights: { ...weights, topics: 90 } },
      }),
    ).toBe('BAD_USER_INPUT');
    const { createProgram } = await manager.client.data(CREATE_PROGRAM, { input: { ...input, weights } });
    await manager.client.data(ADD, { p: createProgram.id, o: orgs, m: mentors.map((m) => m.id) });
    const started = await manager.client.data(START, {
      p: createProgram.id,
      input: { algorithm: 'OPTIMAL' },
    });
    const round = await finished(started.startMatchingRound.id);
    expect(round.pairs.length).toBeGreaterThan(0);
    for (const pair of round.pairs) {
      const topics = pair.breakdown.find((c: { code: string }) => c.code === 'TOPICS');
      expect(topics.points).toBe(pair.score);
    }
    // The programme shows its weights and its rounds; the pairs name who they are.
    const { program } = await manager.client.data(
      `query($id: ID!) { program(id: $id) { weights { topics sector } defaultWeights
        rounds { id status pairs { organizationName mentorName } } } }`,
      { id: createProgram.id },
    );
    expect(program.weights).toEqual({ topics: 100, sector: 0 });
    expect(program.defaultWeights).toBe(false);
    expect(program.rounds.map((r: { id: string }) => r.id)).toEqual([started.startMatchingRound.id]);
    const names = program.rounds[0].pairs;
    expect(names.length).toBe(round.pairs.length);
    expect(
      names.every(
        (p: { organizationName: string; mentorName: string }) => p.organizationName && p.mentorName,
      ),
    ).toBe(true);
  });

  it('keeps pairs either side is not interested in out of rounds', async () => {
    const [org] = orgs;
    const m = mentors[2];
    expect(await owner.client.data(INTEREST, { o: org, m: m.id, i: 'NOT_INTERESTED' })).toEqual({
      setMatchInterest: { side: 'ORGANIZATION', interest: 'NOT_INTERESTED' },
    });
    expect(await mentors[0].user.client.errorCode(INTEREST, { o: org, m: m.id, i: 'INTERESTED' })).toBe(
      'FORBIDDEN',
    );
    const started = await manager.client.data(START, { p: programId, input: { algorithm: 'STABLE' } });
    const id = started.startMatchingRound.id;
    await finished(id);
    const { candidatesCsv } = (await manager.client.data(EXPORT, { id })).exportMatchingRound;
    expect(candidatesCsv).not.toContain(`${org},${m.id},`);
    await owner.client.data(INTEREST, { o: org, m: m.id, i: null });
  });

  it('shows each side its own interest signals in its recommendations', async () => {
    await t.settle();
    const [org] = orgs;
    const RECOMMENDED = `query($o: ID!) { recommendedMentors(organizationId: $o, first: 50) { mentor { id } interest } }`;
    const before = (await owner.client.data(RECOMMENDED, { o: org })).recommendedMentors;
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r: { interest: string | null }) => r.interest === null)).toBe(true);
    const chosen = before[0].mentor.id;
    await owner.client.data(INTEREST, { o: org, m: chosen, i: 'INTERESTED' });
    const after = (await owner.client.data(RECOMMENDED, { o: org })).recommendedMentors;
    expect(after.find((r: { mentor: { id: string } }) => r.mentor.id === chosen).interest).toBe('INTERESTED');
    expect(after.filter((r: { interest: string | null }) => r.interest !== null)).toHaveLength(1);
    // The mentor's own list shows the mentor's signal, not the organisation's.
    // (This suite's database holds only its own mentors.)
    const mentor = mentors.find((x) => x.id === chosen)!;
    expect(mentor).toBeDefined();
    const { recommendedOrganizations } = await mentor.user.client.data(
      `query($m: ID!) { recommendedOrganizations(mentorId: $m, first: 50) { organization { id } interest } }`,
      { m: chosen },
    );
    expect(recommendedOrganizations.every((r: { interest: string | null }) => r.interest === null)).toBe(
      true,
    );
    await owner.client.data(INTEREST, { o: org, m: chosen, i: null });
  });

  it('publishes a round once: its pairs become requests that mentors answer as usual', async () => {
    const started = await manager.client.data(START, { p: programId, input: { algorithm: 'OPTIMAL' } });
    const round = await finished(started.startMatchingRound.id);
    const first = (await manager.client.data(PUBLISH, { id: started.startMatchingRound.id }))
      .publishMatchingRound;
    expect(first).toEqual({ sent: round.summary.pairs, skipped: 0, round: { status: 'PUBLISHED' } });
    const again = (await manager.client.data(PUBLISH, { id: started.startMatchingRound.id }))
      .publishMatchingRound;
    expect(again).toEqual({ sent: 0, skipped: 0, round: { status: 'PUBLISHED' } });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mentorship_requests WHERE source = 'ROUND' AND status = 'PENDING'`,
    );
    expect(n).toBe(round.summary.pairs);
    const m = mentors[0];
    const { mentorshipRequests } = await m.user.client.data(
      `{ mentorshipRequests(filter: { status: PENDING }) { nodes { id source } } }`,
    );
    expect(mentorshipRequests.nodes.length).toBeGreaterThan(0);
    const accepted = await m.user.client.data(
      `mutation($id: ID!) { acceptMentorshipRequest(id: $id) { status } }`,
      { id: mentorshipRequests.nodes[0].id },
    );
    expect(accepted.acceptMentorshipRequest.status).toBe('ACCEPTED');
  });

  it('reports a programme against hand-computed figures, suppressing cells under 5 organisations', async () => {
    const reportOwner = await t.signUp(Role.MSME_OWNER);
    const create = async (overrides: Record<string, unknown>) =>
      (
        await reportOwner.client.data(
          `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
          { input: organizationInput(overrides) },
        )
      ).createOrganization.id as string;
    const cohort: string[] = [];
    for (let i = 0; i < 5; i++) {
      cohort.push(
        await create({ name: `Report ${i}`, womenOwnershipPercent: 60, womanInTopManagement: true }),
      );
    }
    cohort.push(
      await create({
        name: 'Report metro',
        locality: 'METROPOLITAN',
        womenOwnershipPercent: 0,
        womanInTopManagement: false,
      }),
    );
    const mentorOf = async (economy: string) => {
      const user = await t.signUp(Role.MENTOR);
      const { upsertMentorProfile } = await user.client.data(
        `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
        { input: mentorInput({ capacity: 3, economy }) },
      );
      return { user, id: upsertMentorProfile.id as string };
    };
    const abroad = await mentorOf('JP');
    const local = await mentorOf('TH');
    // Three more, idle: utilisation over fewer than 5 mentors would tell one mentor's load.
    const idle = [await mentorOf('TH'), await mentorOf('TH'), await mentorOf('TH')];
    const { createProgram } = await manager.client.data(CREATE_PROGRAM, {
      input: { name: 'Report fixture', economies: ['TH'], startsOn: '2026-01-01', endsOn: '2026-12-31' },
    });
    await manager.client.data(ADD, { p: createProgram.id, o: cohort, m: [abroad.id, local.id] });
    const REPORT_OUTPUTS = `query($id: ID!, $filter: ProgramReportFilterInput) {
      programReport(id: $id, filter: $filter) { mentorUtilisation }
      exportProgramReport(id: $id, filter: $filter)
    }`;
    const twoMentors = (await manager.client.data(REPORT_OUTPUTS, { id: createProgram.id })) as {
      programReport: { mentorUtilisation: number | null };
      exportProgramReport: string;
    };
    expect(twoMentors.programReport.mentorUtilisation).toBeNull();
    expect(twoMentors.exportProgramReport.split('\n').pop()).toBe('mentor_utilisation,');
    await manager.client.data(ADD, { p: createProgram.id, o: [], m: idle.map((m) => m.id) });
    const ask = async (org: number, mentor: { id: string }) =>
      (
        await reportOwner.client.data(
          `mutation($input: RequestMentorshipInput!) { requestMentorship(input: $input) { id } }`,
          { input: { organizationId: cohort[org], mentorId: mentor.id, message: 'Help' } },
        )
      ).requestMentorship.id as string;
    const accept = (m: { user: SignedIn }, id: string) =>
      m.user.client.data(`mutation($id: ID!) { acceptMentorshipRequest(id: $id) { mentorship { id } } }`, {
        id,
      });
    const first = await accept(abroad, await ask(0, abroad));
    await abroad.user.client.data(
      `mutation($id: ID!) { declineMentorshipRequest(id: $id, reason: TIMING) { id } }`,
      {
        id: await ask(1, abroad),
      },
    );
    await accept(local, await ask(2, local));
    await ask(3, local);
    await reportOwner.client.data(`mutation($id: ID!) { cancelMentorshipRequest(id: $id) { id } }`, {
      id: await ask(4, abroad),
    });
    await accept(local, await ask(5, local));
    await reportOwner.client.data(
      `mutation($id: ID!) { reportMentorshipOutcomes(mentorshipId: $id, outcomes: [{ kind: PARTNERSHIP }]) { id } }`,
      { id: first.acceptMentorshipRequest.mentorship.id },
    );

    const cellFields = `key organizations suppressed requests acceptanceRate medianHoursToDecision matchRate
      averageScore crossEconomyLinks outcomes`;
    const { programReport } = await manager.client.data(
      `query($id: ID!) { programReport(id: $id) {
        totals { ${cellFields} } byWomenLed { ${cellFields} } byLocality { key organizations suppressed requests }
        mentorUtilisation monthly { month requests accepted mentorshipsStarted }
      } }`,
      { id: createProgram.id },
    );
    // 6 requests; decided: 3 accepted + 1 declined; 3 of 6 organisations matched; one mentor abroad.
    expect(programReport.totals).toMatchObject({
      key: 'all',
      organizations: 6,
      suppressed: false,
      requests: 6,
      acceptanceRate: 0.75,
      matchRate: 0.5,
      crossEconomyLinks: 1,
      outcomes: 1,
    });
    expect(programReport.totals.medianHoursToDecision).toBeLessThan(1);
    expect(programReport.totals.averageScore).toBeGreaterThan(0);
    // A suppressed cell withholds its count of organisations too, as the page does.
    expect(programReport.byWomenLed).toEqual([
      expect.objectContaining({
        key: 'not women-led',
        organizations: null,
        suppressed: true,
        requests: null,
      }),
      expect.objectContaining({
        key: 'women-led',
        organizations: 5,
        suppressed: false,
        requests: 5,
        acceptanceRate: 2 / 3,
        matchRate: 0.4,
        crossEconomyLinks: 1,
      }),
    ]);
    expect(programReport.byLocality).toEqual([
      { key: 'METROPOLITAN', organizations: null, suppressed: true, requests: null },
      { key: 'SUB_REGIONAL', organizations: 5, suppressed: false, requests: 5 },
    ]);
    // 3 running mentorships over 15 places (5 mentors of 3).
    expect(programReport.mentorUtilisation).toBe(0.2);
    expect(programReport.monthly).toEqual([
      { month: new Date().toISOString().slice(0, 7), requests: 6, accepted: 3, mentorshipsStarted: 3 },
    ]);
    const { exportProgramReport } = await manager.client.data(
      `query($id: ID!) { exportProgramReport(id: $id) }`,
      {
        id: createProgram.id,
      },
    );
    expect(exportProgramReport.split('\n')[1]).toMatch(/^total,all,6,0,6,0.75,[0-9.]+,0.5,[0-9.]+,1,1$/);
    const csvLines = exportProgramReport.split('\n');
    expect(csvLines).toContain('women_led,not women-led,,1,,,,,,,');
    expect(csvLines).toContain('locality,METROPOLITAN,,1,,,,,,,');
    expect(csvLines).toContain(`${new Date().toISOString().slice(0, 7)},0,6,3,3`);
    expect(csvLines.pop()).toBe('mentor_utilisation,0.2');

    // Filters: the women-led organisations are the women-led cell, now as the total.
    const REPORT = `query($id: ID!, $filter: ProgramReportFilterInput) { programReport(id: $id, filter: $filter) {
        totals { ${cellFields} } byLocality { key organizations } monthly { month suppressed requests }
        mentorUtilisation
      } }`;
    const filtered = async (filter: Record<string, unknown>) =>
      (await manager.client.data(REPORT, { id: createProgram.id, filter })).programReport;
    const womenLed = await filtered({ womenLed: true });
    expect(womenLed.totals).toMatchObject({
      organizations: 5,
      suppressed: false,
      requests: 5,
      acceptanceRate: 2 / 3,
      matchRate: 0.4,
      crossEconomyLinks: 1,
      outcomes: 1,
    });
    expect(womenLed.byLocality).toEqual([{ key: 'SUB_REGIONAL', organizations: 5 }]);
    // One organisation: nothing of it shows, not its month's activity, not the utilisation.
    const metropolitan = await filtered({ locality: 'METROPOLITAN' });
    expect(metropolitan.totals).toMatchObject({ organizations: null, suppressed: true, requests: null });
    expect(metropolitan.monthly).toEqual([
      { month: new Date().toISOString().slice(0, 7), suppressed: true, requests: null },
    ]);
    expect(metropolitan.mentorUtilisation).toBeNull();
    const metropolitanCsv = (
      (
        await manager.client.data(REPORT_OUTPUTS, {
          id: createProgram.id,
          filter: { locality: 'METROPOLITAN' },
        })
      ).exportProgramReport as string
    ).split('\n');
    expect(metropolitanCsv[1]).toBe('total,all,,1,,,,,,,');
    expect(metropolitanCsv).toContain(`${new Date().toISOString().slice(0, 7)},1,,,`);
    expect(metropolitanCsv.pop()).toBe('mentor_utilisation,');
    // A window before any activity: the same organisations, nothing happened in it.
    const before = await filtered({ from: '2020-01-01', to: '2020-12-31' });
    expect(before.totals).toMatchObject({
      organizations: 6,
      requests: 0,
      acceptanceRate: null,
      matchRate: 0,
      crossEconomyLinks: 0,
      outcomes: 0,
    });
    expect(before.monthly).toEqual([]);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect((await filtered({ from: day(-1), to: day(0), economy: 'TH' })).totals).toMatchObject({
      organizations: 6,
      requests: 6,
      acceptanceRate: 0.75,
    });
    const reportError = (filter: Record<string, unknown>) =>
      manager.client.errorCode(REPORT, { id: createProgram.id, filter });
    expect(await reportError({ isicSection: 'Z' })).toBe('BAD_USER_INPUT');
    expect(await reportError({ economy: 'XX' })).toBe('BAD_USER_INPUT');
    expect(await reportError({ from: '2026-02-31' })).toBe('BAD_USER_INPUT');
    expect(await reportError({ from: '2026-03-02', to: '2026-03-01' })).toBe('BAD_USER_INPUT');
    expect(await reportError({ economy: 'VN' })).toBe('FORBIDDEN');
    const csv = (
      await manager.client.data(
        `query($id: ID!, $filter: ProgramReportFilterInput) { exportProgramReport(id: $id, filter: $filter) }`,
        { id: createProgram.id, filter: { womenLed: true } },
      )
    ).exportProgramReport as string;
    expect(csv.split('\n')[1]).toMatch(/^total,all,5,0,5,0.6667,[0-9.]+,0.4,[0-9.]+,1,1$/);

    const outsider = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['VN'] });
    expect(
      await outsider.client.errorCode(`query($id: ID!) { programReport(id: $id) { totals { key } } }`, {
        id: createProgram.id,
      }),
    ).toBe('NOT_FOUND');
  });
});
