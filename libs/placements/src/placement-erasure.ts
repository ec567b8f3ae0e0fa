import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErasureService } from '@werkbrug/privacy';
import { queryRows } from '@werkbrug/database';

/** Erasure reaches contact notes; placements keep their dates and outcome for statistics. */
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
    });
  }
}
