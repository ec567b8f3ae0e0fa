import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { AuditService } from '@werkbrug/audit';
import { CandidatesService } from '@werkbrug/candidates';
import { APP_CONFIG, AppConfig } from '@werkbrug/config';
import { queryRows } from '@werkbrug/database';
import { Problems } from '@werkbrug/http';
import { MailService } from '@werkbrug/mail';
import { VacanciesService } from '@werkbrug/vacancies';
import {
  CreateInterestDto,
  InterestListQuery,
  InterestSignalPage,
  InterestSignalRow,
  InterestSignalView,
  InterestStatus,
} from './interest.dto';

/** Status in plain words, derived from the row and the proposals for the same pair (no second truth). */
const SELECT_SIGNALS = `
  SELECT s.id, s.candidate_id, s.note, s.created_at, s.seen_at, s.withdrawn_at,
         v.id AS vacancy_id, v.title, v.place, v.status AS vacancy_status, e.name AS employer_name,
         c.pseudonym, c.werkmakelaar_id, pr.id AS proposal_id,
         CASE WHEN s.withdrawn_at IS NOT NULL THEN 'ingetrokken'
              WHEN pr.id IS NOT NULL THEN 'voorgesteld'
              WHEN s.seen_at IS NOT NULL THEN 'gezien'
              ELSE 'verstuurd' END AS status,
         count(*) OVER () AS total
    FROM interest_signals s
    JOIN candidates c ON c.id = s.candidate_id AND c.erased_at IS NULL
    JOIN vacancies v ON v.id = s.vacancy_id
    JOIN employers e ON e.id = v.employer_id
    LEFT JOIN LATERAL (SELECT o.id FROM proposals o
                        WHERE o.candidate_id = s.candidate_id AND o.vacancy_id = s.vacancy_id
                          AND o.created_at >= s.created_at
                        ORDER BY o.created_at DESC LIMIT 1) pr ON true`;

type SignalRow = Record<string, unknown> & { total: string };

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

function toView(r: SignalRow): InterestSignalView {
  return {
    id: r.id as string,
    candidateId: r.candidate_id as string,
    vacancy: {
      id: r.vacancy_id as string,
      title: r.title as string,
      employerName: r.employer_name as string,
      place: r.place as string,
      status: r.vacancy_status as string,
    },
    note: r.note as string,
    status: r.status as InterestStatus,
    createdAt: iso(r.created_at) as string,
    seenAt: iso(r.seen_at),
    proposalId: (r.proposal_id as string | null) ?? null,
  };
}

function toRow(r: SignalRow): InterestSignalRow {
  return {
    ...toView(r),
    pseudonym: `Kandidaat ${r.pseudonym as string}`,
    candidateName: r.first_name ? `${r.first_name as string} ${r.last_name as string}` : null,
    werkmakelaarId: (r.werkmakelaar_id as string | null) ?? null,
  };
}

/**
 * "Ik heb interesse": the candidate says a workplace interests them. Stored, the werkmakelaar gets a
 * mail through the outbox and sees it in the console, and the candidate sees what happened with it.
 */
@Injectable()
export class InterestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly candidates: CandidatesService,
    private readonly vacancies: VacanciesService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  private ownCandidateId(actor: Actor): string {
    if (actor.role !== 'kandidaat' || !actor.candidateId) throw Problems.forbidden();
    return actor.candidateId;
  }

  private async one(runner: Pick<EntityManager, 'query'>, where: string, params: unknown[]) {
    const rows = await queryRows<SignalRow>(runner, `${SELECT_SIGNALS} WHERE ${where}`, params);
    return (await this.named(rows))[0];
  }

  /** Adds the candidates' names (first_name, last_name) from the candidates module, for display. */
  private async named(rows: SignalRow[]): Promise<SignalRow[]> {
    const names = await this.candidates.protectedFactsFor(
      rows.map((r) => r.candidate_id as string),
      'weergave',
    );
    return rows.map((r) => {
      const p = names.get(r.candidate_id as string);
      return { ...r, first_name: p?.firstName ?? null, last_name: p?.lastName ?? null };
    });
  }

  /** Says (or says again: idempotent) that the candidate is interested. `created` is false for a repeat. */
  async express(
    actor: Actor,
    dto: CreateInterestDto,
  ): Promise<{ created: boolean; signal: InterestSignalView }> {
    const candidateId = this.ownCandidateId(actor);
    // The vacancies module's own rule: a candidate sees open workplaces only.
    await this.vacancies.get(actor, dto.vacancyId);
    return this.db.transaction(async (em) => {
      const c = await this.candidates
        .scoped(actor, em)
        .andWhere('c.id = :id', { id: candidateId })
        .setLock('pessimistic_write')
        .getOne();
      if (!c) throw Problems.notFound('Candidate');
      const inserted = await queryRows<{ id: string }>(
        em,
        `INSERT INTO interest_signals (candidate_id, vacancy_id, organisation_id, note)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (candidate_id, vacancy_id) WHERE withdrawn_at IS NULL DO NOTHING RETURNING id`,
        [candidateId, dto.vacancyId, c.organisationId, dto.note?.trim() ?? ''],
      );
      if (!inserted.length) {
        const existing = await this.one(
          em,
          's.candidate_id = $1 AND s.vacancy_id = $2 AND s.withdrawn_at IS NULL',
          [candidateId, dto.vacancyId],
        );
        return { created: false, signal: toView(existing as SignalRow) };
      }
      const id = inserted[0]!.id;
      await this.audit.record(em, actor, {
        action: 'interest.create',
        candidateId,
        details: { vacancyId: dto.vacancyId },
      });
      const row = (await this.one(em, 's.id = $1', [id])) as SignalRow;
      await this.notifyWerkmakelaar(em, c.werkmakelaarId, row);
      return { created: true, signal: toView(row) };
    });
  }

  /** The mail names the pseudonym and the workplace; the candidate's note stays in the console. */
  private async notifyWerkmakelaar(em: EntityManager, werkmakelaarId: string | null, r: SignalRow) {
    if (!werkmakelaarId) return;
    const [wm] = await queryRows<{ email: string; display_name: string }>(
      em,
      `SELECT email, display_name FROM users WHERE id = $1 AND active`,
      [werkmakelaarId],
    );
    if (!wm) return;
    const base = this.config.publicUrl.replace(/\/$/, '');
    await this.mail.queue(
      em,
      {
        template: 'interest_signal',
        to: [wm.email],
        data: {
          werkmakelaarName: wm.display_name,
          pseudonym: `Kandidaat ${r.pseudonym as string}`,
          vacancyTitle: r.title as string,
          employerName: r.employer_name as string,
          place: r.place as string,
          link: `${base}/werkmakelaar/kandidaten/${r.candidate_id as string}`,
        },
      },
      { type: 'interest_signal', id: r.id as string },
    );
  }

  async mine(actor: Actor): Promise<InterestSignalView[]> {
    const candidateId = this.ownCandidateId(actor);
    const rows = await queryRows<SignalRow>(
      this.db,
      `${SELECT_SIGNALS} WHERE s.candidate_id = $1 ORDER BY s.withdrawn_at NULLS FIRST, s.created_at DESC, s.id`,
      [candidateId],
    );
    return rows.map(toView);
  }

  /** The candidate takes their signal back; the row stays (the werkmakelaar sees it was withdrawn). */
  async withdraw(actor: Actor, id: string): Promise<InterestSignalView> {
    const candidateId = this.ownCandidateId(actor);
    return this.db.transaction(async (em) => {
      const done = await queryRows<{ id: string }>(
        em,
        `UPDATE interest_signals SET withdrawn_at = coalesce(withdrawn_at, now()), updated_at = now(),
                version = version + 1
          WHERE id = $1 AND candidate_id = $2 RETURNING id`,
        [id, candidateId],
      );
      if (!done.length) throw Problems.notFound('Interest signal');
      await this.audit.record(em, actor, { action: 'interest.withdraw', candidateId });
      return toView((await this.one(em, 's.id = $1', [id])) as SignalRow);
    });
  }

  /** The werkmakelaar's list: signals of their organisation's candidates (open ones by default). */
  async forOrganisation(actor: Actor, query: InterestListQuery): Promise<InterestSignalPage> {
    const limit = query.limit ?? 20;
    const page = query.page ?? 1;
    const params: unknown[] = [actor.organisationId];
    const where = ['s.organisation_id = $1'];
    const status = query.status ?? 'open';
    if (status === 'open') where.push(`s.withdrawn_at IS NULL AND pr.id IS NULL`);
    else {
      params.push(status);
      where.push(`(CASE WHEN s.withdrawn_at IS NOT NULL THEN 'ingetrokken'
                        WHEN pr.id IS NOT NULL THEN 'voorgesteld'
                        WHEN s.seen_at IS NOT NULL THEN 'gezien' ELSE 'verstuurd' END) = $${params.length}`);
    }
    if (query.candidateId) {
      params.push(query.candidateId);
      where.push(`s.candidate_id = $${params.length}`);
    }
    params.push(limit, (page - 1) * limit);
    const rows = await queryRows<SignalRow>(
      this.db,
      `${SELECT_SIGNALS} WHERE ${where.join(' AND ')}
        ORDER BY s.seen_at NULLS FIRST, s.created_at DESC, s.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return {
      items: (await this.named(rows)).map(toRow),
      total: Number(rows[0]?.total ?? 0),
      page,
      limit,
    };
  }

  /** The werkmakelaar has looked at the signal: the candidate sees "gezien". */
  async markSeen(actor: Actor, id: string): Promise<InterestSignalRow> {
    return this.db.transaction(async (em) => {
      const done = await queryRows<{ id: string }>(
        em,
        `UPDATE interest_signals s SET seen_at = coalesce(s.seen_at, now()),
                seen_by_user_id = coalesce(s.seen_by_user_id, $3::uuid), updated_at = now(), version = s.version + 1
           FROM candidates c
          WHERE s.id = $1 AND s.organisation_id = $2 AND c.id = s.candidate_id AND c.erased_at IS NULL
          RETURNING s.id`,
        [id, actor.organisationId, actor.userId],
      );
      if (!done.length) throw Problems.notFound('Interest signal');
      return toRow((await this.one(em, 's.id = $1', [id])) as SignalRow);
    });
  }
}
