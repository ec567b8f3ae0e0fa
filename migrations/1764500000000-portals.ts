import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The candidate's own pages and the werkmakelaar's console: interest signals ("ik heb interesse"),
 * opt-in e-mail alerts of new matches (subscription + the workplaces already known to the candidate),
 * and an index for the werkmakelaar's own caseload.
 */
export class Portals1764500000000 implements MigrationInterface {
  name = 'Portals1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const std = `id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1`;

    await q.query(`CREATE TABLE interest_signals (${std},
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      vacancy_id uuid NOT NULL REFERENCES vacancies(id),
      organisation_id uuid NOT NULL REFERENCES organisations(id),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
      seen_at timestamptz(3) NULL,
      seen_by_user_id uuid NULL REFERENCES users(id),
      withdrawn_at timestamptz(3) NULL)`);
    // One live signal per candidate–workplace pair; saying it again is idempotent.
    await q.query(`CREATE UNIQUE INDEX interest_signals_one_live_per_pair
                   ON interest_signals (candidate_id, vacancy_id) WHERE withdrawn_at IS NULL`);
    await q.query(
      `CREATE INDEX interest_signals_organisation_idx ON interest_signals (organisation_id, created_at)`,
    );

    await q.query(`CREATE TABLE match_alert_subscriptions (${std},
      candidate_id uuid NOT NULL UNIQUE REFERENCES candidates(id),
      frequency text NOT NULL CHECK (frequency IN ('dagelijks','wekelijks')),
      active boolean NOT NULL,
      -- Rotated at every opt-in: older unsubscribe links stop working.
      link_nonce uuid NOT NULL DEFAULT gen_random_uuid(),
      baseline_at timestamptz(3) NULL,
      last_sent_at timestamptz(3) NULL,
      next_due_at timestamptz(3) NULL,
      unsubscribed_at timestamptz(3) NULL)`);
    await q.query(`CREATE INDEX match_alert_subscriptions_due_idx
                   ON match_alert_subscriptions (next_due_at) WHERE active`);

    await q.query(`CREATE TABLE match_alert_known (
      candidate_id uuid NOT NULL REFERENCES candidates(id),
      vacancy_id uuid NOT NULL REFERENCES vacancies(id) ON DELETE CASCADE,
      first_seen_at timestamptz(3) NOT NULL DEFAULT now(),
      alerted_at timestamptz(3) NULL,
      PRIMARY KEY (candidate_id, vacancy_id))`);

    // The caseload asks per candidate whether they have a login.
    await q.query(
      `CREATE INDEX users_candidate_idx ON users (candidate_id) WHERE candidate_id IS NOT NULL`,
    );
    // The caseload lists a werkmakelaar's own candidates.
    await q.query(
      `CREATE INDEX candidates_werkmakelaar_idx ON candidates (werkmakelaar_id) WHERE erased_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS candidates_werkmakelaar_idx`);
    await q.query(`DROP INDEX IF EXISTS users_candidate_idx`);
    await q.query(`DROP TABLE match_alert_known`);
    await q.query(`DROP TABLE match_alert_subscriptions`);
    await q.query(`DROP TABLE interest_signals`);
  }
}
