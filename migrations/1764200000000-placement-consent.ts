import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A placement records the candidate's consent to the employer seeing it: from the proposal's consent,
 * or (a direct placement) confirmed by the werkmakelaar. Employers see only placements with it.
 */
export class PlacementConsent1764200000000 implements MigrationInterface {
  name = 'PlacementConsent1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE placements
      ADD COLUMN consent_recorded_at timestamptz(3) NULL,
      ADD COLUMN consent_recorded_by uuid NULL REFERENCES users(id)`);
    await q.query(`UPDATE placements p SET consent_recorded_at = c.given_at, consent_recorded_by = c.given_by_user_id
      FROM (SELECT DISTINCT ON (proposal_id) proposal_id, given_at, given_by_user_id FROM consents
             ORDER BY proposal_id, given_at DESC) c
     WHERE c.proposal_id = p.proposal_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE placements DROP COLUMN consent_recorded_by, DROP COLUMN consent_recorded_at`,
    );
  }
}
