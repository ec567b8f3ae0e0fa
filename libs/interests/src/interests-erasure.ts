import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErasureService } from '@werkbrug/privacy';
import { queryRows } from '@werkbrug/database';

/** Erasure reaches interest signals: the candidate's note goes, the signal is closed. */
@Injectable()
export class InterestsErasure implements OnModuleInit {
  constructor(private readonly erasure: ErasureService) {}

  onModuleInit() {
    this.erasure.registerStep('interest_signals', async (em, candidateId) => {
      await queryRows(
        em,
        `UPDATE interest_signals SET note = '', withdrawn_at = coalesce(withdrawn_at, now()), updated_at = now(),
                version = version + 1
          WHERE candidate_id = $1`,
        [candidateId],
      );
    });
  }
}
