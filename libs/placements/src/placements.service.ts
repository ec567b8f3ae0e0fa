import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@werkbrug/audit';
import { isCandidateOfOrganisation } from '@werkbrug/candidates';
import type { Actor } from '@werkbrug/auth';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import {
  assertVersion,
  expectedVersion,
  Page,
  paginate,
  ProblemException,
  Problems,
} from '@werkbrug/http';
import { MailService } from '@werkbrug/mail';
import { employerEmails, ProposalsService } from '@werkbrug/proposals';
import { VacanciesService } from '@werkbrug/vacancies';
import { addMonths, today } from '@werkbrug/domain';
import { ArrangementRule, ruleView } from './arrangement-rule.entity';
import { ArrangementRulesService } from './arrangement-rules.service';
import { Checkin } from './checkin.entity';
import {
  AdjustPlacementDto,
  ConfirmPlacementDto,
  CreateCheckinDto,
  CreatePlacementDto,
  EndPlacementDto,
  ExtendPlacementDto,
  PlacementListQuery,
  RecordPhoneAgreementDto,
  RequestPlacementChangeDto,
} from './placement.dto';
import {
  changeRequestedMail,
  confirmedMail,
  placementMailFacts,
  toConfirmMail,
} from './placement-mails';
import { placementVisibleSql } from './placement-access';
import { Placement } from './placement.entity';
import {
  PlacementNames,
  toEmployerPlacementView,
  toPlacementView,
  type AnyPlacementView,
} from './placement.view';
import { queryRows } from '@werkbrug/database';

const SORTABLE = {
  createdAt: { column: 'p.createdAt', read: (p: Placement) => p.createdAt },
  startDate: { column: 'p.startDate', read: (p: Placement) => p.startDate },
};

/** The employer agreed already: confirming, asking a change or adjusting is over (extend or end it). */
const alreadyConfirmed = () =>
  Problems.conflict(
    'PLACEMENT_ALREADY_CONFIRMED',
    'The employer confirmed the placement already',
    'A confirmed placement changes by extending or ending it.',
  );

/** Refusal that quotes the rule, so a werkmakelaar sees exactly which limit applies and where it comes from. */
const ruleRefusal = (rule: ArrangementRule, detail: string) =>
  new ProblemException(422, 'ARRANGEMENT_RULE', 'Not allowed by the arrangement rule', detail, {
    rule: ruleView(rule),
  });

@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: ArrangementRulesService,
    private readonly proposals: ProposalsService,
    private readonly vacancies: VacanciesService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The link in a mail: a router sends each role to its own page of the placement. */
  private link(id: string) {
    return `${this.config.publicUrl.replace(/\/$/, '')}/plaatsingen/${id}`;
  }

  private scoped(actor: Actor, em: EntityManager = this.db.manager) {
    const visible = placementVisibleSql(actor, 'p');
    return em
      .getRepository(Placement)
      .createQueryBuilder('p')
      .andWhere(visible.sql, visible.params);
  }

  private async names(
    em: EntityManager,
    placements: Placement[],
  ): Promise<Map<string, PlacementNames>> {
    if (!placements.length) return new Map();
    const rows = await queryRows<Record<string, string | boolean | null>>(
      em,
      `SELECT p.id, c.pseudonym, v.title, e.name AS employer_name,
              (SELECT max(contact_on)::text FROM checkins k WHERE k.candidate_id = p.candidate_id) AS last_contact,
              (SELECT display_name FROM users u WHERE u.id = p.confirmed_by_user_id) AS confirmed_by_name,
              -- The agreed instruments go to the employer only with the financieel CV shared.
              EXISTS (SELECT 1 FROM consents s WHERE s.proposal_id = p.proposal_id AND s.withdrawn_at IS NULL
                         AND 'financieelCv' = ANY(s.shared_fields)) AS instruments_shared
         FROM placements p JOIN candidates c ON c.id = p.candidate_id JOIN vacancies v ON v.id = p.vacancy_id
         JOIN employers e ON e.id = v.employer_id WHERE p.id = ANY($1)`,
      [placements.map((p) => p.id)],
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        {
          pseudonym: r.pseudonym as string,
          vacancyTitle: r.title as string,
          employerName: r.employer_name as string,
          lastContactOn: r.last_contact as string | null,
          confirmedByName: r.confirmed_by_name as string | null,
          instrumentsShared: r.instruments_shared === true,
        },
      ]),
    );
  }

  private async views(
    actor: Actor,
    placements: Placement[],
    em: EntityManager = this.db.manager,
  ): Promise<AnyPlacementView[]> {
    const names = await this.names(em, placements);
    const ruleIds = [
      ...new Set(placements.map((p) => p.ruleId).filter((id): id is string => !!id)),
    ];
    const rules = ruleIds.length ? await em.getRepository(ArrangementRule).findByIds(ruleIds) : [];
    return placements.map((p) => {
      const rule = rules.find((r) => r.id === p.ruleId) ?? null;
      const n = names.get(p.id) as PlacementNames;
      return actor.role === 'werkgever'
        ? toEmployerPlacementView(p, n, rule)
        : toPlacementView(p, n, rule);
    });
  }

  /** How many placements the actor sees per status, under the same scoping as list (start pages). */
  async countByStatus(actor: Actor): Promise<Record<string, number>> {
    const rows: { status: string; n: number }[] = await this.scoped(actor)
      .select('p.status', 'status')
      .addSelect('count(*)::int', 'n')
      .groupBy('p.status')
      .getRawMany();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  /** How many running placements wait for the employer's confirmation (same scoping as list). */
  async countToConfirm(actor: Actor): Promise<number> {
    return this.scoped(actor)
      .andWhere(`p.status = 'lopend' AND p.confirmation <> 'bevestigd'`)
      .getCount();
  }

  async list(actor: Actor, query: PlacementListQuery): Promise<Page<AnyPlacementView>> {
    const qb = this.scoped(actor);
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.candidateId) qb.andWhere('p.candidateId = :c', { c: query.candidateId });
    if (query.vacancyId) qb.andWhere('p.vacancyId = :v', { v: query.vacancyId });
    if (query.proposalId) qb.andWhere('p.proposalId = :pr', { pr: query.proposalId });
    if (query.confirmation?.length)
      qb.andWhere('p.confirmation IN (:...confirmation)', { confirmation: query.confirmation });
    const page = await paginate(qb, query, SORTABLE, '-createdAt', (p) => p);
    return { ...page, items: await this.views(actor, page.items) };
  }

  async get(actor: Actor, id: string) {
    const p = await this.scoped(actor).andWhere('p.id = :id', { id }).getOne();
    if (!p) throw Problems.notFound('Placement');
    return (await this.views(actor, [p]))[0];
  }

  /** Whether the actor may see the placement (404 otherwise), without building its view. */
  async assertVisible(actor: Actor, id: string): Promise<void> {
    if (!(await this.scoped(actor).andWhere('p.id = :id', { id }).getExists()))
      throw Problems.notFound('Placement');
  }

  async create(actor: Actor, dto: CreatePlacementDto) {
    const id = await this.db.transaction(async (em) => {
      let candidateId = dto.candidateId;
      let vacancyId = dto.vacancyId;
      // The candidate agreed through the proposal's consent, or (direct) the werkmakelaar confirms it.
      let consentRecordedAt: Date | null = dto.proposalId ? null : new Date();
      if (!dto.proposalId && dto.candidateConsent !== true) {
        throw Problems.validation([
          {
            field: 'candidateConsent',
            message:
              'a placement without a proposal needs the candidate’s consent: send candidateConsent: true once they agreed',
          },
        ]);
      }
      if (dto.proposalId) {
        const placed = await this.proposals.markPlaced(em, actor, dto.proposalId);
        consentRecordedAt = placed.consentGivenAt;
        if (
          (candidateId && candidateId !== placed.candidateId) ||
          (vacancyId && vacancyId !== placed.vacancyId)
        ) {
          throw Problems.validation([
            { field: 'proposalId', message: 'candidate and vacancy must be those of the proposal' },
          ]);
        }
        ({ candidateId, vacancyId } = placed);
      }
      if (!candidateId || !vacancyId) {
        throw Problems.validation([
          { field: 'proposalId', message: 'give a proposalId, or candidateId and vacancyId' },
        ]);
      }
      const known = await isCandidateOfOrganisation(em, candidateId, actor.organisationId);
      if (!known)
        throw Problems.validation([
          { field: 'candidateId', message: 'not a candidate of your organisation' },
        ]);
      // The vacancies module owns capacity: it checks (open, arrangement, free place) now, and the
      // place is filled once the employer confirms (an unconfirmed placement fills no place).
      await this.vacancies.checkPlace(em, actor, vacancyId, dto.arrangement);
      if (dto.jobcoachUserId) {
        const [coach] = await queryRows<unknown>(
          em,
          `SELECT 1 FROM users WHERE id = $1 AND organisation_id = $2 AND active`,
          [dto.jobcoachUserId, actor.organisationId],
        );
        if (!coach)
          throw Problems.validation([
            { field: 'jobcoachUserId', message: 'not an active user of your organisation' },
          ]);
      }
      const { rule, plannedEnd } = await this.firstPeriod(
        em,
        dto.arrangement,
        dto.startDate,
        dto.plannedEndDate,
      );
      const repo = em.getRepository(Placement);
      const saved = await repo.save(
        repo.create({
          proposalId: dto.proposalId ?? null,
          consentRecordedAt,
          consentRecordedBy: dto.proposalId ? null : actor.userId,
          candidateId,
          vacancyId,
          organisationId: actor.organisationId,
          werkmakelaarId: actor.userId,
          arrangement: dto.arrangement,
          ruleId: rule?.id ?? null,
          startDate: dto.startDate,
          plannedEndDate: plannedEnd,
          hoursPerWeek: dto.hoursPerWeek,
          jobcoachUserId: dto.jobcoachUserId ?? null,
          jobcoachName: dto.jobcoachName ?? null,
          instruments: dto.instruments ?? [],
          evaluationDates: dto.evaluationDates ?? [],
          extensions: 0,
          status: 'lopend',
          outcome: null,
          outcomeContractMonths: null,
          outcomeContractHours: null,
          endedOn: null,
          endingNoticeSentAt: null,
          noContactNoticeSentAt: null,
          confirmation: 'te_bevestigen',
          confirmedAt: null,
          confirmedByUserId: null,
          confirmedVia: null,
          phoneAgreedOn: null,
          confirmationNote: null,
          changeRequest: null,
          changeRequestedAt: null,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'placement.create',
        candidateId,
        details: {
          placementId: saved.id,
          arrangement: dto.arrangement,
          consent: dto.proposalId ? 'proposal' : 'confirmed_by_werkmakelaar',
          confirmation: 'te_bevestigen',
        },
      });
      await this.askEmployer(em, saved, null);
      return saved.id;
    });
    return this.get(actor, id);
  }

  private async locked(em: EntityManager, actor: Actor, id: string, expected: number) {
    const p = await this.scoped(actor, em)
      .andWhere('p.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!p) throw Problems.notFound('Placement');
    assertVersion(p.version, expected);
    if (p.status !== 'lopend')
      throw Problems.conflict(
        'PLACEMENT_ENDED',
        'The placement has ended',
        `It ended on ${p.endedOn}.`,
      );
    return p;
  }

  async extend(actor: Actor, id: string, dto: ExtendPlacementDto, ifMatch?: number) {
    await this.db.transaction(async (em) => {
      const p = await this.locked(em, actor, id, expectedVersion(ifMatch, dto.version));
      if (p.confirmation !== 'bevestigd')
        throw Problems.conflict(
          'PLACEMENT_NOT_CONFIRMED',
          'The employer has not confirmed the placement yet',
          'Change its dates with POST /api/placements/{id}/adjust: the employer is asked again.',
        );
      if (p.plannedEndDate && dto.plannedEndDate <= p.plannedEndDate) {
        throw Problems.validation([
          {
            field: 'plannedEndDate',
            message: `must be after the current planned end ${p.plannedEndDate}`,
          },
        ]);
      }
      const rule = p.ruleId
        ? await em.getRepository(ArrangementRule).findOneBy({ id: p.ruleId })
        : null;
      if (rule) {
        const limit = addMonths(p.startDate, rule.maxTotalMonths);
        if (dto.plannedEndDate > limit) {
          throw ruleRefusal(
            rule,
            `A ${p.arrangement} lasts at most ${rule.maxTotalMonths} months in total (until ${limit}). ${rule.source}`,
          );
        }
      }
      p.plannedEndDate = dto.plannedEndDate;
      p.extensions += 1;
      p.endingNoticeSentAt = null;
      await em.getRepository(Placement).save(p);
      await this.audit.record(em, actor, {
        action: 'placement.extend',
        candidateId: p.candidateId,
        details: { placementId: id, plannedEndDate: dto.plannedEndDate },
      });
    });
    return this.get(actor, id);
  }

  async end(actor: Actor, id: string, dto: EndPlacementDto, ifMatch?: number) {
    if (dto.outcome === 'contract' && (!dto.contractMonths || !dto.contractHours)) {
      throw Problems.validation([
        {
          field: 'contractMonths',
          message: 'a contract outcome needs contractMonths and contractHours',
        },
      ]);
    }
    await this.db.transaction(async (em) => {
      const p = await this.locked(em, actor, id, expectedVersion(ifMatch, dto.version));
      if (dto.endedOn < p.startDate)
        throw Problems.validation([{ field: 'endedOn', message: 'must not be before startDate' }]);
      p.status = 'beeindigd';
      p.outcome = dto.outcome;
      p.endedOn = dto.endedOn;
      p.outcomeContractMonths = dto.contractMonths ?? null;
      p.outcomeContractHours = dto.contractHours ?? null;
      await em.getRepository(Placement).save(p);
      // Only a confirmed placement filled a place.
      if (p.confirmation === 'bevestigd') await this.vacancies.releasePlace(em, p.vacancyId);
      await this.audit.record(em, actor, {
        action: 'placement.end',
        candidateId: p.candidateId,
        details: { placementId: id, outcome: dto.outcome, confirmation: p.confirmation },
      });
    });
    return this.get(actor, id);
  }

  /**
   * The first period of a placement under the arrangement's rule on its start date: the planned end
   * asked for (at most the rule's first period) or, without one, the end of that period.
   */
  private async firstPeriod(
    em: EntityManager,
    arrangement: string,
    startDate: string,
    requestedEnd: string | undefined,
  ) {
    const rule = await this.rules.ruleOn(em, arrangement, startDate);
    let plannedEnd = requestedEnd ?? null;
    if (rule) {
      const limit = addMonths(startDate, rule.initialMonths);
      plannedEnd ??= limit;
      if (plannedEnd > limit) {
        throw ruleRefusal(
          rule,
          `A ${arrangement} starts with at most ${rule.initialMonths} months (until ${limit}). ${rule.source}`,
        );
      }
    }
    if (plannedEnd && plannedEnd <= startDate) {
      throw Problems.validation([{ field: 'plannedEndDate', message: 'must be after startDate' }]);
    }
    return { rule, plannedEnd };
  }

  /** Mails the employer to confirm (once more after a change request, quoting it). */
  private async askEmployer(em: EntityManager, p: Placement, previousRequest: string | null) {
    // Without the candidate's consent the employer does not see the placement: nothing to ask.
    if (!p.consentRecordedAt) return;
    const facts = await placementMailFacts(em, p);
    const to = await employerEmails(em, facts.employerId);
    await this.mail.queue(em, toConfirmMail(p, facts, to, this.link(p.id), previousRequest), {
      type: 'placement',
      id: p.id,
    });
  }

  /** The running placement, locked, that the employer has not confirmed yet. */
  private async unconfirmed(em: EntityManager, actor: Actor, id: string, expected: number) {
    const p = await this.locked(em, actor, id, expected);
    if (p.confirmation === 'bevestigd') throw alreadyConfirmed();
    return p;
  }

  /** Marks the placement confirmed and fills its place on the workplace (refused when none is free). */
  private async markConfirmed(
    em: EntityManager,
    actor: Actor,
    p: Placement,
    how: { via: 'werkgever' } | { via: 'telefoon'; agreedOn: string; note: string },
  ) {
    await this.vacancies.fillPlace(em, p.vacancyId);
    p.confirmation = 'bevestigd';
    p.confirmedAt = new Date();
    p.confirmedByUserId = actor.userId;
    p.confirmedVia = how.via;
    p.phoneAgreedOn = how.via === 'telefoon' ? how.agreedOn : null;
    p.confirmationNote = how.via === 'telefoon' ? how.note.trim() : null;
    p.changeRequest = null;
    p.changeRequestedAt = null;
    await em.getRepository(Placement).save(p);
    // The audit trail says which: the employer in Werkbrug, or this werkmakelaar recording a call.
    await this.audit.record(em, actor, {
      action: 'placement.confirm',
      candidateId: p.candidateId,
      details: {
        placementId: p.id,
        via: how.via,
        ...(how.via === 'telefoon' ? { phoneAgreedOn: how.agreedOn } : {}),
      },
    });
  }

  /** The employer confirms the placement as it stands; the werkmakelaar hears of it. */
  async confirm(actor: Actor, id: string, dto: ConfirmPlacementDto, ifMatch?: number) {
    await this.db.transaction(async (em) => {
      const p = await this.unconfirmed(em, actor, id, expectedVersion(ifMatch, dto.version));
      await this.markConfirmed(em, actor, p, { via: 'werkgever' });
      const facts = await placementMailFacts(em, p);
      await this.mail.queue(em, confirmedMail(p, facts, this.link(p.id)), {
        type: 'placement',
        id: p.id,
      });
    });
    return this.get(actor, id);
  }

  /** The employer asks for a change before confirming; the werkmakelaar gets the question. */
  async requestChange(actor: Actor, id: string, dto: RequestPlacementChangeDto, ifMatch?: number) {
    await this.db.transaction(async (em) => {
      const p = await this.unconfirmed(em, actor, id, expectedVersion(ifMatch, dto.version));
      p.confirmation = 'wijziging_gevraagd';
      p.changeRequest = dto.note.trim();
      p.changeRequestedAt = new Date();
      await em.getRepository(Placement).save(p);
      // The question itself stays on the placement (erasure blanks it), not in the audit trail.
      await this.audit.record(em, actor, {
        action: 'placement.request_change',
        candidateId: p.candidateId,
        details: { placementId: p.id },
      });
      const facts = await placementMailFacts(em, p);
      await this.mail.queue(em, changeRequestedMail(facts, p.changeRequest, this.link(p.id)), {
        type: 'placement',
        id: p.id,
      });
    });
    return this.get(actor, id);
  }

  /** The werkmakelaar records that the employer agreed by phone (on a day not in the future). */
  async recordPhoneAgreement(
    actor: Actor,
    id: string,
    dto: RecordPhoneAgreementDto,
    ifMatch?: number,
  ) {
    if (dto.agreedOn > today())
      throw Problems.validation([{ field: 'agreedOn', message: 'must not be in the future' }]);
    await this.db.transaction(async (em) => {
      const p = await this.unconfirmed(em, actor, id, expectedVersion(ifMatch, dto.version));
      await this.markConfirmed(em, actor, p, {
        via: 'telefoon',
        agreedOn: dto.agreedOn,
        note: dto.note,
      });
    });
    return this.get(actor, id);
  }

  /**
   * The werkmakelaar adjusts a placement the employer has not confirmed (start, planned end, hours),
   * for instance after a change request, and the employer is asked again.
   */
  async adjust(actor: Actor, id: string, dto: AdjustPlacementDto, ifMatch?: number) {
    await this.db.transaction(async (em) => {
      const p = await this.unconfirmed(em, actor, id, expectedVersion(ifMatch, dto.version));
      const { rule, plannedEnd } = await this.firstPeriod(
        em,
        p.arrangement,
        dto.startDate,
        dto.plannedEndDate,
      );
      const previousRequest = p.changeRequest;
      p.startDate = dto.startDate;
      p.plannedEndDate = plannedEnd;
      p.hoursPerWeek = dto.hoursPerWeek;
      p.ruleId = rule?.id ?? null;
      p.confirmation = 'te_bevestigen';
      p.changeRequest = null;
      p.changeRequestedAt = null;
      p.endingNoticeSentAt = null;
      await em.getRepository(Placement).save(p);
      await this.audit.record(em, actor, {
        action: 'placement.adjust',
        candidateId: p.candidateId,
        details: {
          placementId: p.id,
          startDate: p.startDate,
          plannedEndDate: p.plannedEndDate,
          hoursPerWeek: p.hoursPerWeek,
        },
      });
      await this.askEmployer(em, p, previousRequest);
    });
    return this.get(actor, id);
  }

  async checkin(actor: Actor, dto: CreateCheckinDto) {
    return this.db.transaction(async (em) => {
      const known = await isCandidateOfOrganisation(em, dto.candidateId, actor.organisationId);
      if (!known) throw Problems.notFound('Candidate');
      if (dto.placementId) {
        const [p] = await queryRows<unknown>(
          em,
          `SELECT 1 FROM placements WHERE id = $1 AND candidate_id = $2`,
          [dto.placementId, dto.candidateId],
        );
        if (!p)
          throw Problems.validation([
            { field: 'placementId', message: 'not a placement of this candidate' },
          ]);
      }
      const saved = await em.getRepository(Checkin).save({
        candidateId: dto.candidateId,
        placementId: dto.placementId ?? null,
        byUserId: actor.userId,
        contactOn: dto.contactOn,
        kind: dto.kind,
        note: dto.note ?? '',
      });
      await this.audit.record(em, actor, {
        action: 'checkin.create',
        candidateId: dto.candidateId,
        details: { checkinId: saved.id },
      });
      return {
        id: saved.id,
        candidateId: saved.candidateId,
        placementId: saved.placementId,
        contactOn: saved.contactOn,
        kind: saved.kind,
        note: saved.note,
      };
    });
  }

  async checkins(actor: Actor, candidateId: string) {
    const known = await isCandidateOfOrganisation(this.db, candidateId, actor.organisationId);
    if (!known) throw Problems.notFound('Candidate');
    const rows = await this.db
      .getRepository(Checkin)
      .find({ where: { candidateId }, order: { contactOn: 'DESC', createdAt: 'DESC' }, take: 200 });
    return rows.map((k) => ({
      id: k.id,
      placementId: k.placementId,
      contactOn: k.contactOn,
      kind: k.kind,
      note: k.note,
      byUserId: k.byUserId,
    }));
  }
}
