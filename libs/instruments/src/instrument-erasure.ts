import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErasureService, type ErasureStepName } from '@werkbrug/privacy';
import { queryRows } from '@werkbrug/database';

/** Erasure removes the kept calculations (they hold the candidate's facts) and their deadlines. */
@Injectable()
export class InstrumentErasure implements OnModuleInit {
  constructor(private readonly erasure: ErasureService) {}

  onModuleInit() {
    // One of REQUIRED_ERASURE_STEPS: erasure and retention refuse to run in a process that does not
    // import InstrumentsModule, so calculations (they quote the candidate's facts) are never left behind.
    this.erasure.registerStep(
      'instrument_calculations' as ErasureStepName,
      async (em, candidateId) => {
        await queryRows(em, `DELETE FROM instrument_deadlines WHERE candidate_id = $1`, [
          candidateId,
        ]);
        await queryRows(em, `DELETE FROM instrument_calculations WHERE candidate_id = $1`, [
          candidateId,
        ]);
      },
    );
  }
}
