import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@werkbrug/audit';
import type { Actor } from '@werkbrug/auth';
import type { Arrangement, BenefitType } from '@werkbrug/domain';
import { Problems } from '@werkbrug/http';
import { ageOn } from './engine/format';
import type { InstrumentFacts } from './engine/types';
import { CandidateInstrumentsQuery } from './instrument.dto';
import { answerView } from './instrument.views';
import { InstrumentsService, today } from './instruments.service';

export interface Workplace {
  hoursMin: number;
  hoursMax: number;
  arrangements: Arrangement[];
}

interface CandidateRow {
  organisation_id: string;
  hours_min: number;
  hours_max: number;
  municipality: string | null;
  date_of_birth: string | null;
  benefit_type: BenefitType | null;
  banenafspraak: boolean | null;
  loonwaarde_pct: number | null;
}

/** Prefer a paid job when the workplace offers several forms: that is where the instruments are. */
const ARRANGEMENT_PREFERENCE: Arrangement[] = ['regulier', 'detachering', 'proefplaatsing'];

export function pickArrangement(offered: Arrangement[]): Arrangement | null {
  return ARRANGEMENT_PREFERENCE.find((a) => offered.includes(a)) ?? offered[0] ?? null;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/**
 * Instrument answers for a real candidate: facts from the protected file (benefit, register, loonwaarde,
 * age, home gemeente) and from the workplace. The werkmakelaar sees the inputs (audited); the candidate
 * sees the answer in B1 texts.
 */
@Injectable()
export class CandidateInstrumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly instruments: InstrumentsService,
    private readonly audit: AuditService,
  ) {}

  async workplace(em: EntityManager, vacancyId: string): Promise<Workplace | null> {
    const [v] = await em.query(
      `SELECT hours_min, hours_max, arrangements FROM vacancies WHERE id = $1`,
      [vacancyId],
    );
    return v
      ? { hoursMin: v.hours_min, hoursMax: v.hours_max, arrangements: v.arrangements }
      : null;
  }

  /** The facts for a candidate at a workplace; null when the candidate is unknown or erased. */
  async facts(
    em: EntityManager,
    candidateId: string,
    input: {
      workplace?: Workplace | null;
      hoursPerWeek?: number;
      arrangement?: Arrangement | null;
      date?: string;
      contractMonths?: number | null;
      loonwaardePct?: number | null;
      hourlyWage?: number | null;
    },
  ): Promise<InstrumentFacts | null> {
    const [c]: CandidateRow[] = await em.query(
      `SELECT c.organisation_id, c.hours_min, c.hours_max, a.municipality, p.date_of_birth::text,
              p.benefit_type, p.banenafspraak, p.loonwaarde_pct
         FROM candidates c
         LEFT JOIN candidate_protected p ON p.candidate_id = c.id
         LEFT JOIN postcode_areas a ON a.pc4 = left(c.postcode, 4)
        WHERE c.id = $1 AND c.erased_at IS NULL`,
      [candidateId],
    );
    if (!c) return null;
    const date = input.date ?? today();
    const w = input.workplace;
    const hours =
      input.hoursPerWeek ?? (w ? clamp(c.hours_max, w.hoursMin, w.hoursMax) : c.hours_max);
    return {
      date,
      hoursPerWeek: clamp(hours, 1, 40),
      loonwaardePct: input.loonwaardePct ?? c.loonwaarde_pct,
      doelgroepregister: c.banenafspraak,
      benefitType: c.benefit_type,
      age: c.date_of_birth ? ageOn(c.date_of_birth, date) : null,
      arrangement: input.arrangement ?? (w ? pickArrangement(w.arrangements) : null),
      contractMonths: input.contractMonths ?? null,
      hourlyWage: input.hourlyWage ?? null,
      gemeente: c.municipality,
      organisationId: c.organisation_id,
    };
  }

  async forCandidate(
    actor: Actor,
    candidateId: string,
    query: CandidateInstrumentsQuery,
    purpose: string | null,
  ) {
    const mine =
      actor.role === 'kandidaat'
        ? actor.candidateId === candidateId
        : (
            await this.db.query(
              `SELECT 1 FROM candidates WHERE id = $1 AND organisation_id = $2 AND erased_at IS NULL`,
              [candidateId, actor.organisationId],
            )
          ).length > 0;
    if (!mine) throw Problems.notFound('Candidate');
    const workplace = query.vacancyId
      ? await this.workplace(this.db.manager, query.vacancyId)
      : null;
    if (query.vacancyId && !workplace)
      throw Problems.validation([{ field: 'vacancyId', message: 'vacancy does not exist' }]);
    const facts = await this.facts(this.db.manager, candidateId, {
      workplace,
      hoursPerWeek: query.hoursPerWeek,
      arrangement: query.arrangement,
      date: query.date,
      contractMonths: query.contractMonths,
    });
    if (!facts) throw Problems.notFound('Candidate');
    const answer = answerView(await this.instruments.evaluate(facts));
    if (actor.role === 'kandidaat') {
      // The candidate's own answer: B1 texts, no rule bookkeeping.
      return {
        ...answer,
        audience: 'kandidaat',
        vacancyId: query.vacancyId ?? null,
      };
    }
    await this.audit.record(this.db.manager, actor, {
      action: 'candidate.instruments_read',
      candidateId,
      purpose,
      details: { vacancyId: query.vacancyId ?? null, date: facts.date },
    });
    const { organisationId: _org, hourlyWage: _wage, date: _date, ...shown } = facts;
    return {
      ...answer,
      audience: 'werkmakelaar',
      facts: shown,
      vacancyId: query.vacancyId ?? null,
    };
  }
}
