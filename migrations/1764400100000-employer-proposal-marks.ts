import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The employer's own status per proposed candidate (to assess, relevant, not relevant, hired): a
 * note for the employer's own overview, separate from the proposal's status, which it does not change.
 */
export class EmployerProposalMarks1764400100000 implements MigrationInterface {
  name = 'EmployerProposalMarks1764400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE employer_proposal_marks (
        proposal_id uuid PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
        employer_id uuid NOT NULL REFERENCES employers(id) ON DELETE CASCADE,
        mark text NOT NULL CHECK (mark IN ('te_beoordelen', 'relevant', 'niet_relevant', 'aangenomen')),
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX employer_proposal_marks_employer_idx ON employer_proposal_marks (employer_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE employer_proposal_marks`);
  }
}
