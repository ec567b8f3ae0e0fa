import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErasureService } from '@werkbrug/privacy';

/** Erasure removes the kept calculations (they hold the candidate's facts) and their deadlines. */
@Injectable()
export class InstrumentErasure implements OnModuleInit {
  constructor(private readonly erasure: ErasureService) {}

  onModuleInit() {
    this.erasure.registerStep('instrument_calculations', async (em, candidateId) => {
      await em.query(`DELETE FROM instrument_deadlines WHERE candidate_id = $1`, [candidateId]);
      await em.query(`DELETE FROM instrument_calculations WHERE candidate_id = $1`, [candidateId]);
    });
  }
}
