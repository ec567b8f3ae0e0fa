import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryRows } from '@werkbrug/database';
import { assertVersion, expectedVersion, Page, paginate, Problems } from '@werkbrug/http';
import { OutboxService } from '@werkbrug/outbox';
import {
  CreateWerksoortDto,
  toWerksoortView,
  UpdateWerksoortDto,
  WerksoortListQuery,
  WerksoortView,
} from './werksoort.dto';
import { Werksoort } from './werksoort.entity';

const SORTABLE = {
  code: { column: 'w.code', read: (w: Werksoort) => w.code },
  name: { column: 'w.name', read: (w: Werksoort) => w.name },
  createdAt: { column: 'w.createdAt', read: (w: Werksoort) => w.createdAt },
};

const cleanSynonyms = (synonyms: readonly string[]) => [
  ...new Set(synonyms.map((s) => s.trim().toLowerCase()).filter(Boolean)),
];

@Injectable()
export class WerksoortenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  list(query: WerksoortListQuery): Promise<Page<WerksoortView>> {
    const qb = this.db.getRepository(Werksoort).createQueryBuilder('w');
    if (query.active) qb.andWhere('w.active = :active', { active: query.active === 'true' });
    return paginate(qb, query, SORTABLE, 'code', toWerksoortView);
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
      if (dto.active !== undefined) w.active = dto.active;
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
}
