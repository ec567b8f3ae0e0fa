import { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only audit trail: reads of full candidate files and every change to candidate data. */
export class AuditLog1763870100000 implements MigrationInterface {
  name = 'AuditLog1763870100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      actor_user_id uuid NULL,
      actor_role text NOT NULL,
      actor_organisation_id uuid NULL,
      action text NOT NULL,
      candidate_id uuid NULL,
      purpose text NULL,
      details jsonb NOT NULL DEFAULT '{}')`);
    await q.query(`CREATE INDEX audit_log_candidate_idx ON audit_log (candidate_id, created_at)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, created_at)`);
    await q.query(`CREATE INDEX audit_log_created_idx ON audit_log (created_at)`);
    // Append-only: the application (and anyone without superuser tricks) cannot rewrite history.
    await q.query(`CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_immutable()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_immutable()`);
  }
}
