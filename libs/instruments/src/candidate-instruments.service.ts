import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, purposeFrom, purposeRequired } from '@werkbrug/audit';
import type { Actor } from '@werkbrug/auth';
import { CandidatesService, isCandidateVisible } from '@werkbrug/candidates';
import { vacancyVisibleSql, visibilityParams } from '@werkbrug/employers';
import { today, type Arrangement } from '@werkbrug/domain';
import { Problems } from '@werkbrug/http';
import { ageOn } from './engine/format';
import type { InstrumentFacts, InstrumentOutcome } from './engine/types';
import { CandidateInstrumentsQuery } from './instrument.dto';
import { answerView } from './instrument.views';
import { InstrumentsService } from './instruments.service';
import { queryRows } from '@werkbrug/database';

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
}

/** Prefer a paid job when the workplace offers several forms: that is where the instruments are. */
const ARRANGEMENT_PREFERENCE: Arrangement[] = ['regulier', 'detachering', 'proefplaatsing'];

export function pickArrangement(offered: Arrangement[]): Arrangement | null {
  return ARRANGEMENT_PREFERENCE.find((a) => offered.includes(a)) ?? offered[0] ?? null;
}

const clamp = (n: number, lo: number, hi: number) => Math.min(Math.max(n, lo), hi);

/** One B1 sentence for the candidate: what this means for them, without the rule's jargon. */
export function candidateSummary(item: InstrumentOutcome): string {
  if (!item.active) return 'Deze regeling bestaat nog niet.';
  // Past the rule's horizon the amount is last year's: the candidate hears that it may change.
  const provisional =
    item.figures?.status === 'provisional' && item.status !== 'does_not_apply'
      ? ' Het bedrag is voorlopig: de nieuwe bedragen zijn nog niet bekend.'
      : '';
  return summaryOf(item) + provisional;
}

function summaryOf(item: InstrumentOutcome): string {
  const who = item.applyTo.recipient === 'kandidaat' ? 'Jij kunt' : 'Je werkgever kan';
  if (item.status === 'applies') return `${who} dit waarschijnlijk krijgen.`;
  if (item.status === 'may_apply')
    return `${who} dit misschien krijgen. Eerst is nodig: ${item.missing
      .map((m) => m.text.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()))
      .join('; ')}.`;
  return `Dit geldt niet. ${item.reasons[0]?.text ?? ''}`.trim();
}

/**
 * Instrument answers for a real candidate: facts from the protected file (benefit, register, loonwaarde,
 * age; read through CandidatesService for the purpose instrumentberekening, audited), the home
 * gemeente and the workplace. The werkmakelaar sees the inputs (audited); the candidate
 * sees the answer in B1 texts.
 */
@Injectable()
export class CandidateInstrumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly instruments: InstrumentsService,
    private readonly audit: AuditService,
    private readonly candidates: CandidatesService,
  ) {}

  /** The workplace's hours and forms; with an actor, only a workplace that actor may see. */
  async workplace(em: EntityManager, vacancyId: string, actor?: Actor): Promise<Workplace | null> {
    const p = actor ? visibilityParams(actor) : null;
    const [v] = await queryRows<{
      hours_min: number;
      hours_max: number;
      arrangements: Workplace['arrangements'];
    }>(
      em,
      `SELECT v.hours_min, v.hours_max, v.arrangements FROM vacancies v JOIN employers e ON e.id = v.employer_id
        WHERE v.id = $1${p ? ` AND ${vacancyVisibleSql('v', 'e', { role: '$2::text', employerId: '$3::uuid', organisationId: '$4::uuid' })}` : ''}`,
      p ? [vacancyId, p.visRole, p.visEmployer, p.visOrganisation] : [vacancyId],
    );
    return v
      ? { hoursMin: v.hours_min, hoursMax: v.hours_max, arrangements: v.arrangements }
      : null;
  }

  /**
   * The facts for a candidate at a workplace; null when the candidate is unknown or erased. The age
   * and benefit facts are read for `purpose`: instrumentberekening (the default) writes one audit
   * line per call, in `em`'s transaction, naming `actor` (the one who sees the outcome) when given;
   * financieelCv (the outcome on a proposal) is not audited per read.
   */
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
      actor?: Actor | null;
      purpose?: 'instrumentberekening' | 'financieelCv';
    },
  ): Promise<InstrumentFacts | null> {
    const [c] = await queryRows<CandidateRow>(
      em,
      `SELECT c.organisation_id, c.hours_min, c.hours_max, a.municipality
         FROM candidates c
         LEFT JOIN postcode_areas a ON a.pc4 = left(c.postcode, 4)
        WHERE c.id = $1 AND c.erased_at IS NULL`,
      [candidateId],
    );
    if (!c) return null;
    // Without a protected part the facts are unknown (null), as before.
    const p = (
      await this.candidates.protectedFactsFor(
        [candidateId],
        input.purpose ?? 'instrumentberekening',
        {
          em,
          actor: input.actor ?? null,
        },
      )
    ).get(candidateId);
    const date = input.date ?? today();
    const w = input.workplace;
    const hours =
      input.hoursPerWeek ?? (w ? clamp(c.hours_max, w.hoursMin, w.hoursMax) : c.hours_max);
    return {
      date,
      hoursPerWeek: clamp(hours, 1, 40),
      loonwaardePct: input.loonwaardePct ?? p?.loonwaardePct ?? null,
      doelgroepregister: p ? p.banenafspraak : null,
      benefitType: p?.benefitType ?? null,
      age: p?.dateOfBirth ? ageOn(p.dateOfBirth, date) : null,
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
    purpose: string | undefined,
  ) {
    // The one visibility rule for candidates (own organisation, or oneself); 404 stays 404.
    if (!(await isCandidateVisible(this.db, actor, candidateId)))
      throw Problems.notFound('Candidate');
    const workplace = query.vacancyId
      ? await this.workplace(this.db.manager, query.vacancyId, actor)
      : null;
    if (query.vacancyId && !workplace)
      throw Problems.validation([{ field: 'vacancyId', message: 'vacancy does not exist' }]);
    // The facts are the protected file: a werkmakelaar says why, like for a full-file read.
    const why = purposeFrom(purpose);
    if (actor.role === 'werkmakelaar' && !why) throw purposeRequired();
    const facts = await this.facts(this.db.manager, candidateId, {
      workplace,
      hoursPerWeek: query.hoursPerWeek,
      arrangement: query.arrangement,
      date: query.date,
      contractMonths: query.contractMonths,
      actor,
    });
    if (!facts) throw Problems.notFound('Candidate');
    const answer = answerView(await this.instruments.evaluate(facts));
    if (actor.role === 'kandidaat') {
      // The candidate's own answer, with one plain sentence per instrument on top of the reasons.
      return {
        ...answer,
        items: answer.items.map((i) => ({ ...i, summary: candidateSummary(i) })),
        audience: 'kandidaat',
        vacancyId: query.vacancyId ?? null,
      };
    }
    await this.audit.record(this.db.manager, actor, {
      action: 'candidate.instruments_read',
      candidateId,
      purpose: why,
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
