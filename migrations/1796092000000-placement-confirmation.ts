import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employer confirms a placement. A placement starts "te bevestigen"; the employer confirms it in
 * Werkbrug or asks for a change (with what should change), or the werkmakelaar records that the
 * employer agreed by phone (on which date, with a note). Until it is confirmed it fills no place on
 * the workplace and counts in no report.
 *
 * Placements made before this change were never asked: they are taken as confirmed (they already
 * hold their place), confirmed_at being their creation and confirmed_via left empty (unknown).
 */
export class PlacementConfirmation1796092000000 implements MigrationInterface {
  name = 'PlacementConfirmation1796092000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE placements
      ADD COLUMN confirmation text NOT NULL DEFAULT 'te_bevestigen'
        CHECK (confirmation IN ('te_bevestigen','bevestigd','wijziging_gevraagd')),
      ADD COLUMN confirmed_at timestamptz NULL,
      ADD COLUMN confirmed_by_user_id uuid NULL REFERENCES users(id),
      ADD COLUMN confirmed_via text NULL CHECK (confirmed_via IN ('werkgever','telefoon')),
      ADD COLUMN phone_agreed_on date NULL,
      ADD COLUMN confirmation_note text NULL,
      ADD COLUMN change_request text NULL,
      ADD COLUMN change_requested_at timestamptz NULL,
      ADD CONSTRAINT placements_phone_agreement_dated
        CHECK (confirmed_via IS DISTINCT FROM 'telefoon' OR phone_agreed_on IS NOT NULL),
      ADD CONSTRAINT placements_confirmed_when
        CHECK ((confirmation = 'bevestigd') = (confirmed_at IS NOT NULL))`);
    await q.query(
      `UPDATE placements SET confirmation = 'bevestigd', confirmed_at = created_at WHERE confirmation = 'te_bevestigen'`,
    );
    // The employer's "te bevestigen" list and the counts look for the few unconfirmed ones.
    await q.query(
      `CREATE INDEX placements_unconfirmed_idx ON placements (vacancy_id) WHERE confirmation <> 'bevestigd'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX placements_unconfirmed_idx`);
    await q.query(`ALTER TABLE placements
      DROP CONSTRAINT placements_confirmed_when,
      DROP CONSTRAINT placements_phone_agreement_dated,
      DROP COLUMN change_requested_at,
      DROP COLUMN change_request,
      DROP COLUMN confirmation_note,
      DROP COLUMN phone_agreed_on,
      DROP COLUMN confirmed_via,
      DROP COLUMN confirmed_by_user_id,
      DROP COLUMN confirmed_at,
      DROP COLUMN confirmation`);
  }
}
