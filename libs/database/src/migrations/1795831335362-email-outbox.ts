import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailOutbox1795831335362 implements MigrationInterface {
  name = 'EmailOutbox1795831335362';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"email_outbox\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"to_address\" text NOT NULL, \"template\" text NOT NULL, \"subject\" text NOT NULL, \"body\" text NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"claimed_at\" TIMESTAMP WITH TIME ZONE, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, CONSTRAINT \"PK_b6fbfc201f705fbf1ac87bd7197\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"email_outbox_unsent\" ON \"email_outbox\"  (\"created_at\") WHERE sent_at IS NULL");
    // TypeORM does not compare changed CHECK expressions: the new notification kind by hand.
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_known"');
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_known" CHECK (kind IN ('REQUEST_RECEIVED', 'REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'REQUEST_CANCELLED', 'REQUEST_WITHDRAWN', 'REQUEST_REMINDER', 'REQUEST_EXPIRED', 'REQUEST_REROUTED', 'MENTORSHIP_COMPLETED', 'MENTORSHIP_ENDED', 'FEEDBACK_DUE', 'OUTCOME_SURVEY_DUE'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_known"');
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_known" CHECK (kind IN ('REQUEST_RECEIVED', 'REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'REQUEST_CANCELLED', 'REQUEST_WITHDRAWN', 'REQUEST_REMINDER', 'REQUEST_EXPIRED', 'MENTORSHIP_COMPLETED', 'MENTORSHIP_ENDED', 'FEEDBACK_DUE', 'OUTCOME_SURVEY_DUE'))`,
    );
    await queryRunner.query("DROP INDEX \"public\".\"email_outbox_unsent\"");
    await queryRunner.query("DROP TABLE \"email_outbox\"");
  }
}
