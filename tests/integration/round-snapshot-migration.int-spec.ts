import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@app/database';
import { TEST_BACKENDS } from '@app/testing/test-data-sources';

/** The migration that gives rounds their own cohort facts, and what came after it. */
const SNAPSHOT = MIGRATIONS.findIndex((m) => m.name.startsWith('RoundCohortSnapshot'));

describe.each(TEST_BACKENDS)('a round computed before rounds kept their cohort, on $name', ({ open }) => {
  let ds: DataSource;
  let close: () => Promise<void>;
  const [a, b, gone, d, mentor] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const roundId = randomUUID();

  const undoSnapshot = async () => {
    for (let i = MIGRATIONS.length; i > SNAPSHOT; i--) await ds.undoLastMigration({ transaction: 'all' });
  };

  beforeAll(async () => {
    ({ ds, close } = await open());
    await ds.initialize();
    await undoSnapshot();
  }, 60_000);

  afterAll(async () => {
    await close?.();
  });

  const organization = (id: string, locality: string, womenLed: boolean) =>
    ds.query(
      `INSERT INTO organizations
         (id, name, kind, isic_division, isic_section, economy, locality, employees, size_class, women_owned, women_led)
       VALUES ($1, 'Org', 'MSME', '10', 'C', 'TH', $2, 5, 'MICRO', $3, $3)`,
      [id, locality, womenLed],
    );

  it('carries its places over, takes its groups from the organisations left, and mends its summary', async () => {
    expect(SNAPSHOT).toBeGreaterThan(0);
    await organization(a, 'SUB_REGIONAL', true);
    await organization(b, 'METROPOLITAN', false);
    await organization(d, 'RURAL', false);
    // As the old code left it after a revision: shares rounded, "unmatched" stale.
    const summary = {
      candidates: 3,
      totalScore: 140,
      pairs: 2,
      organizations: 4,
      unmatched: { noCandidates: 0, noCapacityLeft: 0, notChosen: 0 },
      womenLed: { cohortShare: 0.25, matchedShare: 0.5, required: 1 },
      nonMetropolitan: { cohortShare: 0.5, matchedShare: 0.5, required: null },
      optimalTotal: 150,
      gapToOptimal: 0.9333,
      seconds: 0.1,
    };
    await ds.query(
      `INSERT INTO matching_rounds (id, program_id, algorithm, max_mentors_per_organization, status, summary, capacities)
       VALUES ($1, $2, 'GREEDY', 1, 'PROPOSED', $3, $4)`,
      [
        roundId,
        randomUUID(),
        JSON.stringify(summary),
        JSON.stringify({ organizations: { [a]: 1, [b]: 1, [gone]: 1, [d]: 0 }, mentors: { [mentor]: 2 } }),
      ],
    );
    for (const [org, score, assigned] of [
      [a, 80, true],
      [b, 60, true],
      [gone, 50, false],
    ] as const) {
      await ds.query(
        `INSERT INTO matching_round_candidates (round_id, organization_id, mentor_id, score, assigned)
         VALUES ($1, $2, $3, $4, $5)`,
        [roundId, org, mentor, score, assigned],
      );
    }

    await ds.runMigrations({ transaction: 'all' });

    const orgs = await ds.query(
      `SELECT organization_id, places, women_led, non_metropolitan, candidates
         FROM matching_round_organizations WHERE round_id = $1`,
      [roundId],
    );
    const byId = new Map(orgs.map((o: { organization_id: string }) => [o.organization_id, o]));
    expect(byId.get(a)).toMatchObject({ places: 1, women_led: true, non_metropolitan: true, candidates: 1 });
    expect(byId.get(b)).toMatchObject({
      places: 1,
      women_led: false,
      non_metropolitan: false,
      candidates: 1,
    });
    expect(byId.get(gone)).toMatchObject({
      places: 1,
      women_led: false,
      non_metropolitan: false,
      candidates: 1,
    });
    expect(byId.get(d)).toMatchObject({ places: 0, women_led: false, non_metropolitan: true, candidates: 0 });
    expect(
      await ds.query(`SELECT mentor_id, places FROM matching_round_mentors WHERE round_id = $1`, [roundId]),
    ).toEqual([{ mentor_id: mentor, places: 2 }]);
    const [{ summary: mended }] = await ds.query(`SELECT summary FROM matching_rounds WHERE id = $1`, [
      roundId,
    ]);
    expect(mended).toEqual({
      ...summary,
      unmatched: { noCandidates: 0, noCapacityLeft: 1, notChosen: 1 },
      womenLed: { cohortShare: 0.25, matchedShare: 0.5, required: 1 },
      nonMetropolitan: { cohortShare: 0.5, matchedShare: 0.5, required: null },
      gapToOptimal: 140 / 150,
    });

    // And back: the places return to the column they came from.
    await undoSnapshot();
    const [{ capacities }] = await ds.query(`SELECT capacities FROM matching_rounds WHERE id = $1`, [
      roundId,
    ]);
    expect(capacities).toEqual({
      organizations: { [a]: 1, [b]: 1, [gone]: 1, [d]: 0 },
      mentors: { [mentor]: 2 },
    });
    await ds.runMigrations({ transaction: 'all' });
  }, 60_000);
});
