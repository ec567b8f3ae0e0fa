import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention bookkeeping: one row per retention run (what it found and anonymised), so the worker
 * knows when the daily run is due and an operator can see what happened, without personal data.
 */
export class Privacy1763870200000 implements MigrationInterface {
  name = 'Privacy1763870200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE retention_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      trigger text NOT NULL CHECK (trigger IN ('schedule','cli','test')),
      dry_run boolean NOT NULL,
      retention_years smallint NOT NULL CHECK (retention_years BETWEEN 1 AND 30),
      cutoff date NOT NULL,
      finished_at timestamptz NULL,
      candidate_ids uuid[] NOT NULL DEFAULT '{}',
      erased integer NOT NULL DEFAULT 0,
      failed integer NOT NULL DEFAULT 0)`);
    await q.query(
      `CREATE INDEX retention_runs_due_idx ON retention_runs (created_at) WHERE NOT dry_run`,
    );
    // The daily scan reads only files that are still live and have an end date.
    await q.query(`CREATE INDEX candidates_retention_idx ON candidates (trajectory_ended_on, id)
                   WHERE erased_at IS NULL AND trajectory_ended_on IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS candidates_retention_idx`);
    await q.query(`DROP TABLE IF EXISTS retention_runs`);
  }
}
