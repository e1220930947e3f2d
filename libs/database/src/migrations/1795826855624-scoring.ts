import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Scoring1795826855624 implements MigrationInterface {
  name = 'Scoring1795826855624';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Counts single-profile rescores, so a full-run shard can tell its input went stale.
    await queryRunner.query('CREATE SEQUENCE "scoring_rescores"');
    await queryRunner.query("CREATE TABLE \"organization_recommendations\" (\"candidate_ids\" uuid array NOT NULL, \"scores\" smallint array NOT NULL, \"size\" smallint NOT NULL, \"worst_score\" smallint, \"worst_id\" uuid, \"engine_version\" text NOT NULL, \"computed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"organization_id\" uuid NOT NULL, CONSTRAINT \"organization_recommendations_consistent\" CHECK (cardinality(candidate_ids) = cardinality(scores) AND size = cardinality(scores)\n  AND 0 <= ALL(scores) AND 100 >= ALL(scores)), CONSTRAINT \"PK_bbcf8a7d4734481011de80d68b3\" PRIMARY KEY (\"organization_id\"))");
    await queryRunner.query("CREATE TABLE \"mentor_recommendations\" (\"candidate_ids\" uuid array NOT NULL, \"scores\" smallint array NOT NULL, \"size\" smallint NOT NULL, \"worst_score\" smallint, \"worst_id\" uuid, \"engine_version\" text NOT NULL, \"computed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"mentor_id\" uuid NOT NULL, CONSTRAINT \"mentor_recommendations_consistent\" CHECK (cardinality(candidate_ids) = cardinality(scores) AND size = cardinality(scores)\n  AND 0 <= ALL(scores) AND 100 >= ALL(scores)), CONSTRAINT \"PK_9e3486b18a1b4a403f90bf3c7f4\" PRIMARY KEY (\"mentor_id\"))");
    await queryRunner.query("CREATE TABLE \"scoring_runs\" (\"id\" uuid NOT NULL, \"status\" text NOT NULL, \"engine_version\" text NOT NULL, \"k\" integer NOT NULL, \"total\" integer NOT NULL DEFAULT '0', \"processed\" integer NOT NULL DEFAULT '0', \"shard_count\" integer NOT NULL DEFAULT '0', \"shards_done\" integer NOT NULL DEFAULT '0', \"requested_by\" uuid, \"error\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"started_at\" TIMESTAMP WITH TIME ZONE, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"scoring_runs_progress_range\" CHECK (processed >= 0 AND processed <= total AND shards_done <= shard_count), CONSTRAINT \"scoring_runs_status_known\" CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')), CONSTRAINT \"PK_65e449ee5150d76d02cb7975de0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"scoring_runs_status\" ON \"scoring_runs\"  (\"status\") ");
    await queryRunner.query("CREATE TABLE \"scoring_run_shards\" (\"run_id\" uuid NOT NULL, \"shard\" integer NOT NULL, \"side\" text NOT NULL, \"from_id\" uuid, \"to_id\" uuid, \"size\" integer NOT NULL, \"done_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"scoring_run_shards_side_known\" CHECK (side IN ('ORGANIZATIONS', 'MENTORS')), CONSTRAINT \"PK_895fc95374a62e3e7a575aa9cdd\" PRIMARY KEY (\"run_id\", \"shard\"))");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD \"prefers_woman_mentor\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"scoring_run_shards\" ADD CONSTRAINT \"FK_937db5a378f9e36d901ae88f284\" FOREIGN KEY (\"run_id\") REFERENCES \"scoring_runs\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SEQUENCE "scoring_rescores"');
    await queryRunner.query("ALTER TABLE \"scoring_run_shards\" DROP CONSTRAINT \"FK_937db5a378f9e36d901ae88f284\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP COLUMN \"prefers_woman_mentor\"");
    await queryRunner.query("DROP TABLE \"scoring_run_shards\"");
    await queryRunner.query("DROP INDEX \"public\".\"scoring_runs_status\"");
    await queryRunner.query("DROP TABLE \"scoring_runs\"");
    await queryRunner.query("DROP TABLE \"mentor_recommendations\"");
    await queryRunner.query("DROP TABLE \"organization_recommendations\"");
  }
}
