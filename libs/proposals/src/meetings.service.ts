import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '@werkbrug/audit';
import type { Actor } from '@werkbrug/auth';
import { CandidatesService } from '@werkbrug/candidates';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { pgConstraint, queryRows } from '@werkbrug/database';
import { today } from '@werkbrug/domain';
import { assertVersion, ProblemException, Problems } from '@werkbrug/http';
import { DueMailJob, type DueMails, HOUR_MS, queueDueMails } from '@werkbrug/jobs';
import { MailService } from '@werkbrug/mail';
import {
  CancelMeetingDto,
  MeetingOutcomeDto,
  momentsOf,
  MoveMeetingDto,
  PickMeetingDto,
} from './meeting.dto';
import { Meeting, MeetingOption, MeetingOutcomeRecord } from './meeting.entity';
import {
  meetingAgreedMail,
  meetingCancelledMail,
  type MeetingMailBase,
  meetingMovedMail,
  meetingOfferedMail,
  type MeetingRecipient,
  meetingReminderMail,
} from './meeting-mails';
import { type MomentInput, type MomentProblemCode, momentProblems } from './meeting-options';
import {
  isMeetingSide,
  MEETING_ROLES,
  MEETING_SIDES,
  type MeetingSide,
  RUNNING_MEETING_STATUSES,
} from './meeting-status';
import { meetingStatusAt, toMeetingView, type MeetingView } from './meeting.views';
import { proposalVisibleSql } from './proposal-access';
import { loadProposalContexts } from './proposal-context.loader';
import { candidateEmail, employerEmails } from './proposal-mails';
import { Proposal } from './proposal.entity';
import type { MeetingKind } from './proposal-status';
import type { ProposalContext } from './proposal.views';

/** The API's words for a refused offer of moments (the pages have their own, in Dutch). */
export const MOMENT_PROBLEM_MESSAGES: Record<MomentProblemCode, string> = {
  none: 'offer at least one moment',
  too_many: 'offer at most 3 moments',
  invalid_time: 'not a valid date and time',
  in_past: 'must be in the future',
  end_before_start: 'must be after the start',
  too_long: 'a meeting lasts at most 12 hours',
  other_day: 'must end on the day it starts (Dutch time)',
  duplicate: 'the same moment is offered twice',
  no_place: 'say where',
  no_with_whom: 'say with whom',
};

/** The 409s of a meeting that changed meanwhile (another side picked, moved or cancelled it, or a stale form). */
export const MEETING_CONFLICT_CODES = [
  'STALE_VERSION',
  'MEETING_RUNNING',
  'MEETING_CLOSED',
  'MEETING_AGREED',
  'MOMENT_UNAVAILABLE',
  'MEETING_NOT_HELD_YET',
  'ILLEGAL_TRANSITION',
] as const;

export const isMeetingConflict = (error: unknown): error is ProblemException =>
  error instanceof ProblemException &&
  (MEETING_CONFLICT_CODES as readonly string[]).includes(error.code);

/** 422 with a line per problem of an offer of moments; nothing when the offer is fine. */
export function assertMoments(moments: readonly MomentInput[], now: Date, field = 'options') {
  const problems = momentProblems(moments, now);
  if (problems.length)
    throw Problems.validation(
      problems.map((p) => ({
        field: p.index === null ? field : `${field}[${p.index}].${p.field}`,
        message: MOMENT_PROBLEM_MESSAGES[p.code],
      })),
    );
}

const closed = (m: Pick<Meeting, 'status'>) =>
  Problems.conflict(
    'MEETING_CLOSED',
    'This meeting is over',
    `The meeting was ${m.status === 'geannuleerd' ? 'cancelled' : 'held'}; offer a new one.`,
    { meetingStatus: m.status },
  );

const sideOf = (actor: Actor): MeetingSide => {
  if (!isMeetingSide(actor.role))
    throw Problems.forbidden('Only the three sides of a proposal meet.');
  return actor.role;
};

const mayDo = (actor: Actor, roles: readonly string[], detail: string) => {
  if (!roles.includes(actor.role)) throw Problems.forbidden(detail);
};

type ReminderRow = { id: string; proposal_id: string; option_id: string; starts_at: Date };

/**
 * The kennismaking and the meeloopdag of a proposal: who sees them is who sees the proposal
 * (proposalVisibleSql); the employer offers moments (or the werkmakelaar for them), the candidate
 * picks one (or the werkmakelaar on their behalf), any side moves or cancels, and each side records
 * how it went. Every change is one transaction with its audit line and its mails (outbox).
 */
@Injectable()
export class MeetingsService {
  private readonly reminderJob = new DueMailJob(
    'meeting reminders',
    new Logger('MeetingReminders'),
    () => this.sendReminders(),
  );

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly candidates: CandidatesService,
  ) {}

  private link(proposalId: string) {
    return `${this.config.publicUrl.replace(/\/$/, '')}/voorstellen/${proposalId}`;
  }

  private mailBase(ctx: ProposalContext, meeting: Meeting): MeetingMailBase {
    return { ctx, meeting, link: this.link(ctx.proposal.id), mailFrom: this.config.mailFrom };
  }

  /** The three sides' addresses, looked up now; the candidate's read is audited (contactmail). */
  private async recipients(
    em: EntityManager,
    ctx: ProposalContext,
    sides: readonly MeetingSide[] = MEETING_SIDES,
  ): Promise<MeetingRecipient[]> {
    const out: MeetingRecipient[] = [];
    for (const side of sides) {
      if (side === 'kandidaat') {
        const to = await candidateEmail(this.candidates, em, ctx.candidate.id);
        out.push({ side, to, name: ctx.candidate.firstName ?? 'daar' });
      } else if (side === 'werkgever') {
        const to = await employerEmails(em, ctx.vacancy.employerId);
        out.push({ side, to, name: ctx.vacancy.employerName });
      } else {
        out.push({ side, to: [ctx.werkmakelaar.email], name: ctx.werkmakelaar.name });
      }
    }
    return out.filter((r) => r.to.length);
  }

  private async queue(
    em: EntityManager,
    meeting: Meeting,
    mails: Parameters<MailService['queue']>[1][],
  ) {
    for (const message of mails)
      await this.mail.queue(em, message, { type: 'proposal', id: meeting.proposalId });
  }

  /** The meeting, if the actor may see its proposal (else 404); locked when it is to change. */
  private async visibleMeeting(em: EntityManager, actor: Actor, id: string, lock: boolean) {
    const visible = proposalVisibleSql(actor, 'p');
    const qb = em
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .innerJoin(Proposal, 'p', 'p.id = m.proposalId')
      .where('m.id = :meetingId', { meetingId: id })
      .andWhere(visible.sql, visible.params);
    if (lock) qb.setLock('pessimistic_write', undefined, ['m']);
    const meeting = await qb.getOne();
    if (!meeting) throw Problems.notFound('Meeting');
    return meeting;
  }

  /** The meeting with what its mails need, locked, for a change by the actor. */
  private async forChange(em: EntityManager, actor: Actor, id: string, expected?: number) {
    const meeting = await this.visibleMeeting(em, actor, id, true);
    assertVersion(meeting.version, expected);
    const proposal = await em.getRepository(Proposal).findOneByOrFail({ id: meeting.proposalId });
    const [ctx] = await loadProposalContexts(em, [proposal], this.candidates);
    return { meeting, ctx: ctx as ProposalContext };
  }

  /** Where the meeting stands now (meetingStatusAt: held once the agreed moment has begun). */
  private async statusNow(em: EntityManager, meeting: Meeting, now = new Date()) {
    const chosen = meeting.chosenOptionId
      ? await em.getRepository(MeetingOption).findOneBy({ id: meeting.chosenOptionId })
      : null;
    return meetingStatusAt(meeting, chosen?.startsAt ?? null, now);
  }

  /** A meeting whose agreed moment has begun is saved as held (no mails: nothing changes for anyone). */
  private async markHeldIfBegun(em: EntityManager, meeting: Meeting) {
    const status = await this.statusNow(em, meeting);
    if (status === 'gehouden' && meeting.status === 'gekozen') {
      meeting.status = 'gehouden';
      await em.getRepository(Meeting).save(meeting);
    }
    return status;
  }

  private async views(actor: Actor, meetings: Meeting[], em = this.db.manager) {
    if (!meetings.length) return [];
    const ids = meetings.map((m) => m.id);
    const [options, outcomes] = await Promise.all([
      em.getRepository(MeetingOption).findBy({ meetingId: In(ids) }),
      em.getRepository(MeetingOutcomeRecord).findBy({ meetingId: In(ids) }),
    ]);
    const now = new Date();
    return meetings.map((m) => toMeetingView(actor.role, m, options, outcomes, now));
  }

  /** One meeting as the actor sees it (404 unless the actor sees its proposal). */
  async get(actor: Actor, id: string): Promise<MeetingView> {
    const meeting = await this.visibleMeeting(this.db.manager, actor, id, false);
    const [view] = await this.views(actor, [meeting]);
    return view as MeetingView;
  }

  /** The meetings of a proposal, newest first (404 unless the actor sees the proposal). */
  async forProposal(actor: Actor, proposalId: string): Promise<MeetingView[]> {
    const visible = proposalVisibleSql(actor, 'p');
    const seen = await this.db
      .getRepository(Proposal)
      .createQueryBuilder('p')
      .where('p.id = :proposalId', { proposalId })
      .andWhere(visible.sql, visible.params)
      .getExists();
    if (!seen) throw Problems.notFound('Proposal');
    const meetings = await this.db
      .getRepository(Meeting)
      .find({ where: { proposalId }, order: { createdAt: 'DESC' } });
    return this.views(actor, meetings);
  }

  /** Where and with whom, as a form starts: the workplace's address and its contact (404 when out of sight). */
  async defaultsForProposal(
    actor: Actor,
    proposalId: string,
  ): Promise<{ place: string; withWhom: string }> {
    const visible = proposalVisibleSql(actor, 'p');
    const proposal = await this.db
      .getRepository(Proposal)
      .createQueryBuilder('p')
      .where('p.id = :proposalId', { proposalId })
      .andWhere(visible.sql, visible.params)
      .getOne();
    if (!proposal) throw Problems.notFound('Proposal');
    return this.defaultsFor(this.db.manager, proposal.vacancyId);
  }

  /** What an offer says when nobody fills in where and with whom (the API's meetingDates). */
  async defaultsFor(
    em: EntityManager,
    vacancyId: string,
  ): Promise<{ place: string; withWhom: string }> {
    const [row] = await queryRows<{
      address: string;
      place: string;
      contact: string;
      name: string;
    }>(
      em,
      `SELECT v.address, v.place, e.contact_name AS contact, e.name
         FROM vacancies v JOIN employers e ON e.id = v.employer_id WHERE v.id = $1`,
      [vacancyId],
    );
    if (!row) return { place: 'Op de werkplek', withWhom: 'De werkgever' };
    return {
      place: [row.address.trim(), row.place.trim()].filter(Boolean).join(', ') || 'Op de werkplek',
      withWhom: row.contact.trim() || row.name,
    };
  }

  /**
   * Offers moments for the proposal's current step, in the caller's transaction (ProposalsService:
   * the employer's answer, or a new offer). A running meeting whose agreed moment has passed counts
   * as held; one still to come is a 409 (move it instead). Mails the other sides.
   */
  async offerIn(
    em: EntityManager,
    actor: Actor,
    ctx: ProposalContext,
    kind: MeetingKind,
    moments: readonly MomentInput[],
    field = 'options',
  ): Promise<Meeting> {
    mayDo(actor, MEETING_ROLES.offer, 'The employer offers moments, or the werkmakelaar for them.');
    const side = sideOf(actor);
    const now = new Date();
    assertMoments(moments, now, field);
    const repo = em.getRepository(Meeting);
    const running = await repo.findOne({
      where: { proposalId: ctx.proposal.id, status: In([...RUNNING_MEETING_STATUSES]) },
      lock: { mode: 'pessimistic_write' },
    });
    if (running && (await this.markHeldIfBegun(em, running)) !== 'gehouden')
      throw Problems.conflict(
        'MEETING_RUNNING',
        'A meeting is already planned',
        'This proposal has a meeting that is still to come: move or cancel it first.',
        { meetingId: running.id },
      );
    const meeting = await repo
      .save(
        repo.create({
          proposalId: ctx.proposal.id,
          kind,
          status: 'aangeboden',
          round: 1,
          chosenOptionId: null,
          offeredByUserId: actor.userId,
          offeredByRole: side,
          pickedByUserId: null,
          pickedByRole: null,
          pickedAt: null,
          movedByRole: null,
          moveReason: null,
          cancelledByRole: null,
          cancelReason: null,
          cancelledAt: null,
          icsSequence: 0,
          reminderSentFor: null,
        }),
      )
      .catch((error: unknown) => {
        if (pgConstraint(error) === 'meetings_one_running_per_proposal')
          throw Problems.conflict(
            'MEETING_RUNNING',
            'A meeting is already planned',
            'This proposal has a meeting that is still to come: move or cancel it first.',
          );
        throw error;
      });
    const options = await this.saveOptions(em, meeting, moments);
    const others = await this.recipients(
      em,
      ctx,
      MEETING_SIDES.filter((s) => s !== side),
    );
    const b = this.mailBase(ctx, meeting);
    await this.queue(
      em,
      meeting,
      others.map((r) => meetingOfferedMail(b, r, side, options)),
    );
    await this.audit.record(em, actor, {
      action: 'meeting.offer',
      candidateId: ctx.candidate.id,
      details: {
        proposalId: ctx.proposal.id,
        meetingId: meeting.id,
        kind,
        moments: options.length,
      },
    });
    return meeting;
  }

  private async saveOptions(em: EntityManager, meeting: Meeting, moments: readonly MomentInput[]) {
    const repo = em.getRepository(MeetingOption);
    return repo.save(
      moments.map((m, i) =>
        repo.create({
          meetingId: meeting.id,
          round: meeting.round,
          position: i + 1,
          startsAt: m.startsAt,
          endsAt: m.endsAt,
          place: m.place.trim(),
          withWhom: m.withWhom.trim(),
          unavailableAt: null,
        }),
      ),
    );
  }

  /** The candidate (or the werkmakelaar for them) picks a moment: all three get the invitation. */
  async pick(
    actor: Actor,
    id: string,
    dto: PickMeetingDto,
    ifMatch?: number,
  ): Promise<MeetingView> {
    mayDo(actor, MEETING_ROLES.pick, 'The candidate picks a moment, or the werkmakelaar for them.');
    const side = sideOf(actor);
    await this.db.transaction(async (em) => {
      const { meeting, ctx } = await this.forChange(em, actor, id, ifMatch ?? dto.version);
      if (meeting.status === 'gekozen')
        throw Problems.conflict(
          'MEETING_AGREED',
          'A moment is already agreed',
          'Move the meeting first to pick another moment.',
        );
      if (meeting.status !== 'aangeboden') throw closed(meeting);
      const now = new Date();
      const option = await em
        .getRepository(MeetingOption)
        .findOneBy({ id: dto.optionId, meetingId: meeting.id });
      if (
        !option ||
        option.round !== meeting.round ||
        option.unavailableAt ||
        option.startsAt <= now
      )
        throw Problems.conflict(
          'MOMENT_UNAVAILABLE',
          'This moment cannot be picked',
          'Pick one of the moments offered now that is still to come.',
        );
      const sequence = meeting.icsSequence;
      Object.assign(meeting, {
        status: 'gekozen',
        chosenOptionId: option.id,
        pickedByUserId: actor.userId,
        pickedByRole: side,
        pickedAt: now,
        icsSequence: sequence + 1,
        reminderSentFor: null,
      });
      await em.getRepository(Meeting).save(meeting);
      const b = this.mailBase(ctx, meeting);
      const everyone = await this.recipients(em, ctx);
      await this.queue(
        em,
        meeting,
        everyone.map((r) => meetingAgreedMail(b, r, option, sequence)),
      );
      await this.audit.record(em, actor, {
        action: 'meeting.pick',
        candidateId: ctx.candidate.id,
        details: { proposalId: ctx.proposal.id, meetingId: meeting.id, optionId: option.id },
      });
    });
    return this.get(actor, id);
  }

  /**
   * Moves the meeting: back to aangeboden. With new moments (employer or werkmakelaar) a new round
   * is offered; without them the agreed moment (or, before one was agreed, every moment offered) is
   * marked as not possible and the others are asked for new ones. An agreed moment's calendar entry
   * is cancelled in the others' mail.
   */
  async move(
    actor: Actor,
    id: string,
    dto: MoveMeetingDto,
    ifMatch?: number,
  ): Promise<MeetingView> {
    mayDo(actor, MEETING_ROLES.move, 'Only the three sides of a proposal move its meeting.');
    const side = sideOf(actor);
    if (dto.options && side === 'kandidaat')
      throw Problems.forbidden(
        'The candidate asks for another moment; the employer or the werkmakelaar offers the moments.',
      );
    if (!dto.options && side === 'werkgever')
      throw Problems.validation([{ field: 'options', message: 'offer the new moments' }]);
    await this.db.transaction(async (em) => {
      const { meeting, ctx } = await this.forChange(em, actor, id, ifMatch ?? dto.version);
      // Held once the agreed moment has begun: too late to move it.
      const status = await this.statusNow(em, meeting);
      if (!RUNNING_MEETING_STATUSES.includes(status)) throw closed({ status });
      const now = new Date();
      const moments = dto.options ? momentsOf(dto.options) : null;
      if (moments) assertMoments(moments, now);
      const optionRepo = em.getRepository(MeetingOption);
      const dropped = meeting.chosenOptionId
        ? await optionRepo.findOneBy({ id: meeting.chosenOptionId })
        : null;
      // The cancellation of the agreed moment's calendar entry, when there was one.
      const sequence = meeting.icsSequence;
      if (dropped) meeting.icsSequence = sequence + 1;
      if (!moments) {
        // Nobody can come at the agreed moment, or (before one was agreed) at any moment offered.
        const current = await optionRepo.findBy({ meetingId: meeting.id, round: meeting.round });
        for (const o of current)
          if (!o.unavailableAt && (dropped ? o.id === dropped.id : true)) o.unavailableAt = now;
        await optionRepo.save(current);
      } else meeting.round += 1;
      Object.assign(meeting, {
        status: 'aangeboden',
        chosenOptionId: null,
        pickedByUserId: null,
        pickedByRole: null,
        pickedAt: null,
        movedByRole: side,
        moveReason: dto.reason?.trim() || null,
        reminderSentFor: null,
      });
      await em.getRepository(Meeting).save(meeting);
      const options = moments
        ? await this.saveOptions(em, meeting, moments)
        : (await optionRepo.findBy({ meetingId: meeting.id, round: meeting.round }))
            .filter((o) => !o.unavailableAt && o.startsAt > now)
            .sort((a, b) => a.position - b.position);
      const b = this.mailBase(ctx, meeting);
      const others = await this.recipients(
        em,
        ctx,
        MEETING_SIDES.filter((s) => s !== side),
      );
      await this.queue(
        em,
        meeting,
        others.map((r) =>
          meetingMovedMail(b, r, {
            actor: side,
            reason: meeting.moveReason,
            dropped,
            options,
            sequence,
          }),
        ),
      );
      await this.audit.record(em, actor, {
        action: 'meeting.move',
        candidateId: ctx.candidate.id,
        details: {
          proposalId: ctx.proposal.id,
          meetingId: meeting.id,
          newMoments: moments?.length ?? 0,
          wasAgreed: !!dropped,
        },
      });
    });
    return this.get(actor, id);
  }

  /** Calls the meeting off; the others are told (with a cancelled calendar entry if one was sent). */
  async cancel(
    actor: Actor,
    id: string,
    dto: CancelMeetingDto,
    ifMatch?: number,
  ): Promise<MeetingView> {
    mayDo(actor, MEETING_ROLES.cancel, 'Only the three sides of a proposal cancel its meeting.');
    await this.db.transaction(async (em) => {
      const { meeting, ctx } = await this.forChange(em, actor, id, ifMatch ?? dto.version);
      // Held once the agreed moment has begun: too late to call it off.
      const status = await this.statusNow(em, meeting);
      if (!RUNNING_MEETING_STATUSES.includes(status)) throw closed({ status });
      await this.cancelIn(em, actor, ctx, meeting, dto.reason.trim());
    });
    return this.get(actor, id);
  }

  private async cancelIn(
    em: EntityManager,
    actor: Actor,
    ctx: ProposalContext,
    meeting: Meeting,
    reason: string,
  ) {
    const side = sideOf(actor);
    const agreed =
      meeting.status === 'gekozen' && meeting.chosenOptionId
        ? await em.getRepository(MeetingOption).findOneBy({ id: meeting.chosenOptionId })
        : null;
    const sequence = meeting.icsSequence;
    if (agreed) meeting.icsSequence = sequence + 1;
    Object.assign(meeting, {
      status: 'geannuleerd',
      cancelledByRole: side,
      cancelReason: reason,
      cancelledAt: new Date(),
    });
    await em.getRepository(Meeting).save(meeting);
    const b = this.mailBase(ctx, meeting);
    const others = await this.recipients(
      em,
      ctx,
      MEETING_SIDES.filter((s) => s !== side),
    );
    await this.queue(
      em,
      meeting,
      others.map((r) => meetingCancelledMail(b, r, { actor: side, reason, agreed, sequence })),
    );
    await this.audit.record(em, actor, {
      action: 'meeting.cancel',
      candidateId: ctx.candidate.id,
      details: { proposalId: ctx.proposal.id, meetingId: meeting.id, wasAgreed: !!agreed },
    });
  }

  /**
   * A proposal that closes (withdrawn, declined, placed) calls off its running meeting, in the
   * closing transaction; the others hear it (one that was held already stays held). Called by ProposalsService after the consent ended.
   */
  async cancelRunningIn(em: EntityManager, actor: Actor, proposalId: string, reason: string) {
    if (!isMeetingSide(actor.role)) return;
    const running = await em.getRepository(Meeting).findOne({
      where: { proposalId, status: In([...RUNNING_MEETING_STATUSES]) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!running) return;
    // An agreed moment that has begun was held: it stays so (the outcomes may still come).
    if ((await this.markHeldIfBegun(em, running)) === 'gehouden') return;
    const proposal = await em.getRepository(Proposal).findOneByOrFail({ id: proposalId });
    const [ctx] = await loadProposalContexts(em, [proposal], this.candidates);
    await this.cancelIn(em, actor, ctx as ProposalContext, running, reason);
  }

  /** Each side records how it went, once the agreed moment has begun (again: the record changes). */
  async recordOutcome(
    actor: Actor,
    id: string,
    dto: MeetingOutcomeDto,
    ifMatch?: number,
  ): Promise<MeetingView> {
    mayDo(actor, MEETING_ROLES.outcome, 'Each side of a proposal records its own outcome.');
    const side = sideOf(actor);
    await this.db.transaction(async (em) => {
      const { meeting, ctx } = await this.forChange(em, actor, id, ifMatch ?? dto.version);
      if (meeting.status === 'geannuleerd') throw closed(meeting);
      const chosen = meeting.chosenOptionId
        ? await em.getRepository(MeetingOption).findOneBy({ id: meeting.chosenOptionId })
        : null;
      if (!chosen || chosen.startsAt > new Date())
        throw Problems.conflict(
          'MEETING_NOT_HELD_YET',
          'The meeting has not taken place yet',
          'Record how it went after the agreed moment has begun.',
        );
      const repo = em.getRepository(MeetingOutcomeRecord);
      const existing = await repo.findOneBy({ meetingId: meeting.id, side });
      await repo.save(
        Object.assign(existing ?? repo.create({ meetingId: meeting.id, side }), {
          outcome: dto.outcome,
          note: dto.note?.trim() || null,
          recordedByUserId: actor.userId,
        }),
      );
      meeting.status = 'gehouden';
      // A new version also when it was held already: a form read before this outcome is stale.
      meeting.updatedAt = new Date();
      await em.getRepository(Meeting).save(meeting);
      await this.audit.record(em, actor, {
        action: 'meeting.outcome',
        candidateId: ctx.candidate.id,
        details: { proposalId: ctx.proposal.id, meetingId: meeting.id, side, outcome: dto.outcome },
      });
    });
    return this.get(actor, id);
  }

  /**
   * The day-before reminders due on the Dutch date `on`: for each agreed meeting that starts
   * tomorrow and was not reminded for this moment yet, a mail to each side. Safe to repeat.
   */
  async sendReminders(on = today()): Promise<number> {
    return this.db.transaction((em) => queueDueMails(em, on, this.reminderMails));
  }

  private readonly reminderMails: DueMails<ReminderRow> = {
    due: (em, on) =>
      queryRows<ReminderRow>(
        em,
        `SELECT m.id, m.proposal_id, o.id AS option_id, o.starts_at
           FROM meetings m
           JOIN meeting_options o ON o.id = m.chosen_option_id
           JOIN proposals p ON p.id = m.proposal_id
           JOIN candidates c ON c.id = p.candidate_id
          WHERE m.status = 'gekozen' AND c.erased_at IS NULL
            AND p.status NOT IN ('geplaatst','ingetrokken','afgewezen')
            AND (o.starts_at AT TIME ZONE 'Europe/Amsterdam')::date = $1::date + 1
            AND m.reminder_sent_for IS DISTINCT FROM o.starts_at
          ORDER BY o.starts_at
          FOR UPDATE OF m SKIP LOCKED`,
        [on],
      ),
    queue: async (em, [row]) => {
      if (!row) return;
      const meeting = await em.getRepository(Meeting).findOneByOrFail({ id: row.id });
      const option = await em.getRepository(MeetingOption).findOneByOrFail({ id: row.option_id });
      const proposal = await em.getRepository(Proposal).findOneByOrFail({ id: row.proposal_id });
      const [ctx] = await loadProposalContexts(em, [proposal], this.candidates);
      const b = this.mailBase(ctx as ProposalContext, meeting);
      const everyone = await this.recipients(em, ctx as ProposalContext);
      await this.queue(
        em,
        meeting,
        everyone.map((r) => meetingReminderMail(b, r, option)),
      );
    },
    // Not a new version: a reminder changes nothing anyone is editing.
    markSent: async (em, rows) => {
      for (const row of rows)
        await queryRows(em, `UPDATE meetings SET reminder_sent_for = $2 WHERE id = $1`, [
          row.id,
          row.starts_at,
        ]);
    },
  };

  /** Hourly in the worker. */
  startReminders(everyMs = HOUR_MS) {
    this.reminderJob.start(everyMs);
  }

  stopReminders() {
    return this.reminderJob.stop();
  }
}
