import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Programs1795833798974 implements MigrationInterface {
  name = 'Programs1795833798974';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"programs\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text NOT NULL, \"economies\" text array NOT NULL, \"starts_on\" date NOT NULL, \"ends_on\" date NOT NULL, \"weights\" jsonb, \"created_by\" uuid, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"programs_dates\" CHECK (starts_on <= ends_on), CONSTRAINT \"PK_d43c664bcaafc0e8a06dfd34e05\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"program_organizations\" (\"program_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, CONSTRAINT \"PK_301a1c0174dd1a930d8fd3bb6a9\" PRIMARY KEY (\"program_id\", \"organization_id\"))");
    await queryRunner.query("CREATE INDEX \"program_organizations_organization\" ON \"program_organizations\"  (\"organization_id\") ");
    await queryRunner.query("CREATE TABLE \"program_mentors\" (\"program_id\" uuid NOT NULL, \"mentor_id\" uuid NOT NULL, CONSTRAINT \"PK_81e7d580be2a33fc84c93e76b4c\" PRIMARY KEY (\"program_id\", \"mentor_id\"))");
    await queryRunner.query("CREATE INDEX \"program_mentors_mentor\" ON \"program_mentors\"  (\"mentor_id\") ");
    await queryRunner.query("CREATE TABLE \"matching_rounds\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"program_id\" uuid NOT NULL, \"algorithm\" text NOT NULL, \"max_mentors_per_organization\" smallint NOT NULL, \"min_women_led_share\" real, \"min_non_metropolitan_share\" real, \"status\" text NOT NULL DEFAULT 'QUEUED', \"progress\" smallint NOT NULL DEFAULT '0', \"error\" text, \"summary\" jsonb, \"capacities\" jsonb, \"created_by\" uuid, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"finished_at\" TIMESTAMP WITH TIME ZONE, \"published_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"matching_rounds_algorithm_known\" CHECK (algorithm IN ('OPTIMAL', 'GREEDY', 'STABLE')), CONSTRAINT \"matching_rounds_status_known\" CHECK (status IN ('QUEUED', 'RUNNING', 'PROPOSED', 'PUBLISHED', 'FAILED')), CONSTRAINT \"PK_ac827fe26d4b23664058b8545cf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"matching_rounds_program\" ON \"matching_rounds\"  (\"program_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"matching_round_candidates\" (\"round_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"mentor_id\" uuid NOT NULL, \"score\" smallint NOT NULL, \"assigned\" boolean NOT NULL, CONSTRAINT \"PK_9070f775030be6fd8e3cc9305c1\" PRIMARY KEY (\"round_id\", \"organization_id\", \"mentor_id\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"matching_round_candidates\"");
    await queryRunner.query("DROP INDEX \"public\".\"matching_rounds_program\"");
    await queryRunner.query("DROP TABLE \"matching_rounds\"");
    await queryRunner.query("DROP INDEX \"public\".\"program_mentors_mentor\"");
    await queryRunner.query("DROP TABLE \"program_mentors\"");
    await queryRunner.query("DROP INDEX \"public\".\"program_organizations_organization\"");
    await queryRunner.query("DROP TABLE \"program_organizations\"");
    await queryRunner.query("DROP TABLE \"programs\"");
  }
}
