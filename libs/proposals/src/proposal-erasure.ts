import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErasureService } from '@werkbrug/privacy';
import { queryRows } from '@werkbrug/database';

/**
 * Erasure reaches proposals: free text about the candidate goes, consents end; the rows stay
 * (without personal data) so outcome statistics remain.
 */
@Injectable()
export class ProposalErasure implements OnModuleInit {
  constructor(private readonly erasure: ErasureService) {}

  onModuleInit() {
    this.erasure.registerStep('proposals', async (em, candidateId) => {
      await queryRows(
        em,
        `UPDATE proposals SET motivation = '[verwijderd]', closed_note = NULL, updated_at = now(), version = version + 1
          WHERE candidate_id = $1`,
        [candidateId],
      );
      await queryRows(
        em,
        `UPDATE proposal_events SET note = NULL WHERE proposal_id IN (SELECT id FROM proposals WHERE candidate_id = $1)`,
        [candidateId],
      );
      // What the sides wrote about a meeting (why it moved, why not, how it went) may be about the candidate.
      await queryRows(
        em,
        `UPDATE meetings SET move_reason = NULL, cancel_reason = NULL, updated_at = now(), version = version + 1
          WHERE proposal_id IN (SELECT id FROM proposals WHERE candidate_id = $1)
            AND (move_reason IS NOT NULL OR cancel_reason IS NOT NULL)`,
        [candidateId],
      );
      await queryRows(
        em,
        `UPDATE meeting_outcomes SET note = NULL, updated_at = now(), version = version + 1
          WHERE note IS NOT NULL AND meeting_id IN (SELECT m.id FROM meetings m
            JOIN proposals p ON p.id = m.proposal_id WHERE p.candidate_id = $1)`,
        [candidateId],
      );
      await queryRows(
        em,
        `UPDATE consents SET withdrawn_at = coalesce(withdrawn_at, now()), motivation = NULL, updated_at = now(),
                version = version + 1
          WHERE candidate_id = $1`,
        [candidateId],
      );
    });
  }
}
