import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { AuditService, purposeFrom, purposeRequired } from '@werkbrug/audit';
import { resolveLocation } from '@werkbrug/domain';
import {
  assertVersion,
  escapeLike,
  expectedVersion,
  Page,
  paginate,
  Problems,
} from '@werkbrug/http';
import { OutboxService } from '@werkbrug/outbox';
import { insertWrite, queryRows, writeTogether } from '@werkbrug/database';
import { WerksoortenService } from '@werkbrug/werksoorten';
import {
  CANDIDATE_SELF_EDITABLE,
  CandidateListQuery,
  CreateCandidateDto,
  PERSONAL_SELF_EDITABLE,
  UpdateCandidateDto,
} from './candidate.dto';
import { candidateVisibilityParams, candidateVisibleSql } from './candidate-membership';
import { Candidate } from './candidate.entity';
import { CandidateProtected } from './candidate-protected.entity';
import { applyWorkProfile } from './work-profile.mapper';
import {
  toCandidateFileView,
  toCaseloadRow,
  toWorkProfileView,
  type WorkProfileView,
} from './candidate.view';
import {
  caseloadNameSql,
  PROTECTED_READ_PURPOSES,
  protectedFactsSql,
  toProtectedFacts,
  type ProtectedFacts,
  type ProtectedFactsRow,
  type ProtectedReadPurpose,
} from './protected-facts';

const SORTABLE = {
  createdAt: { column: 'c.createdAt', read: (c: Candidate) => c.createdAt },
  updatedAt: { column: 'c.updatedAt', read: (c: Candidate) => c.updatedAt },
  pseudonym: { column: 'c.pseudonym', read: (c: Candidate) => c.pseudonym },
};

/** Who may read the protected part: the candidate and werkmakelaars of the owning organisation. */
const mayReadFile = (actor: Actor) => actor.role === 'werkmakelaar' || actor.role === 'kandidaat';

@Injectable()
export class CandidatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly werksoorten: WerksoortenService,
    private readonly audit: AuditService,
  ) {}

  /** The one scoping rule for candidates; other organisations' records are simply not there (404). */
  scoped(actor: Actor, manager: EntityManager = this.db.manager) {
    return manager
      .getRepository(Candidate)
      .createQueryBuilder('c')
      .andWhere(
        candidateVisibleSql('c', {
          role: ':visRole',
          candidateId: ':visCandidate',
          organisationId: ':visOrganisation',
        }),
        candidateVisibilityParams(actor),
      );
  }

  async list(actor: Actor, query: CandidateListQuery): Promise<Page<WorkProfileView>> {
    const qb = this.scoped(actor);
    if (actor.role === 'werkmakelaar') qb.leftJoinAndSelect('c.protectedData', 'p');
    if (query.werkmakelaarId) qb.andWhere('c.werkmakelaarId = :wm', { wm: query.werkmakelaarId });
    if (query.ladderRung) qb.andWhere('c.ladderRung = :rung', { rung: query.ladderRung });
    if (query.route) qb.andWhere('c.route = :route', { route: query.route });
    if (query.werksoort) qb.andWhere(':ws = ANY(c.werksoortWishes)', { ws: query.werksoort });
    if (query.place)
      qb.andWhere(`c.place ILIKE :place ESCAPE '\\'`, { place: escapeLike(query.place) });
    return paginate(
      qb,
      query,
      SORTABLE,
      '-createdAt',
      actor.role === 'werkmakelaar' ? toCaseloadRow : toWorkProfileView,
    );
  }

  /** Reads one candidate; a full file read is audited with its purpose. */
  async get(actor: Actor, id: string, purpose?: string, options: { audit?: boolean } = {}) {
    const qb = this.scoped(actor).andWhere('c.id = :id', { id });
    if (mayReadFile(actor)) qb.leftJoinAndSelect('c.protectedData', 'p');
    const c = await qb.getOne();
    if (!c) throw Problems.notFound('Candidate');
    if (!mayReadFile(actor)) return toWorkProfileView(c);
    if (options.audit !== false) {
      // A werkmakelaar says why a full file is read, so no audit line lacks a purpose. (The
      // candidate reading their own file needs no reason.) Checked after scoping: 404 stays 404.
      const why = purposeFrom(purpose) ?? (actor.role === 'kandidaat' ? 'eigen inzage' : null);
      if (!why) throw purposeRequired();
      await this.audit.record(this.db.manager, actor, {
        action: 'candidate.read',
        candidateId: c.id,
        purpose: why,
      });
    }
    return toCandidateFileView(c, c.protectedData);
  }

  /**
   * The protected facts other modules may read, for a stated purpose (PROTECTED_READ_PURPOSES): the
   * purpose decides the columns and whether each candidate's read is audited, in the caller's
   * transaction when `em` is given. Candidates without protected data (erased) are absent.
   */
  async protectedFactsFor<P extends ProtectedReadPurpose>(
    candidateIds: readonly string[],
    purpose: P,
    options: { em?: EntityManager; actor?: Actor | null } = {},
  ): Promise<Map<string, ProtectedFacts<P>>> {
    const facts = new Map<string, ProtectedFacts<P>>();
    if (!candidateIds.length) return facts;
    const em = options.em ?? this.db.manager;
    const rows = await queryRows<ProtectedFactsRow>(em, protectedFactsSql(purpose), [
      [...new Set(candidateIds)],
    ]);
    const why = PROTECTED_READ_PURPOSES[purpose].audit;
    for (const row of rows) {
      facts.set(row.candidate_id, toProtectedFacts(row));
      if (why)
        await this.audit.record(em, options.actor ?? null, {
          action: 'candidate.protected.read',
          candidateId: row.candidate_id,
          purpose: why,
        });
    }
    return facts;
  }

  /**
   * The names a werkmakelaar's lists show for these candidates (caseloadNameSql): first and last
   * name for their own caseload, absent for the rest (the list shows the pseudonym) and for anyone
   * who is not a werkmakelaar. Weergave: not audited, like the caseload that shows the same names.
   */
  async caseloadNames(actor: Actor, candidateIds: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    if (actor.role !== 'werkmakelaar' || !candidateIds.length) return names;
    const name = caseloadNameSql('c', '$2::uuid');
    const rows = await queryRows<{ id: string; name: string | null }>(
      this.db,
      `SELECT c.id, ${name.name} AS name FROM candidates c ${name.join}
        WHERE c.id = ANY($1::uuid[]) AND c.organisation_id = $3 AND c.erased_at IS NULL`,
      [[...new Set(candidateIds)], actor.userId, actor.organisationId],
    );
    for (const r of rows) if (r.name) names.set(r.id, r.name);
    return names;
  }

  private async checkWishes(codes: string[] | undefined) {
    if (codes?.length) await this.werksoorten.requireActiveCodes(codes, 'werksoortWishes');
  }

  private async checkWerkmakelaar(
    em: EntityManager,
    organisationId: string,
    werkmakelaarId: string,
  ) {
    const [row] = await queryRows<unknown>(
      em,
      `SELECT 1 FROM users WHERE id = $1 AND role = 'werkmakelaar' AND organisation_id = $2 AND active`,
      [werkmakelaarId, organisationId],
    );
    if (!row) {
      throw Problems.validation([
        { field: 'werkmakelaarId', message: 'not an active werkmakelaar of this organisation' },
      ]);
    }
  }

  async create(actor: Actor, dto: CreateCandidateDto) {
    if (dto.hoursMin > dto.hoursMax) {
      throw Problems.validation([
        { field: 'hoursMin', message: 'hoursMin must not exceed hoursMax' },
      ]);
    }
    await this.checkWishes(dto.werksoortWishes);
    const werkmakelaarId = dto.werkmakelaarId ?? actor.userId;
    // The caller is an authenticated, active werkmakelaar of this organisation: only others need a check.
    if (werkmakelaarId !== actor.userId) {
      await this.checkWerkmakelaar(this.db.manager, actor.organisationId, werkmakelaarId);
    }
    const { candidate, personal } = await this.insertFile(
      this.db.manager,
      actor,
      actor.organisationId,
      werkmakelaarId,
      dto,
      { action: 'candidate.create' },
    );
    return toCandidateFileView(candidate, personal);
  }

  /**
   * A new file and its protected part, the audit line and the search update as one statement: one
   * round trip instead of six (a create was mostly waiting on PostgreSQL), atomic like the
   * transaction it replaces, and inside the caller's transaction when `em` is one. The audit and
   * outbox libs write their own rows (recordWrite, enqueueWrite). No mail goes out.
   */
  private async insertFile(
    em: EntityManager,
    actor: Actor,
    organisationId: string,
    werkmakelaarId: string | null,
    dto: CreateCandidateDto,
    audit: { action: string; purpose?: string; details?: Record<string, unknown> },
  ) {
    const home = await resolveLocation(em, dto.homeArea, 'homeArea');
    const candidate = em.getRepository(Candidate).create({
      id: randomUUID(),
      organisationId,
      werkmakelaarId,
      interests: '',
      certificates: [],
      languageLevel: 'geen',
      needsJobcoach: false,
      needsBuddy: false,
      needsWheelchairAccess: false,
      arrangements: null,
      maxTravelKm: null,
      maxTravelMinutes: null,
      trajectoryEndedOn: null,
    });
    applyWorkProfile(candidate, dto, home);
    const p = dto.personal;
    const personal = em.getRepository(CandidateProtected).create({
      candidateId: candidate.id,
      firstName: p.firstName.trim(),
      lastName: p.lastName.trim(),
      email: p.email?.toLowerCase() ?? null,
      phone: p.phone ?? null,
      address: p.address ?? null,
      dateOfBirth: p.dateOfBirth ?? null,
      benefitType: p.benefitType ?? null,
      banenafspraak: p.banenafspraak ?? false,
      loonwaardePct: p.loonwaardePct ?? null,
      notes: p.notes ?? '',
    });
    const generated = ['id', 'createdAt', 'updatedAt', 'version'] as const;
    const [[c], [pr]] = await writeTogether(em, [
      insertWrite(em, Candidate, candidate, [...generated, 'pseudonym']),
      insertWrite(em, CandidateProtected, personal, [...generated]),
      this.audit.recordWrite(actor, { ...audit, candidateId: candidate.id }),
      this.outbox.enqueueWrite({
        topic: 'search.candidate',
        aggregateType: 'candidate',
        aggregateId: candidate.id,
      }),
    ]);
    const stamps = (row: Record<string, unknown>) => ({
      id: row.id as string,
      createdAt: new Date(row.created_at as string),
      updatedAt: new Date(row.updated_at as string),
      version: Number(row.version),
    });
    Object.assign(candidate, stamps(c), { pseudonym: c.pseudonym as string });
    Object.assign(personal, stamps(pr));
    return { candidate, personal };
  }

  /**
   * Import and export (libs/import): an organisation's live files with their protected part, for the
   * import to compare with and the export to write. The caller audits what it passes on.
   */
  async filesForTransfer(
    organisationId: string,
    em: EntityManager = this.db.manager,
  ): Promise<{ candidate: Candidate; personal: CandidateProtected | null }[]> {
    const rows = await em
      .getRepository(Candidate)
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.protectedData', 'p')
      .where('c.organisationId = :organisationId AND c.erasedAt IS NULL', { organisationId })
      .orderBy('c.createdAt')
      .addOrderBy('c.id')
      .getMany();
    return rows.map((candidate) => ({ candidate, personal: candidate.protectedData ?? null }));
  }

  /**
   * Import: a new file in the caller's transaction (a batch), for an organisation named by the
   * import (an administrator imports into any). Validated like create; audited with the import's
   * purpose; no mail goes to the candidate.
   */
  async createForImport(
    em: EntityManager,
    actor: Actor,
    organisationId: string,
    werkmakelaarId: string | null,
    dto: CreateCandidateDto,
    audit: { purpose?: string; importJobId: string },
  ): Promise<{ id: string; version: number }> {
    if (dto.hoursMin > dto.hoursMax)
      throw Problems.validation([
        { field: 'hoursMin', message: 'hoursMin must not exceed hoursMax' },
      ]);
    await this.checkWishes(dto.werksoortWishes);
    if (werkmakelaarId) await this.checkWerkmakelaar(em, organisationId, werkmakelaarId);
    const { candidate } = await this.insertFile(em, actor, organisationId, werkmakelaarId, dto, {
      action: 'candidate.create',
      purpose: audit.purpose,
      details: { importJobId: audit.importJobId },
    });
    return { id: candidate.id, version: candidate.version };
  }

  /**
   * Import: changes a file of the organisation in the caller's transaction, with the version the
   * import read (a file changed meanwhile is refused as stale), audited like update.
   */
  async updateForImport(
    em: EntityManager,
    actor: Actor,
    organisationId: string,
    id: string,
    dto: UpdateCandidateDto,
    expected: number,
    audit: { purpose?: string; importJobId: string },
  ): Promise<void> {
    await this.checkWishes(dto.werksoortWishes);
    await this.applyUpdate(em, actor, id, dto, expected, {
      organisationId,
      purpose: audit.purpose,
      details: { importJobId: audit.importJobId },
    });
  }

  private assertSelfEditable(actor: Actor, dto: UpdateCandidateDto) {
    if (actor.role !== 'kandidaat') return;
    const fields = Object.keys(dto).filter(
      (k) => (dto as Record<string, unknown>)[k] !== undefined,
    );
    const personal = Object.keys(dto.personal ?? {}).filter(
      (k) => (dto.personal as Record<string, unknown>)[k] !== undefined,
    );
    const refused = [
      ...fields.filter((f) => !CANDIDATE_SELF_EDITABLE.has(f)),
      ...personal.filter((f) => !PERSONAL_SELF_EDITABLE.has(f)).map((f) => `personal.${f}`),
    ];
    if (refused.length) {
      throw Problems.forbidden(
        `Your werkmakelaar keeps these fields up to date: ${refused.join(', ')}.`,
      );
    }
  }

  async update(actor: Actor, id: string, dto: UpdateCandidateDto, ifMatch?: number) {
    const expected = expectedVersion(ifMatch, dto.version);
    this.assertSelfEditable(actor, dto);
    if (actor.role === 'admin')
      throw Problems.forbidden('Administrators do not edit candidate files.');
    await this.checkWishes(dto.werksoortWishes);
    await this.db.transaction((em) => this.applyUpdate(em, actor, id, dto, expected));
    return this.get(actor, id, undefined, { audit: false });
  }

  /** The change itself, in the caller's transaction: scoping, version check, audit, search update. */
  private async applyUpdate(
    em: EntityManager,
    actor: Actor,
    id: string,
    dto: UpdateCandidateDto,
    expected: number,
    scope: { organisationId?: string; purpose?: string; details?: Record<string, unknown> } = {},
  ): Promise<void> {
    const qb = this.scoped(actor, em).andWhere('c.id = :id', { id });
    if (scope.organisationId)
      qb.andWhere('c.organisationId = :scopeOrg', { scopeOrg: scope.organisationId });
    const c = await qb.setLock('pessimistic_write').getOne();
    if (!c) throw Problems.notFound('Candidate');
    assertVersion(c.version, expected);
    if (dto.werkmakelaarId) {
      await this.checkWerkmakelaar(em, c.organisationId, dto.werkmakelaarId);
      c.werkmakelaarId = dto.werkmakelaarId;
    }
    const home = dto.homeArea ? await resolveLocation(em, dto.homeArea, 'homeArea') : null;
    applyWorkProfile(c, dto, home);
    if (c.hoursMin > c.hoursMax) {
      throw Problems.validation([
        { field: 'hoursMin', message: 'hoursMin must not exceed hoursMax' },
      ]);
    }
    c.updatedAt = new Date();
    await em.getRepository(Candidate).save(c);
    if (dto.personal) {
      const p = dto.personal;
      const changes = Object.fromEntries(
        Object.entries({
          firstName: p.firstName?.trim(),
          lastName: p.lastName?.trim(),
          email: p.email?.toLowerCase(),
          phone: p.phone,
          address: p.address,
          dateOfBirth: p.dateOfBirth,
          benefitType: p.benefitType,
          banenafspraak: p.banenafspraak,
          loonwaardePct: p.loonwaardePct,
          notes: p.notes,
        }).filter(([, v]) => v !== undefined),
      );
      if (Object.keys(changes).length) {
        await em.getRepository(CandidateProtected).update({ candidateId: id }, changes);
      }
    }
    const changed = [
      ...Object.keys(dto).filter((k) => k !== 'personal' && k !== 'version'),
      ...Object.keys(dto.personal ?? {}).map((k) => `personal.${k}`),
    ];
    await this.audit.record(em, actor, {
      action: 'candidate.update',
      candidateId: id,
      purpose: scope.purpose,
      details: { fields: changed, ...scope.details },
    });
    await this.outbox.enqueue(em, {
      topic: 'search.candidate',
      aggregateType: 'candidate',
      aggregateId: id,
    });
  }

  /**
   * The newest participatieladder measurement is the rung matching works with: the profile and its
   * search document follow, in the caller's transaction. An older measurement (entered late) changes
   * nothing. Returns whether the profile changed.
   */
  async recordLadderRung(
    em: EntityManager,
    candidateId: string,
    rung: number,
    measuredOn: string,
  ): Promise<boolean> {
    const changed: { id: string }[] = await queryRows(
      em,
      `UPDATE candidates SET ladder_rung = $2, ladder_measured_on = $3, updated_at = now(), version = version + 1
        WHERE id = $1 AND ladder_measured_on <= $3 RETURNING id`,
      [candidateId, rung, measuredOn],
    );
    if (!changed.length) return false;
    await this.outbox.enqueue(em, {
      topic: 'search.candidate',
      aggregateType: 'candidate',
      aggregateId: candidateId,
    });
    return true;
  }

  /**
   * The retention clock (AVG storage limit) runs from the end of the candidate's last trajectory:
   * `null` stops it (a trajectory runs), a date starts it no earlier than a date already set.
   */
  async setRetentionClock(
    em: EntityManager,
    candidateId: string,
    trajectoryEndedOn: string | null,
  ): Promise<void> {
    if (trajectoryEndedOn === null)
      await queryRows(
        em,
        `UPDATE candidates SET trajectory_ended_on = NULL, updated_at = now(), version = version + 1
          WHERE id = $1 AND trajectory_ended_on IS NOT NULL`,
        [candidateId],
      );
    else
      await queryRows(
        em,
        `UPDATE candidates SET trajectory_ended_on = greatest(coalesce(trajectory_ended_on, $2::date), $2::date),
                updated_at = now(), version = version + 1 WHERE id = $1`,
        [candidateId, trajectoryEndedOn],
      );
  }
}
