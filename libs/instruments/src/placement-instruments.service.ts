import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, purposeFrom, purposeRequired } from '@werkbrug/audit';
import type { Actor } from '@werkbrug/auth';
import type { Arrangement } from '@werkbrug/domain';
import { ProblemException, Problems } from '@werkbrug/http';
import { placementVisibleSql } from '@werkbrug/placements';
import { CandidateInstrumentsService } from './candidate-instruments.service';
import { AgreeInstrumentsDto } from './instrument.dto';
import { InstrumentCalculation, InstrumentDeadline } from './instrument.entity';
import { answerView } from './instrument.views';
import { InstrumentsService } from './instruments.service';
import { queryRows } from '@werkbrug/database';

/** Deadlines the worker watches; others (such as "before the first day") have passed once agreed. */
const WATCHED = ['lks_aanvraag', 'doelgroepverklaring'] as const;

interface PlacementRow {
  id: string;
  candidate_id: string;
  werkmakelaar_id: string;
  arrangement: Arrangement;
  start_date: string;
  hours_per_week: number;
  status: string;
}

/**
 * Agreed instruments on a placement keep their calculation: the facts, the rule versions used and the
 * amounts, as of the placement's start date. A later rule change never rewrites what was agreed.
 */
@Injectable()
export class PlacementInstrumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly instruments: InstrumentsService,
    private readonly candidates: CandidateInstrumentsService,
    private readonly audit: AuditService,
  ) {}

  /** The placement as raw SQL and parameters, if the actor may see it (placementVisibleSql). */
  private visiblePlacement(
    actor: Actor,
    id: string,
    columns: string,
    lock = '',
  ): [string, unknown[]] {
    const visible = placementVisibleSql(actor, 'p');
    return this.db.driver.escapeQueryWithParameters(
      `SELECT ${columns} FROM placements p WHERE p.id = :id AND ${visible.sql} ${lock}`,
      { ...visible.params, id },
      {},
    ) as [string, unknown[]];
  }

  async agree(actor: Actor, placementId: string, dto: AgreeInstrumentsDto) {
    await this.db.transaction(async (em) => {
      const [p] = await queryRows<PlacementRow>(
        em,
        ...this.visiblePlacement(
          actor,
          placementId,
          `p.id, p.candidate_id, p.werkmakelaar_id, p.arrangement, p.start_date::text, p.hours_per_week, p.status`,
          'FOR UPDATE',
        ),
      );
      if (!p) throw Problems.notFound('Placement');
      const known = await queryRows<{ code: string }>(
        em,
        `SELECT code FROM instruments WHERE code = ANY($1)`,
        [dto.codes],
      );
      const unknown = dto.codes.filter((c) => !known.some((k) => k.code === c));
      if (unknown.length)
        throw new ProblemException(
          422,
          'UNKNOWN_INSTRUMENT',
          'Unknown instrument',
          `Unknown instrument code(s): ${unknown.join(', ')}. GET /api/instruments lists them.`,
          { errors: unknown.map((c) => ({ field: 'codes', message: `unknown instrument ${c}` })) },
        );
      const facts = await this.candidates.facts(em, p.candidate_id, {
        date: p.start_date,
        hoursPerWeek: p.hours_per_week,
        arrangement: p.arrangement,
        contractMonths: dto.contractMonths ?? null,
        loonwaardePct: dto.loonwaardePct ?? null,
        hourlyWage: dto.hourlyWage ?? null,
        actor,
      });
      if (!facts) throw Problems.notFound('Placement');
      const answer = await this.instruments.evaluate(facts, em);
      const agreed = answer.items.filter((i) => dto.codes.includes(i.code));
      const refused = agreed.filter((i) => i.status === 'does_not_apply');
      if (refused.length)
        throw new ProblemException(
          422,
          'INSTRUMENT_DOES_NOT_APPLY',
          'An agreed instrument does not apply',
          refused.map((i) => `${i.code}: ${i.reasons[0]?.text ?? 'geldt niet'}`).join(' '),
          { errors: refused.map((i) => ({ field: 'codes', message: `${i.code} does not apply` })) },
        );
      const absent = dto.codes.filter((c) => !agreed.some((i) => i.code === c));
      if (absent.length)
        throw Problems.validation(
          absent.map((c) => ({ field: 'codes', message: `${c} has no rule for this placement` })),
        );
      // One kept calculation per placement: agreeing again replaces it (and its deadlines).
      await queryRows(em, `DELETE FROM instrument_calculations WHERE placement_id = $1`, [p.id]);
      const view = answerView({ ...answer, items: agreed });
      const ruleVersionIds = [...new Set(agreed.map((i) => i.ruleVersion.id))];
      const saved = await em.getRepository(InstrumentCalculation).save({
        placementId: p.id,
        candidateId: p.candidate_id,
        calculatedBy: actor.userId,
        calculationDate: facts.date,
        agreedCodes: dto.codes,
        facts: { ...facts } as Record<string, unknown>,
        result: { ...view, sources: [...new Set(agreed.flatMap((i) => i.sources))] },
        ruleVersionIds,
      });
      for (const item of agreed) {
        const kind = item.deadlineKind as (typeof WATCHED)[number] | null;
        if (!item.deadline || !kind || !WATCHED.includes(kind)) continue;
        await em.getRepository(InstrumentDeadline).save({
          calculationId: saved.id,
          placementId: p.id,
          candidateId: p.candidate_id,
          werkmakelaarId: p.werkmakelaar_id,
          instrumentCode: item.code,
          kind,
          dueOn: item.deadline,
          noticeSentAt: null,
        });
      }
      await this.audit.record(em, actor, {
        action: 'placement.instruments_agree',
        candidateId: p.candidate_id,
        details: { placementId: p.id, codes: dto.codes, ruleVersionIds },
      });
    });
    return this.get(actor, placementId, undefined, { audit: false });
  }

  async get(
    actor: Actor,
    placementId: string,
    purpose?: string,
    options: { audit?: boolean } = {},
  ) {
    const [p] = await queryRows<{ id: string }>(
      this.db,
      ...this.visiblePlacement(actor, placementId, 'p.id'),
    );
    if (!p) throw Problems.notFound('Placement');
    const calc = await this.db.getRepository(InstrumentCalculation).findOneBy({ placementId });
    // The kept reasons quote the candidate's facts: a broker's read is a file read (purpose, audit).
    if (calc && actor.role === 'werkmakelaar' && options.audit !== false) {
      const why = purposeFrom(purpose);
      if (!why) throw purposeRequired();
      await this.audit.record(this.db.manager, actor, {
        action: 'placement.instruments_read',
        candidateId: calc.candidateId,
        purpose: why,
        details: { placementId },
      });
    }
    const deadlines = calc
      ? await this.db
          .getRepository(InstrumentDeadline)
          .find({ where: { calculationId: calc.id }, order: { dueOn: 'ASC' } })
      : [];
    return {
      id: calc?.id ?? null,
      placementId,
      calculationDate: calc?.calculationDate ?? null,
      agreedCodes: calc?.agreedCodes ?? [],
      calculation: calc?.result ?? null,
      ruleVersionIds: calc?.ruleVersionIds ?? [],
      deadlines: deadlines.map((d) => ({
        instrumentCode: d.instrumentCode,
        kind: d.kind,
        dueOn: d.dueOn,
        noticeSentAt: d.noticeSentAt?.toISOString() ?? null,
      })),
      createdAt: calc?.createdAt.toISOString() ?? null,
    };
  }
}
