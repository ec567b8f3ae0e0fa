import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@werkbrug/audit';
import type { Actor } from '@werkbrug/auth';
import { isCandidateOfOrganisation } from '@werkbrug/candidates';
import { Problems } from '@werkbrug/http';
import { CandidatesService } from '@werkbrug/candidates';
import { today } from '@werkbrug/domain';
import { ladderPath, measurementDue, MEASUREMENT_INTERVAL_MONTHS } from './ladder-path';
import { CreateLadderMeasurementDto } from './trajectory.dto';
import type { LadderHistoryView, LadderOverdueList } from './trajectory.view';
import { LADDER_LABELS } from './vocabulary';
import { queryRows } from '@werkbrug/database';

type Row = Record<string, unknown>;

/** Participatieladder measurements as history: who measured which rung when, and the path it draws. */
@Injectable()
export class LadderService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly candidates: CandidatesService,
    private readonly audit: AuditService,
  ) {}

  async history(actor: Actor, candidateId: string): Promise<LadderHistoryView> {
    if (!(await isCandidateOfOrganisation(this.db, candidateId, actor.organisationId)))
      throw Problems.notFound('Candidate');
    const rows = await queryRows<Row>(
      this.db,
      `SELECT id, rung, measured_on::text AS measured_on, by_user_id, note, trajectory_id
         FROM ladder_measurements WHERE candidate_id = $1 ORDER BY measured_on, created_at`,
      [candidateId],
    );
    const measurements = rows.map((r) => ({
      id: r.id as string,
      rung: r.rung as number,
      label: LADDER_LABELS[r.rung as number] as string,
      measuredOn: r.measured_on as string,
      byUserId: r.by_user_id as string,
      note: r.note as string,
      trajectoryId: (r.trajectory_id as string | null) ?? null,
    }));
    const due = measurementDue(measurements, today());
    return {
      candidateId,
      measurements,
      path: ladderPath(measurements),
      currentRung: measurements.at(-1)?.rung ?? null,
      nextDueOn: due.dueOn,
      overdue: due.overdue,
    };
  }

  async measure(actor: Actor, candidateId: string, dto: CreateLadderMeasurementDto) {
    await this.db.transaction(async (em) => {
      if (!(await isCandidateOfOrganisation(em, candidateId, actor.organisationId)))
        throw Problems.notFound('Candidate');
      if (dto.measuredOn > today())
        throw Problems.validation([{ field: 'measuredOn', message: 'must not be in the future' }]);
      if (dto.trajectoryId) {
        const [t] = await queryRows<unknown>(
          em,
          `SELECT 1 FROM trajectories WHERE id = $1 AND candidate_id = $2`,
          [dto.trajectoryId, candidateId],
        );
        if (!t)
          throw Problems.validation([
            { field: 'trajectoryId', message: 'not a trajectory of this candidate' },
          ]);
      }
      await queryRows(
        em,
        `INSERT INTO ladder_measurements (candidate_id, trajectory_id, rung, measured_on, by_user_id, note)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          candidateId,
          dto.trajectoryId ?? null,
          dto.rung,
          dto.measuredOn,
          actor.userId,
          dto.note ?? '',
        ],
      );
      // The newest measurement is the rung matching works with (the profile and its search document).
      await this.candidates.recordLadderRung(em, candidateId, dto.rung, dto.measuredOn);
      await this.audit.record(em, actor, {
        action: 'ladder.measure',
        candidateId,
        details: { rung: dto.rung, measuredOn: dto.measuredOn },
      });
    });
    return this.history(actor, candidateId);
  }

  /** Candidates with a running trajectory whose last measurement is more than six months old (or missing). */
  async overdue(actor: Actor, on = today()): Promise<LadderOverdueList> {
    const rows = await queryRows<Row>(
      this.db,
      `SELECT c.id, c.pseudonym, m.last::text AS last,
              (m.last + make_interval(months => $2))::date::text AS due
         FROM candidates c
         LEFT JOIN LATERAL (SELECT max(measured_on) AS last FROM ladder_measurements WHERE candidate_id = c.id) m ON true
        WHERE c.organisation_id = $1 AND c.erased_at IS NULL
          AND EXISTS (SELECT 1 FROM trajectories t WHERE t.candidate_id = c.id AND t.status = 'lopend')
          AND (m.last IS NULL OR m.last + make_interval(months => $2) < $3::date)
        ORDER BY m.last NULLS FIRST, c.pseudonym`,
      [actor.organisationId, MEASUREMENT_INTERVAL_MONTHS, on],
    );
    return {
      items: rows.map((r) => ({
        candidateId: r.id as string,
        pseudonym: r.pseudonym as string,
        lastMeasuredOn: (r.last as string | null) ?? null,
        dueOn: (r.due as string | null) ?? null,
      })),
    };
  }
}
