import { queryRows } from '@werkbrug/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@werkbrug/auth';

export const MARKS = {
  te_beoordelen: 'Nog beoordelen',
  relevant: 'Interessant',
  niet_relevant: 'Niet interessant',
  aangenomen: 'Aangenomen',
} as const;
export type Mark = keyof typeof MARKS;
export const isMark = (value: string): value is Mark => value in MARKS;

/**
 * The employer's own status per proposed candidate. Callers first read the proposal through
 * ProposalsService (which scopes it to the employer), then set or read the mark here.
 */
@Injectable()
export class EmployerMarksService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async marksOf(actor: Actor, proposalIds: string[]): Promise<Map<string, Mark>> {
    if (!proposalIds.length || !actor.employerId) return new Map();
    const rows = await queryRows<{ proposal_id: string; mark: Mark }>(
      this.db,
      `SELECT proposal_id, mark FROM employer_proposal_marks
        WHERE employer_id = $1 AND proposal_id = ANY($2::uuid[])`,
      [actor.employerId, proposalIds],
    );
    return new Map(rows.map((r) => [r.proposal_id, r.mark]));
  }

  async set(actor: Actor, proposalId: string, mark: Mark): Promise<void> {
    await queryRows(
      this.db,
      `INSERT INTO employer_proposal_marks (proposal_id, employer_id, mark, updated_by)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (proposal_id) DO UPDATE
         SET mark = EXCLUDED.mark, updated_by = EXCLUDED.updated_by, updated_at = now()
       WHERE employer_proposal_marks.employer_id = EXCLUDED.employer_id`,
      [proposalId, actor.employerId, mark, actor.userId],
    );
  }
}
