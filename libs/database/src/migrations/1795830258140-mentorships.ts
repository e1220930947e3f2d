import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Mentorships1795830258140 implements MigrationInterface {
  name = 'Mentorships1795830258140';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"mentorship_requests\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_id\" uuid NOT NULL, \"mentor_id\" uuid NOT NULL, \"requested_by\" uuid, \"message\" text NOT NULL, \"goals\" text array NOT NULL DEFAULT '{}', \"auto_reroute\" boolean NOT NULL DEFAULT false, \"source\" text NOT NULL DEFAULT 'DIRECT', \"status\" text NOT NULL DEFAULT 'PENDING', \"decline_reason\" text, \"decline_comment\" text, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"decided_at\" TIMESTAMP WITH TIME ZONE, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"reminded_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"mentorship_requests_decided\" CHECK ((status = 'PENDING') = (decided_at IS NULL)), CONSTRAINT \"mentorship_requests_decline_reason\" CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL) AND (decline_reason IS NULL OR decline_reason IN ('NO_CAPACITY', 'OUTSIDE_EXPERTISE', 'LANGUAGE', 'TIMING', 'OTHER'))), CONSTRAINT \"mentorship_requests_source_known\" CHECK (source IN ('DIRECT', 'REROUTE', 'ROUND')), CONSTRAINT \"mentorship_requests_status_known\" CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED', 'WITHDRAWN')), CONSTRAINT \"PK_a82e6b21a9a92841bd754e6d797\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"mentorship_requests_organization\" ON \"mentorship_requests\"  (\"organization_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"mentorship_requests_mentor\" ON \"mentorship_requests\"  (\"mentor_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"mentorship_requests_open_pair\" ON \"mentorship_requests\"  (\"organization_id\", \"mentor_id\") WHERE status = 'PENDING'");
    await queryRunner.query("CREATE TABLE \"mentorships\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"request_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"mentor_id\" uuid NOT NULL, \"status\" text NOT NULL DEFAULT 'ACTIVE', \"started_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"ended_at\" TIMESTAMP WITH TIME ZONE, \"end_reason\" text, CONSTRAINT \"mentorships_finished\" CHECK ((status = 'ACTIVE') = (ended_at IS NULL)), CONSTRAINT \"mentorships_status_known\" CHECK (status IN ('ACTIVE', 'COMPLETED', 'ENDED')), CONSTRAINT \"PK_57c594aeb4b0aed94a827f82c48\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"mentorships_request_key\" ON \"mentorships\"  (\"request_id\") ");
    await queryRunner.query("CREATE INDEX \"mentorships_organization\" ON \"mentorships\"  (\"organization_id\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"mentorships_mentor\" ON \"mentorships\"  (\"mentor_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"request_id\" uuid, \"mentorship_id\" uuid, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"read_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"notifications_kind_known\" CHECK (kind IN ('REQUEST_RECEIVED', 'REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'REQUEST_CANCELLED', 'REQUEST_WITHDRAWN', 'REQUEST_REMINDER', 'REQUEST_EXPIRED', 'MENTORSHIP_COMPLETED', 'MENTORSHIP_ENDED')), CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"notifications_user\" ON \"notifications\"  (\"user_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"mentor_profiles\" ADD \"active_mentorships\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD \"mentors_wanted\" smallint NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD \"open_requests\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD \"active_mentorships\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"mentor_profiles\" ADD CONSTRAINT \"mentor_profiles_within_capacity\" CHECK (active_mentorships BETWEEN 0 AND capacity)");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD CONSTRAINT \"organizations_mentors_wanted_range\" CHECK (mentors_wanted BETWEEN 1 AND 3)");
    await queryRunner.query("ALTER TABLE \"organizations\" ADD CONSTRAINT \"organizations_request_counters\" CHECK (open_requests >= 0 AND active_mentorships >= 0)");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"organizations\" DROP CONSTRAINT \"organizations_request_counters\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP CONSTRAINT \"organizations_mentors_wanted_range\"");
    await queryRunner.query("ALTER TABLE \"mentor_profiles\" DROP CONSTRAINT \"mentor_profiles_within_capacity\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP COLUMN \"active_mentorships\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP COLUMN \"open_requests\"");
    await queryRunner.query("ALTER TABLE \"organizations\" DROP COLUMN \"mentors_wanted\"");
    await queryRunner.query("ALTER TABLE \"mentor_profiles\" DROP COLUMN \"active_mentorships\"");
    await queryRunner.query("DROP INDEX \"public\".\"notifications_user\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentorships_mentor\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentorships_organization\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentorships_request_key\"");
    await queryRunner.query("DROP TABLE \"mentorships\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentorship_requests_open_pair\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentorship_requests_mentor\"");
    await queryRunner.query("DROP INDEX \"public\".\"mentorship_requests_organization\"");
    await queryRunner.query("DROP TABLE \"mentorship_requests\"");
  }
}
