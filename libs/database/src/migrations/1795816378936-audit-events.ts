import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditEvents1795816378936 implements MigrationInterface {
  name = 'AuditEvents1795816378936';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_events\" (\"id\" BIGSERIAL NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"actor_id\" uuid, \"action\" text NOT NULL, \"target_type\" text NOT NULL, \"target_id\" text, \"details\" jsonb NOT NULL DEFAULT '{}', CONSTRAINT \"PK_910f64d901a5c3e9878f0d4a407\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"audit_events_action\" ON \"audit_events\"  (\"action\") ");
    await queryRunner.query("CREATE INDEX \"audit_events_target\" ON \"audit_events\"  (\"target_type\", \"target_id\") ");
    // Append-only: the database itself refuses to change or remove an event.
    await queryRunner.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await queryRunner.query(`CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_events_no_truncate ON audit_events');
    await queryRunner.query('DROP TRIGGER audit_events_no_change ON audit_events');
    await queryRunner.query('DROP FUNCTION audit_events_append_only()');
    await queryRunner.query("DROP INDEX \"public\".\"audit_events_target\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_events_action\"");
    await queryRunner.query("DROP TABLE \"audit_events\"");
  }
}
