import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { AuditService } from '@werkbrug/audit';
import { queryRows } from '@werkbrug/database';
import { assertVersion, expectedVersion, Page, paginate, Problems } from '@werkbrug/http';
import { OutboxService } from '@werkbrug/outbox';
import {
  CreateWerksoortDto,
  MergeWerksoortDto,
  toWerksoortView,
  UpdateWerksoortDto,
  WerksoortListQuery,
  WerksoortView,
} from './werksoort.dto';
import { Werksoort } from './werksoort.entity';
import { blankToNull, standardCodeProblems, type StandardCodes } from './standard-codes';

const SORTABLE = {
  code: { column: 'w.code', read: (w: Werksoort) => w.code },
  name: { column: 'w.name', read: (w: Werksoort) => w.name },
  createdAt: { column: 'w.createdAt', read: (w: Werksoort) => w.createdAt },
};

const cleanSynonyms = (synonyms: readonly string[]) => [
  ...new Set(synonyms.map((s) => s.trim().toLowerCase()).filter(Boolean)),
];

/** A werksoort as the records that hold it name it: vacancies by id, candidate wishes by code. */
export interface WerksoortRef {
  id: string;
  code: string;
}

/**
 * A module whose records hold a werksoort (vacancies, candidate wishes). It moves them itself, in the
 * merge's transaction, each changed record with its outbox row: each module owns its tables.
 */
export interface WerksoortHolder {
  moveWerksoort(em: EntityManager, from: WerksoortRef, into: WerksoortRef): Promise<number>;
}

/** The modules that must have registered before a merge may run: it moves every record or none. */
export const WERKSOORT_HOLDERS = ['vacancies', 'candidates'] as const;
export type WerksoortHolderName = (typeof WERKSOORT_HOLDERS)[number];

export interface WerksoortUsage {
  vacancies: number;
  candidates: number;
}

export interface WerksoortMergeResult {
  from: WerksoortView;
  into: WerksoortView;
  vacanciesMoved: number;
  candidatesMoved: number;
}

/** The codes after a change: undefined keeps the stored one, an empty string clears it. */
function mergedCodes(
  current: StandardCodes,
  dto: { iscoCode?: string; brcCode?: string; brcName?: string },
): StandardCodes {
  const pick = (next: string | undefined, now: string | null) =>
    next === undefined ? now : blankToNull(next);
  return {
    iscoCode: pick(dto.iscoCode, current.iscoCode),
    brcCode: pick(dto.brcCode, current.brcCode),
    brcName: pick(dto.brcName, current.brcName),
  };
}

const CODE_MESSAGES: Record<string, string> = {
  'iscoCode:format': 'iscoCode must be an ISCO-08 unit group of 4 digits',
  'brcCode:format': 'brcCode must be a BRC 2014 beroepsgroep such as 1121',
  'brcCode:name-without-code': 'brcName needs a brcCode',
  'brcName:missing': 'brcCode needs its brcName',
  'brcName:too-long': 'brcName is too long',
};

function assertCodes(codes: StandardCodes) {
  const problems = standardCodeProblems(codes);
  if (problems.length)
    throw Problems.validation(
      problems.map((p) => ({
        field: p.field,
        message: CODE_MESSAGES[`${p.field}:${p.reason}`] ?? 'invalid',
      })),
    );
}

@Injectable()
export class WerksoortenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  private readonly holders = new Map<WerksoortHolderName, WerksoortHolder>();

  /** Called by VacanciesModule and CandidatesModule at start (they depend on this module, not back). */
  registerHolder(name: WerksoortHolderName, holder: WerksoortHolder): void {
    this.holders.set(name, holder);
  }

  list(query: WerksoortListQuery): Promise<Page<WerksoortView>> {
    const qb = this.db.getRepository(Werksoort).createQueryBuilder('w');
    if (query.active) qb.andWhere('w.active = :active', { active: query.active === 'true' });
    if (query.isco) qb.andWhere('w.iscoCode = :isco', { isco: query.isco });
    return paginate(qb, query, SORTABLE, 'code', toWerksoortView);
  }

  /** Every werksoort by name, active or not (the administration list; there are tens, not thousands). */
  async all(): Promise<WerksoortView[]> {
    const rows = await this.db.getRepository(Werksoort).find();
    return rows.map(toWerksoortView).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  async get(id: string): Promise<WerksoortView> {
    const w = await this.db.getRepository(Werksoort).findOneBy({ id });
    if (!w) throw Problems.notFound('Werksoort');
    return toWerksoortView(w);
  }

  /**
   * The active werksoorten, remembered for a few seconds: every vacancy and candidate write checks
   * their codes and every form lists them, and they change rarely (a change in this process forgets
   * them at once).
   */
  private active: { at: number; rows: { id: string; code: string; name: string }[] } | null = null;

  private async activeRows(): Promise<{ id: string; code: string; name: string }[]> {
    if (this.active && Date.now() - this.active.at < 5_000) return this.active.rows;
    const rows = await queryRows<{ id: string; code: string; name: string }>(
      this.db,
      `SELECT id, code, name FROM werksoorten WHERE active`,
    );
    this.active = { at: Date.now(), rows };
    return rows;
  }

  private async activeByCode(): Promise<Map<string, string>> {
    return new Map((await this.activeRows()).map((r) => [r.code, r.id]));
  }

  /** The active werksoorten by their Dutch name: the choice list of every form. */
  async activeByName(): Promise<{ code: string; name: string }[]> {
    return (await this.activeRows())
      .map((r) => ({ code: r.code, name: r.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  /** The active werksoorten with their synonyms: how an import reads a werksoort people wrote. */
  async activeWithSynonyms(): Promise<{ code: string; name: string; synonyms: string[] }[]> {
    return queryRows<{ code: string; name: string; synonyms: string[] }>(
      this.db,
      `SELECT code, name, synonyms FROM werksoorten WHERE active ORDER BY name`,
    );
  }

  /** Active werksoort ids by code; unknown or inactive codes are reported as a validation problem. */
  async requireActiveCodes(codes: readonly string[], field: string): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    const active = unique.length ? await this.activeByCode() : new Map<string, string>();
    const missing = unique.filter((c) => !active.has(c));
    if (missing.length) {
      throw Problems.validation([{ field, message: `unknown werksoort: ${missing.join(', ')}` }]);
    }
    return new Map(unique.map((c) => [c, active.get(c) as string]));
  }

  async create(dto: CreateWerksoortDto): Promise<WerksoortView> {
    this.active = null;
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Werksoort);
      const codes = mergedCodes({ iscoCode: null, brcCode: null, brcName: null }, dto);
      assertCodes(codes);
      if (await repo.exists({ where: { code: dto.code } })) {
        throw Problems.duplicate(`Werksoort ${dto.code} already exists.`);
      }
      const saved = await repo.save(
        repo.create({
          code: dto.code,
          name: dto.name.trim(),
          description: dto.description?.trim() ?? '',
          synonyms: cleanSynonyms(dto.synonyms ?? []),
          active: true,
          ...codes,
          mergedIntoId: null,
        }),
      );
      await this.outbox.enqueue(em, {
        topic: 'search.settings',
        aggregateType: 'werksoort',
        aggregateId: saved.id,
      });
      return toWerksoortView(saved);
    });
  }

  async update(id: string, dto: UpdateWerksoortDto, ifMatch?: number): Promise<WerksoortView> {
    this.active = null;
    const expected = expectedVersion(ifMatch, dto.version);
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Werksoort);
      const w = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!w) throw Problems.notFound('Werksoort');
      assertVersion(w.version, expected);
      if (dto.name !== undefined) w.name = dto.name.trim();
      if (dto.description !== undefined) w.description = dto.description.trim();
      if (dto.synonyms !== undefined) w.synonyms = cleanSynonyms(dto.synonyms);
      if (dto.active !== undefined) {
        // A merged werksoort stays inactive: its records live on under the one it was merged into.
        if (dto.active && w.mergedIntoId)
          throw Problems.conflict(
            'WERKSOORT_MERGED',
            'Werksoort was merged',
            'A werksoort merged into another cannot be activated again.',
          );
        w.active = dto.active;
      }
      const codes = mergedCodes(w, dto);
      assertCodes(codes);
      Object.assign(w, codes);
      const saved = await repo.save(w);
      // Names and synonyms feed the search index: vacancies of this werksoort and the synonym settings follow.
      await this.outbox.enqueue(em, [
        { topic: 'search.settings', aggregateType: 'werksoort', aggregateId: id },
        { topic: 'search.werksoort', aggregateType: 'werksoort', aggregateId: id },
      ]);
      return toWerksoortView(saved);
    });
  }

  async remove(id: string): Promise<void> {
    this.active = null;
    await this.db.transaction(async (em) => {
      const [{ used }] = await queryRows<{ used: boolean }>(
        em,
        `SELECT (EXISTS (SELECT 1 FROM vacancies WHERE werksoort_id = $1)
              OR EXISTS (SELECT 1 FROM candidates c JOIN werksoorten w ON w.code = ANY(c.werksoort_wishes) WHERE w.id = $1)) AS used`,
        [id],
      );
      if (used) {
        throw Problems.conflict(
          'WERKSOORT_IN_USE',
          'Werksoort is in use',
          'Deactivate it instead (active: false).',
        );
      }
      const rows = await queryRows<{ id: string }>(
        em,
        `DELETE FROM werksoorten WHERE id = $1 RETURNING id`,
        [id],
      );
      if (!rows.length) throw Problems.notFound('Werksoort');
      await this.outbox.enqueue(em, {
        topic: 'search.settings',
        aggregateType: 'werksoort',
        aggregateId: id,
      });
    });
  }

  /** How many workplaces and candidates (by wish) each werksoort has, for the administration list. */
  async usage(ids?: string[]): Promise<Map<string, WerksoortUsage>> {
    const rows = await queryRows<{ id: string; vacancies: number; candidates: number }>(
      this.db,
      `SELECT w.id,
              (SELECT count(*) FROM vacancies v WHERE v.werksoort_id = w.id)::int AS vacancies,
              (SELECT count(*) FROM candidates c
                WHERE w.code = ANY(c.werksoort_wishes) AND c.erased_at IS NULL)::int AS candidates
         FROM werksoorten w WHERE $1::uuid[] IS NULL OR w.id = ANY($1::uuid[])`,
      [ids ?? null],
    );
    return new Map(rows.map((r) => [r.id, { vacancies: r.vacancies, candidates: r.candidates }]));
  }

  /**
   * Merges `from` into `dto.into`, in one transaction: every workplace and candidate wish moves (each
   * with its outbox row, written by its own module), the name, code and synonyms of `from` become
   * synonyms of `into` (old words still find the work), `from` is deactivated and points at `into`,
   * and the merge is audited. The search settings and the documents of `into` follow via the outbox.
   */
  async merge(actor: Actor, id: string, dto: MergeWerksoortDto): Promise<WerksoortMergeResult> {
    if (id === dto.into)
      throw Problems.validation([{ field: 'into', message: 'into must be another werksoort' }]);
    const vacancies = this.holders.get('vacancies');
    const candidates = this.holders.get('candidates');
    // A merge that cannot move every record must not run at all (a wiring fault, not bad input).
    if (!vacancies || !candidates) {
      const missing = WERKSOORT_HOLDERS.filter((h) => !this.holders.has(h));
      throw new Error(`werksoort holders not registered: ${missing.join(', ')}`);
    }
    this.active = null;
    const result = await this.db.transaction(async (em) => {
      const repo = em.getRepository(Werksoort);
      // Both rows locked in a fixed order, so two merges crossing each other cannot deadlock.
      const locked = await queryRows<{ id: string }>(
        em,
        `SELECT id FROM werksoorten WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [[id, dto.into]],
      );
      const from = locked.some((r) => r.id === id) ? await repo.findOneBy({ id }) : null;
      if (!from) throw Problems.notFound('Werksoort');
      const into = locked.some((r) => r.id === dto.into)
        ? await repo.findOneBy({ id: dto.into })
        : null;
      if (!into) throw Problems.validation([{ field: 'into', message: 'unknown werksoort' }]);
      if (from.mergedIntoId || into.mergedIntoId)
        throw Problems.conflict(
          'WERKSOORT_MERGED',
          'Werksoort was merged',
          'One of the two werksoorten was already merged into another.',
        );
      if (!into.active)
        throw Problems.validation([{ field: 'into', message: 'into must be an active werksoort' }]);
      const refs = (w: Werksoort): WerksoortRef => ({ id: w.id, code: w.code });
      const vacanciesMoved = await vacancies.moveWerksoort(em, refs(from), refs(into));
      const candidatesMoved = await candidates.moveWerksoort(em, refs(from), refs(into));
      const ownTerms = new Set([into.code, into.name.toLowerCase()]);
      into.synonyms = cleanSynonyms([
        ...into.synonyms,
        from.name,
        from.code,
        ...from.synonyms,
      ]).filter((term) => !ownTerms.has(term));
      from.active = false;
      from.mergedIntoId = into.id;
      const [savedFrom, savedInto] = [await repo.save(from), await repo.save(into)];
      await this.outbox.enqueue(em, [
        { topic: 'search.settings', aggregateType: 'werksoort', aggregateId: into.id },
        // The documents of `into` carry its terms, which now include the old name.
        { topic: 'search.werksoort', aggregateType: 'werksoort', aggregateId: into.id },
      ]);
      await this.audit.record(em, actor, {
        action: 'werksoort.merge',
        details: {
          from: from.code,
          into: into.code,
          vacanciesMoved,
          candidatesMoved,
        },
      });
      return {
        from: toWerksoortView(savedFrom),
        into: toWerksoortView(savedInto),
        vacanciesMoved,
        candidatesMoved,
      };
    });
    this.active = null;
    return result;
  }
}
