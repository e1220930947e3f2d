import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MatchInterests1795834103704 implements MigrationInterface {
  name = 'MatchInterests1795834103704';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"match_interests\" (\"organization_id\" uuid NOT NULL, \"mentor_id\" uuid NOT NULL, \"side\" text NOT NULL, \"interest\" text NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"match_interests_known\" CHECK (interest IN ('INTERESTED', 'NOT_INTERESTED') AND side IN ('ORGANIZATION', 'MENTOR')), CONSTRAINT \"PK_b93ad57cb666784cd2f47ac4d2a\" PRIMARY KEY (\"organization_id\", \"mentor_id\", \"side\"))");
    await queryRunner.query("CREATE INDEX \"match_interests_mentor\" ON \"match_interests\"  (\"mentor_id\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"match_interests_mentor\"");
    await queryRunner.query("DROP TABLE \"match_interests\"");
  }
}
