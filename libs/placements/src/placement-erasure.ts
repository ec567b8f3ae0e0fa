import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErasureService } from '@werkbrug/privacy';
import { queryRows } from '@werkbrug/database';

/**
 * Erasure reaches contact notes and the free text around a placement's confirmation (the phone note,
 * the employer's change request); placements keep their dates, confirmation and outcome for statistics.
 */
@Injectable()
export class PlacementErasure implements OnModuleInit {
  constructor(private readonly erasure: ErasureService) {}

  onModuleInit() {
    this.erasure.registerStep('checkins', async (em, candidateId) => {
      await queryRows(
        em,
        `UPDATE checkins SET note = '', updated_at = now(), version = version + 1 WHERE candidate_id = $1`,
        [candidateId],
      );
      await queryRows(
        em,
        `UPDATE placements SET confirmation_note = NULL, change_request = NULL, updated_at = now(), version = version + 1
          WHERE candidate_id = $1 AND (confirmation_note IS NOT NULL OR change_request IS NOT NULL)`,
        [candidateId],
      );
    });
  }
}
