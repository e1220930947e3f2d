import { Role, type Actor } from '@app/common';
import { MentorshipRequestsService } from '@app/mentorships';
import {
  MentorProfilesService,
  OrganizationsService,
  type MentorFields,
  type OrganizationFields,
} from '@app/profiles';
import { MatchingRoundsService, ProgramsService, RoundAlgorithm, RoundStatus } from '@app/programs';
import { ProgramReportService, reportCsv } from '@app/reports';
import { mentorInput, organizationInput } from '@app/testing';
import { startServiceTest, type ServiceTest } from '@app/testing/service-test';

const rows = (csv: string): string[][] =>
  csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

describe('programmes, matching rounds and reports (PGlite, real migrations)', () => {
  let t: ServiceTest;
  let programs: ProgramsService;
  let rounds: MatchingRoundsService;
  let reports: ProgramReportService;
  let organizations: OrganizationsService;
  let manager: Actor;
  let owner: Actor;
  let programId: string;
  let roundId: string;
  /** Six in Thailand (the first three women-led), one in Viet Nam. */
  const orgs: string[] = [];
  let vietnamese: string;
  const mentors: Array<{ actor: Actor; id: string }> = [];

  const organization = async (fields: Record<string, unknown>): Promise<string> =>
    (await organizations.create(owner, organizationInput(fields) as unknown as OrganizationFields)).id;

  beforeAll(async () => {
    t = await startServiceTest();
    programs = t.get(ProgramsService);
    rounds = t.get(MatchingRoundsService);
    reports = t.get(ProgramReportService);
    organizations = t.get(OrganizationsService);
    manager = await t.actor(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    owner = await t.actor(Role.MSME_OWNER);
    for (let i = 0; i < 6; i++) {
      orgs.push(
        await organization({
          name: `Cohort ${i}`,
          womenOwnershipPercent: i < 3 ? 60 : 0,
          womanInTopManagement: i < 3,
        }),
      );
    }
    vietnamese = await organization({ name: 'Hanoi', economy: 'VN' });
    for (const capacity of [2, 2]) {
      const actor = await t.actor(Role.MENTOR);
      const profile = await t
        .get(MentorProfilesService)
        .upsert(actor, mentorInput({ capacity }) as unknown as MentorFields);
      mentors.push({ actor, id: profile.id });
    }
  });
  afterAll(() => t.close());

  it('creates a programme and builds its cohort, refusing members it cannot take', async () => {
    const program = await programs.create(manager, {
      name: 'Forum III',
      economies: ['TH'],
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    programId = program.id;
    const add = (o: string[], m: string[]) => programs.addMembers(manager, programId, o, m);
    await expect(add([vietnamese], [])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(add(['00000000-0000-4000-8000-000000000009'], [])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    await expect(add([], [orgs[0]])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(
      programs.addMembers(await t.actor(Role.PROGRAM_MANAGER, { economies: ['VN'] }), programId, orgs, []),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await programs.counts(programId)).toEqual({ organizations: 0, mentors: 0 });

    await add(orgs, [...mentors.map((m) => m.id), mentors[0].id]);
    expect(await programs.counts(programId)).toEqual({ organizations: 6, mentors: 2 });
    const ids = await programs.cohortIds(programId);
    expect(ids.organizationIds).toEqual([...orgs].sort());
    expect(ids.mentorIds).toEqual(mentors.map((m) => m.id).sort());
    const facts = await programs.cohortFacts(programId);
    expect(facts.organizations.filter((o) => o.womenLed)).toHaveLength(3);
    expect(facts.mentors.map((m) => m.placesLeft)).toEqual([2, 2]);
  });

  it('records a round as a job, solves it once, and stores the cohort it solved', async () => {
    const round = await rounds.start(manager, programId, { algorithm: RoundAlgorithm.OPTIMAL });
    roundId = round.id;
    expect(await t.jobs()).toContainEqual({
      name: 'matching-round',
      payload: { roundId },
      jobId: `matching-round-${roundId}`,
    });
    await rounds.run(roundId);
    const solved = await rounds.findOne(manager, roundId);
    expect(solved.status).toBe(RoundStatus.PROPOSED);
    // 4 places among 2 mentors for 6 organisations wanting one each.
    expect(solved.summary).toMatchObject({
      pairs: 4,
      organizations: 6,
      unmatched: { noCandidates: 0, noCapacityLeft: 0, notChosen: 2 },
      womenLed: { cohortShare: 0.5, required: null },
      optimalTotal: null,
    });
    // The job delivered again finds the round done and changes nothing.
    const candidates = await rounds.candidates(roundId, false);
    await rounds.run(roundId);
    expect(await rounds.candidates(roundId, false)).toEqual(candidates);
    expect((await rounds.findOne(manager, roundId)).summary).toEqual(solved.summary);
  });

  it('revises within the places it solved with, its summary following; a refused edit changes nothing', async () => {
    const before = await rounds.findOne(manager, roundId);
    const assigned = await rounds.candidates(roundId, true);
    const unassigned = (await rounds.candidates(roundId, false)).filter((c) => !c.assigned);
    const ref = (c: { organizationId: string; mentorId: string }) => ({
      organizationId: c.organizationId,
      mentorId: c.mentorId,
    });
    // Both mentors are full: adding a pair, even for an organisation without one, is over their places.
    const unpaired = unassigned.find((c) => !assigned.some((a) => a.organizationId === c.organizationId))!;
    await expect(rounds.revise(manager, roundId, [], [ref(unpaired)])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringMatching(/^The mentor .* would have 3 pairs; it has room for 2$/),
    });
    expect(await rounds.candidates(roundId, true)).toEqual(assigned);
    await expect(rounds.revise(manager, roundId, [ref(unassigned[0])], [])).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });

    const removed = await rounds.revise(manager, roundId, [ref(assigned[0])], []);
    expect(removed.summary).toMatchObject({
      pairs: 3,
      totalScore: before.summary!.totalScore - assigned[0].score,
      unmatched: { notChosen: 3 },
    });
    const restored = await rounds.revise(manager, roundId, [], [ref(assigned[0])]);
    expect(restored.summary).toEqual(before.summary);
  });

  it('exports what it solved, whatever the profiles say now', async () => {
    const before = await rounds.export(manager, roundId);
    await organizations.update(owner, orgs[0], { womenOwnershipPercent: 0, womanInTopManagement: false });
    expect(await rounds.export(manager, roundId)).toEqual(before);
    expect(rows(before.organizationsCsv).find(([id]) => id === orgs[0])).toEqual([orgs[0], '1', '1', '1']);
    expect(rows(before.mentorsCsv).map(([, places]) => places)).toEqual(['2', '2']);
    await organizations.update(owner, orgs[0], { womenOwnershipPercent: 60, womanInTopManagement: true });
  });

  it('publishes once through RoundRequests: the pairs become requests, their follow-ups recorded with them', async () => {
    const pairs = await rounds.candidates(roundId, true);
    const first = await rounds.publish(manager, roundId);
    expect(first).toMatchObject({ sent: 4, skipped: 0, round: { status: RoundStatus.PUBLISHED } });
    const again = await rounds.publish(manager, roundId);
    expect(again).toMatchObject({ sent: 0, skipped: 0 });
    const sent = await t.dataSource.query(
      `SELECT id, organization_id, mentor_id, source FROM mentorship_requests WHERE source = 'ROUND'`,
    );
    expect(
      sent
        .map((r: { organization_id: string; mentor_id: string }) => `${r.organization_id}:${r.mentor_id}`)
        .sort(),
    ).toEqual(pairs.map((p) => `${p.organizationId}:${p.mentorId}`).sort());
    const expiries = (await t.jobs())
      .filter((j) => j.name === 'request-expire')
      .map((j) => j.payload.requestId);
    for (const request of sent) expect(expiries).toContain(request.id);
    await expect(rounds.revise(manager, roundId, [], [])).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('reports the cohort’s activity with small cells withheld, the CSV printing the same report', async () => {
    const requests = t.get(MentorshipRequestsService);
    const pending = await t.dataSource.query(
      `SELECT id, mentor_id FROM mentorship_requests WHERE source = 'ROUND' ORDER BY organization_id`,
    );
    for (const request of pending.slice(0, 3)) {
      const mentor = mentors.find((m) => m.id === request.mentor_id)!;
      await requests.accept(mentor.actor, request.id);
    }
    const report = await reports.report(manager, programId);
    expect(report.totals).toMatchObject({ organizations: 6, suppressed: false, requests: 4, matchRate: 0.5 });
    expect(report.byWomenLed).toEqual([
      expect.objectContaining({ key: 'not women-led', organizations: null, suppressed: true }),
      expect.objectContaining({ key: 'women-led', organizations: null, suppressed: true }),
    ]);
    // Two mentors: their utilisation would tell each one's load.
    expect(report.mentorUtilisation).toBeNull();
    expect(await reports.exportCsv(manager, programId)).toBe(reportCsv(report));
  });
});
