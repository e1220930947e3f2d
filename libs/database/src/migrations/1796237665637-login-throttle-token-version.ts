import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginThrottleTokenVersion1796237665637 implements MigrationInterface {
  name = 'LoginThrottleTokenVersion1796237665637';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"login_throttle\" (\"key\" bytea NOT NULL, \"failures\" integer NOT NULL, \"blocked_until\" TIMESTAMP WITH TIME ZONE, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_14c03bac82292a8310c54cb98d0\" PRIMARY KEY (\"key\"))");
    await queryRunner.query("CREATE INDEX \"login_throttle_expires_at\" ON \"login_throttle\"  (\"expires_at\") ");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"login_attempts\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"login_window_started_at\"");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"token_version\" integer NOT NULL DEFAULT '0'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"token_version\"");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"login_window_started_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"login_attempts\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("DROP INDEX \"public\".\"login_throttle_expires_at\"");
    await queryRunner.query("DROP TABLE \"login_throttle\"");
  }
}
