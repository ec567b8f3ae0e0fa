import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The kennismaking and the meeloopdag as a step all three sides see: a meeting per proposal step,
 * the moments offered for it (when, where, with whom), the one that was picked, and afterwards how
 * it went per side. Moving a meeting offers a new round of moments; the old rounds stay as history.
 */
export class Meetings1796091000000 implements MigrationInterface {
  name = 'Meetings1796091000000';

  async up(q: QueryRunner): Promise<void> {
    const std = `id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz(3) NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1`;
    const roles = `'werkgever','kandidaat','werkmakelaar'`;

    await q.query(`CREATE TABLE meetings (${std},
      proposal_id uuid NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('kennismaking','meeloopdag')),
      status text NOT NULL CHECK (status IN ('aangeboden','gekozen','gehouden','geannuleerd')),
      round integer NOT NULL DEFAULT 1 CHECK (round >= 1),
      chosen_option_id uuid NULL,
      offered_by_user_id uuid NULL REFERENCES users(id) ON DELETE SET NULL,
      offered_by_role text NOT NULL CHECK (offered_by_role IN (${roles})),
      picked_by_user_id uuid NULL REFERENCES users(id) ON DELETE SET NULL,
      picked_by_role text NULL CHECK (picked_by_role IN (${roles})),
      picked_at timestamptz(3) NULL,
      moved_by_role text NULL CHECK (moved_by_role IN (${roles})),
      move_reason text NULL CHECK (length(move_reason) <= 500),
      cancelled_by_role text NULL CHECK (cancelled_by_role IN (${roles})),
      cancel_reason text NULL CHECK (length(cancel_reason) <= 500),
      cancelled_at timestamptz(3) NULL,
      ics_sequence integer NOT NULL DEFAULT 0 CHECK (ics_sequence >= 0),
      reminder_sent_for timestamptz(3) NULL,
      CONSTRAINT meetings_chosen_when_agreed CHECK (
        (status IN ('gekozen','gehouden')) = (chosen_option_id IS NOT NULL) OR status = 'geannuleerd'),
      CONSTRAINT meetings_cancelled_when_cancelled CHECK (
        (status = 'geannuleerd') = (cancelled_at IS NOT NULL)))`);
    // One running meeting per proposal: a new one is offered after the last was held or cancelled.
    await q.query(`CREATE UNIQUE INDEX meetings_one_running_per_proposal ON meetings (proposal_id)
                   WHERE status IN ('aangeboden','gekozen')`);
    await q.query(`CREATE INDEX meetings_proposal_idx ON meetings (proposal_id, created_at)`);

    await q.query(`CREATE TABLE meeting_options (${std},
      meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      round integer NOT NULL CHECK (round >= 1),
      position smallint NOT NULL CHECK (position BETWEEN 1 AND 3),
      starts_at timestamptz(3) NOT NULL,
      ends_at timestamptz(3) NOT NULL,
      place text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
      with_whom text NOT NULL CHECK (length(with_whom) BETWEEN 1 AND 200),
      unavailable_at timestamptz(3) NULL,
      CONSTRAINT meeting_options_end_after_start CHECK (ends_at > starts_at),
      CONSTRAINT meeting_options_position UNIQUE (meeting_id, round, position))`);
    await q.query(
      `ALTER TABLE meetings ADD CONSTRAINT meetings_chosen_option_fkey
         FOREIGN KEY (chosen_option_id) REFERENCES meeting_options(id)`,
    );
    // The reminder run looks for agreed meetings by the start of their chosen moment.
    await q.query(`CREATE INDEX meeting_options_starts_idx ON meeting_options (starts_at)`);

    await q.query(`CREATE TABLE meeting_outcomes (${std},
      meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      side text NOT NULL CHECK (side IN (${roles})),
      outcome text NOT NULL CHECK (outcome IN ('goed','twijfel','niet_goed','niet_doorgegaan')),
      note text NULL CHECK (length(note) <= 2000),
      recorded_by_user_id uuid NULL REFERENCES users(id) ON DELETE SET NULL,
      CONSTRAINT meeting_outcomes_one_per_side UNIQUE (meeting_id, side))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meeting_outcomes`);
    await q.query(`ALTER TABLE meetings DROP CONSTRAINT meetings_chosen_option_fkey`);
    await q.query(`DROP TABLE meeting_options`);
    await q.query(`DROP TABLE meetings`);
  }
}
