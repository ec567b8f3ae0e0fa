import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@werkbrug/audit';
import { CandidatesService, isCandidateOfOrganisation } from '@werkbrug/candidates';
import type { Actor } from '@werkbrug/auth';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { pgConstraint, queryRows } from '@werkbrug/database';
import { Page, paginate, ProblemException, Problems } from '@werkbrug/http';
import { vacancyVisibleSql } from '@werkbrug/employers';
import { MailService } from '@werkbrug/mail';
import { RAW_VISIBILITY, rawVisibilityParams } from '@werkbrug/vacancies';
import { Consent } from './consent.entity';
import {
  allowedBySharing,
  type CandidateIdentity,
  type IdentifyingKind,
  identifyingKinds,
  maskIdentifying,
} from './identifying-text';
import { loadProposalContexts } from './proposal-context.loader';
import {
  candidateEmail,
  consentRequestMail,
  employerAnsweredMail,
  employerEmails,
  proposalReceivedMail,
} from './proposal-mails';
import {
  ConsentDto,
  CreateProposalDto,
  EmployerAnswerDto,
  meetingDates,
  ProposalListQuery,
  StatusChangeDto,
} from './proposal.dto';
import { momentsOf, OfferMeetingDto } from './meeting.dto';
import type { MomentInput } from './meeting-options';
import type { MeetingView } from './meeting.views';
import { assertMoments, MeetingsService } from './meetings.service';
import { proposalVisibleSql } from './proposal-access';
import { Proposal } from './proposal.entity';
import { ProposalEvent } from './proposal-event.entity';
import {
  allowedNext,
  CLOSED_STATUSES,
  type MeetingKind,
  type ProposalStatus,
  TRANSITIONS,
} from './proposal-status';
import {
  type AnyProposalView,
  ProposalContext,
  toEmployerProposalView,
  toProposalView,
} from './proposal.views';
import { SharedParts } from './shared-parts';
import { answerProblems } from './answer-rules';

const proposalExists = (proposalId?: string) =>
  Problems.conflict(
    'PROPOSAL_EXISTS',
    'There is already an open proposal',
    'One open proposal per candidate and workplace.',
    proposalId ? { proposalId } : {},
  );

const ENDS_SHARING: readonly ProposalStatus[] = ['ingetrokken', 'afgewezen'];

const KIND_NAMES: Record<IdentifyingKind, string> = {
  firstName: 'the candidate’s first name',
  lastName: 'the candidate’s last name',
  email: 'an e-mail address',
  phone: 'a phone number',
  address: 'an address or postcode',
  bsn: 'a BSN-like number',
};

/** The text names what the employer may not see: the kinds found, never the values. */
export const identifyingText = (field: string, kinds: readonly IdentifyingKind[]) =>
  new ProblemException(
    422,
    'IDENTIFYING_TEXT',
    'The text identifies the candidate',
    `The ${field} names ${kinds.map((k) => KIND_NAMES[k]).join(', ')}. The employer may not see that; leave it out and write about "de kandidaat".`,
    { field, kinds },
  );

/** How long a moment given as a start time only (the API's meetingDates) lasts. */
export const MEETING_DEFAULT_MINUTES: Record<MeetingKind, number> = {
  kennismaking: 60,
  meeloopdag: 240,
};

const SORTABLE = {
  createdAt: { column: 'p.createdAt', read: (p: Proposal) => p.createdAt },
  updatedAt: { column: 'p.updatedAt', read: (p: Proposal) => p.updatedAt },
};

@Injectable()
export class ProposalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly sharedParts: SharedParts,
    private readonly candidates: CandidatesService,
    private readonly meetings: MeetingsService,
  ) {}

  private link(id: string) {
    return `${this.config.publicUrl.replace(/\/$/, '')}/voorstellen/${id}`;
  }

  /** The proposals the actor may see (proposalVisibleSql), as a query to narrow down. */
  private scoped(actor: Actor, em: EntityManager = this.db.manager) {
    const visible = proposalVisibleSql(actor, 'p');
    return em.getRepository(Proposal).createQueryBuilder('p').andWhere(visible.sql, visible.params);
  }

  /** Parts computed elsewhere (financieel CV): for the employer only while consent covers them. */
  private async view(ctx: ProposalContext, actor: Actor): Promise<AnyProposalView> {
    const partCtx = { candidateId: ctx.candidate.id, vacancyId: ctx.vacancy.id, actor };
    if (actor.role === 'werkgever') {
      const view = toEmployerProposalView(ctx);
      const fields = view.consentActive ? (ctx.consent?.sharedFields ?? []) : [];
      const parts = await this.sharedParts.resolve(this.db.manager, fields, partCtx);
      return { ...view, shared: { ...view.shared, ...parts } };
    }
    const view = toProposalView(ctx, actor.role);
    const preview = await this.sharedParts.resolve(
      this.db.manager,
      this.sharedParts.fields,
      partCtx,
    );
    return { ...view, sharePreview: { ...view.sharePreview, ...preview } };
  }

  /** A 404 unless the actor may see the proposal (proposalVisibleSql), without building its view. */
  async assertVisible(actor: Actor, id: string): Promise<void> {
    if (!(await this.scoped(actor).andWhere('p.id = :id', { id }).getExists()))
      throw Problems.notFound('Proposal');
  }

  /** How many proposals the actor sees per status, under the same scoping as list (start pages). */
  async countByStatus(actor: Actor): Promise<Record<string, number>> {
    const rows: { status: string; n: number }[] = await this.scoped(actor)
      .select('p.status', 'status')
      .addSelect('count(*)::int', 'n')
      .groupBy('p.status')
      .getRawMany();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  async list(actor: Actor, query: ProposalListQuery): Promise<Page<AnyProposalView>> {
    const qb = this.scoped(actor);
    if (query.status?.length) qb.andWhere('p.status IN (:...statuses)', { statuses: query.status });
    if (query.vacancyId) qb.andWhere('p.vacancyId = :vacancyId', { vacancyId: query.vacancyId });
    if (query.candidateId)
      qb.andWhere('p.candidateId = :candidateId', { candidateId: query.candidateId });
    const page = await paginate(qb, query, SORTABLE, '-createdAt', (p) => p);
    const contexts = await loadProposalContexts(this.db.manager, page.items, this.candidates);
    return { ...page, items: await Promise.all(contexts.map((ctx) => this.view(ctx, actor))) };
  }

  private async context(
    actor: Actor,
    id: string,
    em: EntityManager = this.db.manager,
    lock = false,
  ) {
    const qb = this.scoped(actor, em).andWhere('p.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const proposal = await qb.getOne();
    if (!proposal) throw Problems.notFound('Proposal');
    const [ctx] = await loadProposalContexts(em, [proposal], this.candidates);
    return ctx;
  }

  async get(actor: Actor, id: string): Promise<AnyProposalView> {
    const ctx = await this.context(actor, id);
    if (actor.role === 'werkgever' && toEmployerProposalView(ctx).consentActive) {
      await this.audit.record(this.db.manager, actor, {
        action: 'proposal.shared_read',
        candidateId: ctx.candidate.id,
        details: { proposalId: id, fields: ctx.consent?.sharedFields ?? [] },
      });
    }
    return this.view(ctx, actor);
  }

  async events(actor: Actor, id: string) {
    await this.context(actor, id);
    const events = await this.db
      .getRepository(ProposalEvent)
      .find({ where: { proposalId: id }, order: { createdAt: 'ASC' } });
    return events.map((e) => ({
      from: e.fromStatus,
      to: e.toStatus,
      byRole: e.actorRole,
      reason: e.reason,
      note: actor.role === 'werkgever' ? null : e.note,
      at: e.createdAt.toISOString(),
    }));
  }

  private async move(
    em: EntityManager,
    actor: Actor,
    p: Proposal,
    to: ProposalStatus,
    reason?: string,
    note?: string,
  ) {
    const allowedRoles = TRANSITIONS[p.status][to];
    if (!allowedRoles) {
      throw Problems.conflict(
        'ILLEGAL_TRANSITION',
        'This step is not possible now',
        `A proposal in status ${p.status} cannot go to ${to}.`,
        {
          currentStatus: p.status,
          allowedNext: allowedNext(p.status),
        },
      );
    }
    if (!allowedRoles.includes(actor.role)) {
      throw Problems.conflict(
        'ILLEGAL_TRANSITION',
        'This step is not yours to take',
        `Only ${allowedRoles.join(' or ')} can move a proposal to ${to}.`,
        {
          currentStatus: p.status,
          allowedNext: allowedNext(p.status, actor.role),
        },
      );
    }
    await em.getRepository(ProposalEvent).save({
      proposalId: p.id,
      fromStatus: p.status,
      toStatus: to,
      actorUserId: actor.userId,
      actorRole: actor.role,
      reason: reason ?? null,
      note: note ?? null,
    });
    p.status = to;
    if (CLOSED_STATUSES.includes(to)) {
      p.closedByRole = actor.role;
      p.closedReason = reason ?? null;
      p.closedNote = note ?? null;
    }
    // Closing without a placement ends what was shared, whoever closes it: the employer keeps
    // only the anonymous profile. (A placement keeps the consent: the employer works with them.)
    if (ENDS_SHARING.includes(to)) {
      await queryRows(
        em,
        `UPDATE consents SET withdrawn_at = now(), updated_at = now(), version = version + 1
          WHERE proposal_id = $1 AND withdrawn_at IS NULL`,
        [p.id],
      );
      // A meeting still to come is off; the other sides hear it.
      await this.meetings.cancelRunningIn(em, actor, p.id, 'Het voorstel is gestopt.');
    }
    return em.getRepository(Proposal).save(p);
  }

  /**
   * What is known of the candidate to check a text for the employer against (tekstcontrole: audited
   * per candidate). The system reads it and only the outcome leaves the check, so the audit line
   * names no actor (as the mail address for a mail); the facts are never logged.
   */
  private async identity(candidateId: string, em?: EntityManager): Promise<CandidateIdentity> {
    const facts = await this.candidates.protectedFactsFor([candidateId], 'tekstcontrole', { em });
    return facts.get(candidateId) ?? {};
  }

  /**
   * A motivation goes to the employer after consent, and there is no consent yet: nothing in it may
   * identify the candidate (identifying-text.ts). Checked before the transaction, so the audited read
   * stays recorded when the text is refused; another organisation's candidate is not read at all.
   */
  private async assertNothingIdentifying(actor: Actor, dto: CreateProposalDto) {
    if (!(await isCandidateOfOrganisation(this.db, dto.candidateId, actor.organisationId))) return;
    const kinds = identifyingKinds(dto.motivation, await this.identity(dto.candidateId));
    if (kinds.length) throw identifyingText('motivation', kinds);
  }

  async create(actor: Actor, dto: CreateProposalDto) {
    await this.assertNothingIdentifying(actor, dto);
    const id = await this.db
      .transaction(async (em) => {
        const known = await isCandidateOfOrganisation(em, dto.candidateId, actor.organisationId);
        if (!known)
          throw Problems.validation([
            { field: 'candidateId', message: 'not a candidate of your organisation' },
          ]);
        // Only a workplace this werkmakelaar may see (its organisation's, or in its region).
        const [vacancy] = await queryRows<{ status: string }>(
          em,
          `SELECT v.status FROM vacancies v JOIN employers e ON e.id = v.employer_id
            WHERE v.id = $1 AND ${vacancyVisibleSql('v', 'e', RAW_VISIBILITY)}`,
          [dto.vacancyId, ...rawVisibilityParams(actor)],
        );
        if (!vacancy)
          throw Problems.validation([{ field: 'vacancyId', message: 'vacancy does not exist' }]);
        if (vacancy.status !== 'open') {
          throw Problems.conflict(
            'VACANCY_NOT_OPEN',
            'The workplace is not open',
            `The workplace has status ${vacancy.status}.`,
          );
        }
        const [open] = await queryRows<{ id: string }>(
          em,
          `SELECT id FROM proposals WHERE candidate_id = $1 AND vacancy_id = $2 AND status NOT IN ('geplaatst','ingetrokken','afgewezen')`,
          [dto.candidateId, dto.vacancyId],
        );
        if (open) throw proposalExists(open.id);
        const repo = em.getRepository(Proposal);
        const p = await repo.save(
          repo.create({
            candidateId: dto.candidateId,
            vacancyId: dto.vacancyId,
            organisationId: actor.organisationId,
            werkmakelaarId: actor.userId,
            motivation: dto.motivation.trim(),
            status: 'voorgesteld',
            meetingDates: [],
            employerAnswer: null,
            meetingKind: null,
            closedByRole: null,
            closedReason: null,
            closedNote: null,
          }),
        );
        await em.getRepository(ProposalEvent).save({
          proposalId: p.id,
          fromStatus: null,
          toStatus: 'voorgesteld',
          actorUserId: actor.userId,
          actorRole: actor.role,
          reason: null,
          note: null,
        });
        // Regie bij de kandidaat: the candidate is asked first.
        await this.move(em, actor, p, 'wacht_op_kandidaat');
        const [ctx] = await loadProposalContexts(em, [p], this.candidates);
        const to = await candidateEmail(this.candidates, em, dto.candidateId);
        if (to.length)
          await this.mail.queue(em, consentRequestMail(ctx, to, this.link(p.id)), {
            type: 'proposal',
            id: p.id,
          });
        await this.audit.record(em, actor, {
          action: 'proposal.create',
          candidateId: dto.candidateId,
          details: { proposalId: p.id, vacancyId: dto.vacancyId },
        });
        return p.id;
      })
      .catch((error: unknown) => {
        // Two requests at once both passed the check above; the unique index stopped the second.
        if (pgConstraint(error) === 'proposals_one_open_per_pair') throw proposalExists();
        throw error;
      });
    return this.get(actor, id);
  }

  async consent(actor: Actor, id: string, dto: ConsentDto) {
    await this.db.transaction(async (em) => {
      const ctx = await this.context(actor, id, em, true);
      const now = new Date();
      // The moment the employer will read the motivation: what identifies the candidate and this
      // consent does not share is masked, against the facts as they are now.
      const motivation = maskIdentifying(
        ctx.proposal.motivation,
        await this.identity(ctx.candidate.id, em),
        allowedBySharing(dto.share),
      );
      await em.getRepository(Consent).save({
        proposalId: id,
        candidateId: ctx.candidate.id,
        givenByUserId: actor.userId,
        sharedFields: dto.share,
        givenAt: now,
        expiresAt: new Date(now.getTime() + (dto.validForDays ?? 90) * 86_400_000),
        withdrawnAt: null,
        motivation,
      });
      await this.move(em, actor, ctx.proposal, 'wacht_op_werkgever');
      const to = await employerEmails(em, ctx.vacancy.employerId);
      if (to.length)
        await this.mail.queue(em, proposalReceivedMail(ctx, dto.share, to, this.link(id)), {
          type: 'proposal',
          id,
        });
      await this.audit.record(em, actor, {
        action: 'consent.give',
        candidateId: ctx.candidate.id,
        details: { proposalId: id, shared: dto.share, validForDays: dto.validForDays ?? 90 },
      });
    });
    return this.get(actor, id);
  }

  async withdrawConsent(actor: Actor, id: string) {
    await this.db.transaction(async (em) => {
      const ctx = await this.context(actor, id, em, true);
      const withdrawn = (
        await queryRows(
          em,
          `UPDATE consents SET withdrawn_at = now(), updated_at = now(), version = version + 1
            WHERE proposal_id = $1 AND withdrawn_at IS NULL RETURNING id`,
          [id],
        )
      ).length;
      if (!withdrawn)
        throw Problems.conflict(
          'NO_ACTIVE_CONSENT',
          'There is no consent to withdraw',
          'This proposal has no active consent.',
        );
      if (
        !CLOSED_STATUSES.includes(ctx.proposal.status) &&
        TRANSITIONS[ctx.proposal.status].ingetrokken?.includes('kandidaat')
      ) {
        await this.move(em, actor, ctx.proposal, 'ingetrokken', 'toestemming_ingetrokken');
      }
      await this.audit.record(em, actor, {
        action: 'consent.withdraw',
        candidateId: ctx.candidate.id,
        details: { proposalId: id },
      });
    });
    return this.get(actor, id);
  }

  /** The moments of a "yes": as given, or start times with the workplace's defaults. */
  private async answerMoments(
    em: EntityManager,
    ctx: ProposalContext,
    kind: MeetingKind,
    dto: Pick<EmployerAnswerDto, 'meetingOptions' | 'meetingDates' | 'place' | 'withWhom'>,
  ): Promise<MomentInput[]> {
    if (dto.meetingOptions) return momentsOf(dto.meetingOptions);
    const defaults = await this.meetings.defaultsFor(em, ctx.vacancy.id);
    return meetingDates(dto.meetingDates).map((startsAt) => ({
      startsAt,
      endsAt: new Date(startsAt.getTime() + MEETING_DEFAULT_MINUTES[kind] * 60_000),
      place: dto.place?.trim() || defaults.place,
      withWhom: dto.withWhom?.trim() || defaults.withWhom,
    }));
  }

  async answer(actor: Actor, id: string, dto: EmployerAnswerDto) {
    const problems = answerProblems(dto);
    if (problems.length) throw Problems.validation(problems);
    // Whole moments are checked before anything moves (start times once their length is known).
    if (dto.meetingOptions)
      assertMoments(momentsOf(dto.meetingOptions), new Date(), 'meetingOptions');
    await this.db.transaction(async (em) => {
      const ctx = await this.context(actor, id, em, true);
      const p = ctx.proposal;
      if (p.status !== 'wacht_op_werkgever') {
        throw Problems.conflict(
          'ILLEGAL_TRANSITION',
          'This proposal is not waiting for your answer',
          `Status is ${p.status}.`,
          {
            currentStatus: p.status,
            allowedNext: allowedNext(p.status, actor.role),
          },
        );
      }
      p.employerAnswer = dto.answer;
      const kind = dto.answer === 'interested' ? (dto.meetingKind as MeetingKind) : null;
      const moments = kind ? await this.answerMoments(em, ctx, kind, dto) : [];
      if (kind) {
        p.meetingKind = kind;
        p.meetingDates = moments.map((m) => m.startsAt);
        await this.move(em, actor, p, kind, undefined, dto.note);
      } else {
        await this.move(
          em,
          actor,
          p,
          'afgewezen',
          dto.answer === 'not_now' ? 'niet_nu' : dto.reason,
          dto.note,
        );
      }
      const link = this.link(id);
      await this.mail.queue(
        em,
        employerAnsweredMail(ctx, dto.answer, p.closedReason ?? undefined, dto.note, link),
        { type: 'proposal', id },
      );
      // The moments offered: the candidate and the werkmakelaar are asked to pick one.
      if (kind)
        await this.meetings.offerIn(
          em,
          actor,
          ctx,
          kind,
          moments,
          dto.meetingOptions ? 'meetingOptions' : 'meetingDates',
        );
    });
    return this.get(actor, id);
  }

  /**
   * Offers moments for the proposal's step (employer, or the werkmakelaar for them): a new
   * kennismaking or meeloopdag after the last one was held or cancelled. Offering a meeloopdag while
   * the proposal is at kennismaking takes the proposal to meeloopdag.
   */
  async offerMeeting(actor: Actor, id: string, dto: OfferMeetingDto): Promise<MeetingView> {
    const meetingId = await this.db.transaction(async (em) => {
      const ctx = await this.context(actor, id, em, true);
      const p = ctx.proposal;
      if (p.status !== dto.kind) {
        if (p.status === 'kennismaking' && dto.kind === 'meeloopdag')
          await this.move(em, actor, p, 'meeloopdag');
        else
          throw Problems.conflict(
            'ILLEGAL_TRANSITION',
            'No meeting of this kind now',
            `The proposal is at ${p.status}: offer moments for a kennismaking or meeloopdag while the proposal is at that step.`,
            { currentStatus: p.status, allowedNext: allowedNext(p.status, actor.role) },
          );
      }
      const moments = momentsOf(dto.options);
      p.meetingKind = dto.kind;
      p.meetingDates = moments.map((m) => m.startsAt);
      await em.getRepository(Proposal).save(p);
      const meeting = await this.meetings.offerIn(em, actor, ctx, dto.kind, moments);
      return meeting.id;
    });
    return this.meetings.get(actor, meetingId);
  }

  async changeStatus(actor: Actor, id: string, dto: StatusChangeDto) {
    const viaOtherRoute: Partial<Record<ProposalStatus, string>> = {
      wacht_op_werkgever: 'POST /api/proposals/{id}/consent',
      geplaatst: 'POST /api/placements with this proposalId',
    };
    await this.db.transaction(async (em) => {
      const ctx = await this.context(actor, id, em, true);
      const p = ctx.proposal;
      if (viaOtherRoute[dto.status] && TRANSITIONS[p.status][dto.status]) {
        throw new ProblemException(
          409,
          'USE_DEDICATED_ROUTE',
          'Use the dedicated route',
          `Move to ${dto.status} with ${viaOtherRoute[dto.status]}.`,
          {
            currentStatus: p.status,
            allowedNext: allowedNext(p.status, actor.role),
          },
        );
      }
      if (
        p.status === 'wacht_op_werkgever' &&
        (dto.status === 'kennismaking' || dto.status === 'meeloopdag') &&
        actor.role === 'werkgever'
      ) {
        throw new ProblemException(
          409,
          'USE_DEDICATED_ROUTE',
          'Use the dedicated route',
          'Answer with POST /api/proposals/{id}/answer.',
          {
            currentStatus: p.status,
            allowedNext: allowedNext(p.status, actor.role),
          },
        );
      }
      const moments =
        dto.status === 'meeloopdag' && dto.meetingDates?.length
          ? await this.answerMoments(em, ctx, 'meeloopdag', { meetingDates: dto.meetingDates })
          : [];
      if (moments.length) {
        p.meetingKind = 'meeloopdag';
        p.meetingDates = moments.map((m) => m.startsAt);
      }
      await this.move(em, actor, p, dto.status, dto.reason, dto.note);
      // The new dates become a meeloopdag to pick a moment of (as POST /{id}/meetings would).
      if (moments.length)
        await this.meetings.offerIn(em, actor, ctx, 'meeloopdag', moments, 'meetingDates');
    });
    return this.get(actor, id);
  }

  /** Used by placements: the proposal becomes geplaatst in the placement's transaction. */
  async markPlaced(
    em: EntityManager,
    actor: Actor,
    proposalId: string,
  ): Promise<{ candidateId: string; vacancyId: string; consentGivenAt: Date | null }> {
    const ctx = await this.context(actor, proposalId, em, true);
    await this.move(em, actor, ctx.proposal, 'geplaatst');
    return {
      candidateId: ctx.candidate.id,
      vacancyId: ctx.vacancy.id,
      consentGivenAt: ctx.consent?.givenAt ?? null,
    };
  }
}
