import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MentorshipRecords1795830971999 implements MigrationInterface {
  name = 'MentorshipRecords1795830971999';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"mentorship_goals\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"mentorship_id\" uuid NOT NULL, \"title\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'OPEN', \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"mentorship_goals_status_known\" CHECK (status IN ('OPEN', 'IN_PROGRESS', 'ACHIEVED', 'DROPPED')), CONSTRAINT \"PK_282708a9b8a2001d731c639484b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"mentorship_goals_mentorship\" ON \"mentorship_goals\"  (\"mentorship_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"mentorship_sessions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"mentorship_id\" uuid NOT NULL, \"held_on\" date NOT NULL, \"minutes\" integer NOT NULL, \"topics\" text array NOT NULL DEFAULT '{}', \"notes\" text NOT NULL DEFAULT '', \"logged_by\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"mentorship_sessions_minutes_range\" CHECK (minutes BETWEEN 1 AND 600), CONSTRAINT \"PK_73d52f1505acf4ef387eaa5adb5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"mentorship_sessions_mentorship\" ON \"mentorship_sessions\"  (\"mentorship_id\", \"held_on\") ");
    await queryRunner.query("CREATE TABLE \"mentorship_feedback\" (\"mentorship_id\" uuid NOT NULL, \"side\" text NOT NULL, \"rating\" smallint NOT NULL, \"comment\" text NOT NULL DEFAULT '', \"submitted_by\" uuid NOT NULL, \"submitted_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"mentorship_feedback_side_known\" CHECK (side IN ('ORGANIZATION', 'MENTOR')), CONSTRAINT \"mentorship_feedback_rating_range\" CHECK (rating BETWEEN 1 AND 5), CONSTRAINT \"PK_cff13102d26d117f18e936cfff5\" PRIMARY KEY (\"mentorship_id\", \"side\"))");
    await queryRunner.query("CREATE TABLE \"mentorship_outcomes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"mentorship_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"economies\" text array NOT NULL DEFAULT '{}', \"financing_band\" text, \"jobs_created\" integer, \"note\" text NOT NULL DEFAULT '', \"reported_by\" uuid NOT NULL, \"reported_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"case_study_narrative\" text, \"case_study_by\" uuid, CONSTRAINT \"mentorship_outcomes_case_study\" CHECK ((case_study_narrative IS NULL) = (case_study_by IS NULL)), CONSTRAINT \"mentorship_outcomes_details\" CHECK ((kind = 'EXPORT_STARTED') = (cardinality(economies) > 0)\n   AND (kind = 'FINANCING') = (financing_band IS NOT NULL)\n   AND (kind = 'JOBS_CREATED') = (jobs_created IS NOT NULL)\n   AND (jobs_created IS NULL OR jobs_created BETWEEN 1 AND 100000)\n   AND (financing_band IS NULL OR financing_band IN ('UNDER_10K', 'FROM_10K_TO_50K', 'FROM_50K_TO_250K', 'FROM_250K_TO_1M', 'OVER_1M'))), CONSTRAINT \"mentorship_outcomes_kind_known\" CHECK (kind IN ('EXPORT_STARTED', 'PARTNERSHIP', 'FINANCING', 'NEW_PRODUCT_OR_PROCESS', 'DIGITAL_ADOPTION', 'JOBS_CREATED', 'NONE')), CONSTRAINT \"PK_c9ecd7e9f009b896991f3320440\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"mentorship_outcomes_organization\" ON \"mentorship_outcomes\"  (\"organization_id\") ");
    await queryRunner.query("CREATE INDEX \"mentorship_outcomes_mentorship\" ON \"mentorship_outcomes\"  (\"mentorship_id\") ");
    await queryRunner.query("ALTER TABLE \"mentorships\" ADD \"outcome_survey_sent_at\" TIMESTAMP WITH TIME ZONE");
    // TypeORM does not compare changed CHECK expressions: the new notification kinds by hand.
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_known"');
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_known" CHECK (kind IN ('REQUEST_RECEIVED', 'REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'REQUEST_CANCELLED', 'REQUEST_WITHDRAWN', 'REQUEST_REMINDER', 'REQUEST_EXPIRED', 'MENTORSHIP_COMPLETED', 'MENTORSHIP_ENDED', 'FEEDBACK_DUE', 'OUTCOME_SURVEY_DUE'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_known"');
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_known" CHECK (kind IN ('REQUEST_RECEIVED', 'REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'REQUEST_CANCELLED', 'REQUEST_WITHDRAWN', 'REQUEST_REMINDER', 'REQUEST_EXPIRED', 'MENTORSHIP_COMPLETED', 'MENTORSHIP_ENDED'))`,
    );
    await queryRunner.query("ALTER TABLE \"mentorships\" DROP COLUMN \"outcome_survey_sent_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentorship_outcomes_mentorship\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentorship_outcomes_organization\"");
    await queryRunner.query("DROP TABLE \"mentorship_outcomes\"");
    await queryRunner.query("DROP TABLE \"mentorship_feedback\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentorship_sessions_mentorship\"");
    await queryRunner.query("DROP TABLE \"mentorship_sessions\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentorship_goals_mentorship\"");
    await queryRunner.query("DROP TABLE \"mentorship_goals\"");
  }
}
