import { Role } from '@app/common';
import { mentorInput, organizationInput } from '@app/testing';
import { startTestApp, type SignedIn, type TestApp } from '@app/testing/test-app';
// Tests boot the real app; the lint rule keeps libs from importing apps.
import { createApiApp } from '../../apps/api/src/bootstrap';

const SUMMARY = `summary { candidates pairs totalScore organizations
  unmatched { noCandidates noCapacityLeft notChosen }
  womenLed { cohortShare matchedShare required } nonMetropolitan { cohortShare matchedShare } }`;
const ROUND = `query($id: ID!) { matchingRound(id: $id) { status ${SUMMARY}
  pairs { organizationId mentorId score } } }`;
const REVISE = `mutation($id: ID!, $remove: [RoundPairInput!], $add: [RoundPairInput!]) {
  reviseMatchingRound(id: $id, remove: $remove, add: $add) { status ${SUMMARY} }
}`;
const EXPORT = `query($id: ID!) { exportMatchingRound(id: $id) { candidatesCsv organizationsCsv mentorsCsv } }`;

const rows = (csv: string): string[][] =>
  csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

/**
 * A round describes what it solved, whatever happens afterwards: its summary follows every edit
 * of its pairs, and its export and summary read the cohort as it was solved, not the profiles as
 * they are now.
 */
describe(`a round's summary and export follow its pairs, not the live profiles (${process.env.TEST_MODE ?? 'embedded'})`, () => {
  let t: TestApp;
  let manager: SignedIn;
  let owner: SignedIn;
  let roundId: string;
  /** 13 organisations: the first 7 women-led, the last 3 metropolitan. */
  const orgs: string[] = [];
  let solved: {
    summary: {
      pairs: number;
      totalScore: number;
      unmatched: Record<string, number>;
      womenLed: { cohortShare: number; matchedShare: number };
    };
    pairs: Array<{ organizationId: string; mentorId: string; score: number }>;
  };

  beforeAll(async () => {
    t = await startTestApp(createApiApp);
    manager = await t.signUp(Role.PROGRAM_MANAGER, { economies: ['TH'] });
    owner = await t.signUp(Role.MSME_OWNER);
    for (let i = 0; i < 13; i++) {
      const { createOrganization } = await owner.client.data(
        `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
        {
          input: organizationInput({
            name: `Snapshot ${i}`,
            womenOwnershipPercent: i < 7 ? 60 : 0,
            womanInTopManagement: i < 7,
            locality: i >= 10 ? 'METROPOLITAN' : 'SUB_REGIONAL',
          }),
        },
      );
      orgs.push(createOrganization.id);
    }
    const mentors: string[] = [];
    for (const capacity of [7, 6]) {
      const user = await t.signUp(Role.MENTOR);
      const { upsertMentorProfile } = await user.client.data(
        `mutation($input: UpsertMentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
        { input: mentorInput({ capacity }) },
      );
      mentors.push(upsertMentorProfile.id);
    }
    const { createProgram } = await manager.client.data(
      `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
      { input: { name: 'Snapshots', economies: ['TH'], startsOn: '2026-01-01', endsOn: '2026-12-31' } },
    );
    await manager.client.data(
      `mutation($p: ID!, $o: [ID!], $m: [ID!]) { addProgramMembers(programId: $p, organizationIds: $o, mentorIds: $m) { id } }`,
      { p: createProgram.id, o: orgs, m: mentors },
    );
    const { startMatchingRound } = await manager.client.data(
      `mutation($p: ID!) { startMatchingRound(programId: $p, input: { algorithm: OPTIMAL }) { id } }`,
      { p: createProgram.id },
    );
    roundId = startMatchingRound.id;
    await t.settle();
    const { matchingRound } = await manager.client.data(ROUND, { id: roundId });
    expect(matchingRound.status).toBe('PROPOSED');
    solved = matchingRound;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('returns shares exact: 7 women-led organisations of 13 are 7/13, every one matched', () => {
    expect(solved.summary.pairs).toBe(13);
    expect(solved.summary.womenLed.cohortShare).toBe(7 / 13);
    expect(solved.summary.womenLed.matchedShare).toBe(7 / 13);
    expect(solved.summary.unmatched).toEqual({ noCandidates: 0, noCapacityLeft: 0, notChosen: 0 });
  });

  it('recounts who is left without a pair after a pair is removed, and the shares with it', async () => {
    const dropped = solved.pairs.find((p) => p.organizationId === orgs[0])!;
    const { reviseMatchingRound } = await manager.client.data(REVISE, {
      id: roundId,
      remove: [{ organizationId: dropped.organizationId, mentorId: dropped.mentorId }],
    });
    expect(reviseMatchingRound.summary).toMatchObject({
      pairs: 12,
      totalScore: solved.summary.totalScore - dropped.score,
      unmatched: { noCandidates: 0, noCapacityLeft: 0, notChosen: 1 },
      womenLed: { cohortShare: 7 / 13, matchedShare: 6 / 12 },
    });
    // The round as read afterwards says the same.
    const { matchingRound } = await manager.client.data(ROUND, { id: roundId });
    expect(matchingRound.summary).toEqual(reviseMatchingRound.summary);
  });

  it('exports and revises from the cohort it solved, after an organisation changes and another is deleted', async () => {
    // Organisation 1 stops being women-led; organisation 12 (metropolitan) is deleted.
    const changed = await owner.client.data(
      `mutation($id: ID!) { updateOrganization(id: $id, input: { womenOwnershipPercent: 0, womanInTopManagement: false }) { womenLed } }`,
      { id: orgs[1] },
    );
    expect(changed.updateOrganization.womenLed).toBe(false);
    await owner.client.data(`mutation($id: ID!) { deleteOrganization(id: $id) { id } }`, { id: orgs[12] });

    const { exportMatchingRound } = await manager.client.data(EXPORT, { id: roundId });
    const organizations = new Map(rows(exportMatchingRound.organizationsCsv).map((r) => [r[0], r]));
    expect(organizations.size).toBe(13);
    expect(organizations.get(orgs[1])).toEqual([orgs[1], '1', '1', '1']);
    expect(organizations.get(orgs[12])).toEqual([orgs[12], '1', '0', '0']);
    const candidates = rows(exportMatchingRound.candidatesCsv);
    expect(candidates.every(([o]) => organizations.has(o))).toBe(true);
    expect(candidates.some(([o]) => o === orgs[12])).toBe(true);
    expect(
      rows(exportMatchingRound.mentorsCsv)
        .map((r) => Number(r[1]))
        .sort(),
    ).toEqual([6, 7]);

    // The dropped pair back: the round is as it was solved, shares included.
    const dropped = solved.pairs.find((p) => p.organizationId === orgs[0])!;
    const { reviseMatchingRound } = await manager.client.data(REVISE, {
      id: roundId,
      add: [{ organizationId: dropped.organizationId, mentorId: dropped.mentorId }],
    });
    expect(reviseMatchingRound.summary).toEqual(solved.summary);
  });
});
