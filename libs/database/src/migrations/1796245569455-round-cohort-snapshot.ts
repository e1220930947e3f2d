import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A round keeps the cohort it solved (places, women-led, non-metropolitan, candidates per
 * organisation; places per mentor) instead of reading live organisations on export and review.
 * Rounds already computed carry over: their places from `capacities`, their groups from the
 * organisations as they are now (the best left to know; a deleted one counts in neither group),
 * and their summaries recomputed from those facts, with exact shares.
 */
export class RoundCohortSnapshot1796245569455 implements MigrationInterface {
  name = 'RoundCohortSnapshot1796245569455';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"matching_round_organizations\" (\"round_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"places\" smallint NOT NULL, \"women_led\" boolean NOT NULL, \"non_metropolitan\" boolean NOT NULL, \"candidates\" integer NOT NULL, CONSTRAINT \"PK_18df609062612f457e1003fce99\" PRIMARY KEY (\"round_id\", \"organization_id\"))");
    await queryRunner.query("CREATE TABLE \"matching_round_mentors\" (\"round_id\" uuid NOT NULL, \"mentor_id\" uuid NOT NULL, \"places\" smallint NOT NULL, CONSTRAINT \"PK_463d2789b6fcddac0dd957209eb\" PRIMARY KEY (\"round_id\", \"mentor_id\"))");
    await queryRunner.query(`
      INSERT INTO matching_round_organizations (round_id, organization_id, places, women_led, non_metropolitan, candidates)
      SELECT r.id, c.key::uuid, c.value::smallint, coalesce(o.women_led, false),
             coalesce(o.locality <> 'METROPOLITAN', false),
             (SELECT count(*) FROM matching_round_candidates x
               WHERE x.round_id = r.id AND x.organization_id = c.key::uuid)::int
        FROM matching_rounds r
        CROSS JOIN LATERAL jsonb_each_text(r.capacities -> 'organizations') c
        LEFT JOIN organizations o ON o.id = c.key::uuid
       WHERE r.capacities IS NOT NULL`);
    await queryRunner.query(`
      INSERT INTO matching_round_mentors (round_id, mentor_id, places)
      SELECT r.id, c.key::uuid, c.value::smallint
        FROM matching_rounds r CROSS JOIN LATERAL jsonb_each_text(r.capacities -> 'mentors') c
       WHERE r.capacities IS NOT NULL`);
    await queryRunner.query(`
      WITH per_org AS (
        SELECT o.*, (SELECT count(*) FROM matching_round_candidates c
                      WHERE c.round_id = o.round_id AND c.organization_id = o.organization_id AND c.assigned) AS pairs
          FROM matching_round_organizations o
      ), per_round AS (
        SELECT round_id, count(*) AS organizations,
               count(*) FILTER (WHERE women_led) AS cohort_women_led,
               count(*) FILTER (WHERE non_metropolitan) AS cohort_non_metro,
               sum(pairs) AS pairs,
               coalesce(sum(pairs) FILTER (WHERE women_led), 0) AS women_led_pairs,
               coalesce(sum(pairs) FILTER (WHERE non_metropolitan), 0) AS non_metro_pairs,
               count(*) FILTER (WHERE pairs = 0 AND places = 0) AS no_capacity_left,
               count(*) FILTER (WHERE pairs = 0 AND places > 0 AND candidates = 0) AS no_candidates,
               count(*) FILTER (WHERE pairs = 0 AND places > 0 AND candidates > 0) AS not_chosen
          FROM per_org GROUP BY round_id
      )
      UPDATE matching_rounds r SET summary = r.summary || jsonb_build_object(
          'unmatched', jsonb_build_object(
            'noCandidates', p.no_candidates, 'noCapacityLeft', p.no_capacity_left, 'notChosen', p.not_chosen),
          'womenLed', (r.summary -> 'womenLed') || jsonb_build_object(
            'cohortShare', p.cohort_women_led::float8 / p.organizations,
            'matchedShare', CASE WHEN p.pairs = 0 THEN 0 ELSE p.women_led_pairs::float8 / p.pairs END),
          'nonMetropolitan', (r.summary -> 'nonMetropolitan') || jsonb_build_object(
            'cohortShare', p.cohort_non_metro::float8 / p.organizations,
            'matchedShare', CASE WHEN p.pairs = 0 THEN 0 ELSE p.non_metro_pairs::float8 / p.pairs END),
          'gapToOptimal', CASE
            WHEN r.summary -> 'optimalTotal' IS NULL OR jsonb_typeof(r.summary -> 'optimalTotal') = 'null' THEN NULL
            WHEN (r.summary ->> 'optimalTotal')::float8 = 0 THEN 0
            ELSE (r.summary ->> 'totalScore')::float8 / (r.summary ->> 'optimalTotal')::float8 END)
        FROM per_round p WHERE p.round_id = r.id AND r.summary IS NOT NULL`);
    await queryRunner.query("ALTER TABLE \"matching_rounds\" DROP COLUMN \"capacities\"");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"matching_rounds\" ADD \"capacities\" jsonb");
    await queryRunner.query(`
      UPDATE matching_rounds r SET capacities = jsonb_build_object(
          'organizations', coalesce((SELECT jsonb_object_agg(o.organization_id, o.places)
                                       FROM matching_round_organizations o WHERE o.round_id = r.id), '{}'),
          'mentors', coalesce((SELECT jsonb_object_agg(m.mentor_id, m.places)
                                 FROM matching_round_mentors m WHERE m.round_id = r.id), '{}'))
       WHERE r.status IN ('PROPOSED', 'PUBLISHED')`);
    await queryRunner.query("DROP TABLE \"matching_round_mentors\"");
    await queryRunner.query("DROP TABLE \"matching_round_organizations\"");
  }
}
