import { Injectable, OnModuleInit } from '@nestjs/common';
import { ErasureService } from '@werkbrug/privacy';
import { queryRows } from '@werkbrug/database';

/** Erasure blanks the free text of trajectories; dates, routes and outcomes stay for the aggregate reports. */
@Injectable()
export class TrajectoryErasure implements OnModuleInit {
  constructor(private readonly erasure: ErasureService) {}

  onModuleInit() {
    this.erasure.registerStep('trajectories', async (em, candidateId) => {
      const bump = `updated_at = now(), version = version + 1`;
      await queryRows(
        em,
        `UPDATE trajectories SET end_note = NULL, form_details = '{}', ${bump} WHERE candidate_id = $1`,
        [candidateId],
      );
      const ids = `(SELECT id FROM trajectories WHERE candidate_id = $1)`;
      await queryRows(
        em,
        `UPDATE learning_goals SET description = '(gewist)', ${bump} WHERE trajectory_id IN ${ids}`,
        [candidateId],
      );
      await queryRows(
        em,
        `UPDATE trajectory_transitions SET reason = '(gewist)', from_details = '{}', to_details = '{}', ${bump}
          WHERE trajectory_id IN ${ids}`,
        [candidateId],
      );
      await queryRows(
        em,
        `UPDATE trajectory_hours SET override_reason = CASE WHEN override_reason IS NULL THEN NULL ELSE '(gewist)' END, ${bump}
          WHERE trajectory_id IN ${ids}`,
        [candidateId],
      );
      await queryRows(
        em,
        `UPDATE ladder_measurements SET note = '', ${bump} WHERE candidate_id = $1`,
        [candidateId],
      );
    });
  }
}
