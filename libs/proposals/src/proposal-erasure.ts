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
