import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import and export (libs/import): an upload is a job the worker claims (FOR UPDATE SKIP LOCKED, with a
 * lease so a crashed worker's job is taken again); the file stays in the dry run's row (bytea, at most
 * 50 MB) and the real run reads it from there. import_links remembers which record a source system's
 * id (Extern ID) became, per organisation and kind, so a second import updates instead of duplicating.
 */
export class ImportJobs1796097000000 implements MigrationInterface {
  name = 'ImportJobs1796097000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE import_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      kind text NOT NULL CHECK (kind IN ('candidates','employers','workplaces')),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      actor_user_id uuid NOT NULL REFERENCES users(id),
      dry_run boolean NOT NULL,
      dry_run_job_id uuid NULL REFERENCES import_jobs(id),
      file_name text NOT NULL,
      file_bytes bytea NULL CHECK (octet_length(file_bytes) <= 52428800),
      mapping jsonb NOT NULL DEFAULT '{}',
      purpose text NULL,
      notify_candidates boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','done','failed')),
      rows_total integer NOT NULL DEFAULT 0,
      rows_done integer NOT NULL DEFAULT 0,
      totals jsonb NOT NULL DEFAULT '{"new":0,"changed":0,"unchanged":0,"refused":0,"duplicates":0}',
      problems jsonb NOT NULL DEFAULT '[]',
      failure text NULL,
      lease_until timestamptz(3) NULL,
      attempts integer NOT NULL DEFAULT 0,
      started_at timestamptz(3) NULL,
      finished_at timestamptz(3) NULL,
      CONSTRAINT import_jobs_file_or_source CHECK (file_bytes IS NOT NULL OR dry_run_job_id IS NOT NULL))`);
    await q.query(
      `CREATE INDEX import_jobs_waiting_idx ON import_jobs (created_at) WHERE status IN ('queued','running')`,
    );
    await q.query(`CREATE INDEX import_jobs_organisation_idx ON import_jobs (organisation_id, created_at DESC)`);
    await q.query(
      `CREATE UNIQUE INDEX import_jobs_one_run_idx ON import_jobs (dry_run_job_id) WHERE dry_run_job_id IS NOT NULL`,
    );
    await q.query(`CREATE TABLE import_links (
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      kind text NOT NULL CHECK (kind IN ('candidates','employers','workplaces')),
      extern_id text NOT NULL CHECK (length(extern_id) BETWEEN 1 AND 100),
      record_id uuid NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      PRIMARY KEY (organisation_id, kind, extern_id))`);
    await q.query(`CREATE INDEX import_links_record_idx ON import_links (record_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_links`);
    await q.query(`DROP TABLE import_jobs`);
  }
}
