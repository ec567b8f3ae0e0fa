import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErasureService } from '@werkbrug/privacy';
import { queryRows } from '@werkbrug/database';

/** Erasure ends the alerts: no mail goes to an erased file, and what it knew is gone. */
@Injectable()
export class AlertsErasure implements OnModuleInit {
  constructor(private readonly erasure: ErasureService) {}

  onModuleInit() {
    this.erasure.registerStep('match_alerts', async (em, candidateId) => {
      await queryRows(em, `DELETE FROM match_alert_known WHERE candidate_id = $1`, [candidateId]);
      await queryRows(em, `DELETE FROM match_alert_subscriptions WHERE candidate_id = $1`, [
        candidateId,
      ]);
    });
  }
}
