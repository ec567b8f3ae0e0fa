import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MeiliClient } from '@werkbrug/search';
import {
  candidateDocumentPages,
  loadCandidateDocuments,
  loadVacancyDocuments,
  vacancyDocumentPages,
} from '../index-model/documents';
import {
  CANDIDATES,
  candidateSettings,
  synonymsFrom,
  VACANCIES,
  vacancySettings,
  WerksoortTerms,
} from '../index-model/index-settings';
import { applySettings } from './settings-applier';
import { indexExists, succeeded } from './meili-tasks';
import { queryRows } from '@werkbrug/database';

const SYNC_TIMEOUT_MS = 120_000;
const SYNC_POLL_MS = 10;

export type IndexName = typeof VACANCIES | typeof CANDIDATES;

export interface ReindexProgress {
  (index: IndexName, done: number, total: number): void;
}

/** Keeps the Meilisearch read model equal to PostgreSQL: settings, per-record sync and full rebuilds. */
@Injectable()
export class SearchIndexer {
  private readonly logger = new Logger(SearchIndexer.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meili: MeiliClient,
  ) {}

  uid(name: IndexName) {
    return this.meili.indexUid(name);
  }

  private async werksoortTerms(): Promise<WerksoortTerms[]> {
    return queryRows<WerksoortTerms>(
      this.db,
      `SELECT code, name, synonyms FROM werksoorten WHERE active ORDER BY code`,
    );
  }

  async settingsFor(name: IndexName) {
    const synonyms = synonymsFrom(await this.werksoortTerms());
    return name === VACANCIES ? vacancySettings(synonyms) : candidateSettings(synonyms);
  }

  /** Applied at start-up before any document, and again when werksoorten change. */
  async ensureSettings(): Promise<Record<IndexName, string[]>> {
    const result = {} as Record<IndexName, string[]>;
    for (const name of [VACANCIES, CANDIDATES] as const) {
      result[name] = await applySettings(
        this.meili.client,
        this.uid(name),
        await this.settingsFor(name),
      );
    }
    return result;
  }

  async syncVacancies(ids: string[]): Promise<void> {
    const { docs, missing } = await loadVacancyDocuments(this.db, [...new Set(ids)]);
    await this.write(VACANCIES, docs, missing);
  }

  async syncCandidates(ids: string[]): Promise<void> {
    const { docs, missing } = await loadCandidateDocuments(this.db, [...new Set(ids)]);
    await this.write(CANDIDATES, docs, missing);
  }

  /**
   * Record sync waits for its task with a short poll (10 ms): the wait is part of write → searchable
   * as users see it, and a one-document task takes tens of milliseconds.
   */
  private async write(name: IndexName, docs: object[], missing: string[]) {
    const index = this.meili.client.index(this.uid(name));
    if (docs.length)
      await succeeded(
        index.addDocuments(docs as Record<string, unknown>[], { primaryKey: 'id' }),
        SYNC_TIMEOUT_MS,
        SYNC_POLL_MS,
      );
    if (missing.length)
      await succeeded(index.deleteDocuments(missing), SYNC_TIMEOUT_MS, SYNC_POLL_MS);
  }

  /**
   * Rebuilds both indexes from PostgreSQL into fresh indexes and swaps them in atomically.
   * Records changed while the rebuild ran are synced again after the swap, so none is lost.
   */
  async reindex(
    progress: ReindexProgress = () => undefined,
    pageSize = 5000,
  ): Promise<Record<IndexName, number>> {
    const [{ started }] = await queryRows<{ started: Date }>(this.db, `SELECT now() AS started`);
    const counts = {} as Record<IndexName, number>;
    for (const name of [VACANCIES, CANDIDATES] as const) {
      counts[name] = await this.rebuild(name, progress, pageSize);
    }
    const changedVacancies = await queryRows<{ id: string }>(
      this.db,
      `SELECT id FROM vacancies WHERE updated_at >= $1`,
      [started],
    );
    const changedCandidates = await queryRows<{ id: string }>(
      this.db,
      `SELECT id FROM candidates WHERE updated_at >= $1`,
      [started],
    );
    if (changedVacancies.length) await this.syncVacancies(changedVacancies.map((r) => r.id));
    if (changedCandidates.length) await this.syncCandidates(changedCandidates.map((r) => r.id));
    return counts;
  }

  private async rebuild(
    name: IndexName,
    progress: ReindexProgress,
    pageSize: number,
  ): Promise<number> {
    const live = this.uid(name);
    const fresh = `${live}_rebuild_${Date.now()}`;
    const client = this.meili.client;
    await applySettings(client, fresh, await this.settingsFor(name));
    const table = name === VACANCIES ? 'vacancies' : 'candidates';
    const [{ total }] = await queryRows<{ total: number }>(
      this.db,
      `SELECT count(*)::int AS total FROM ${table}${name === CANDIDATES ? ' WHERE erased_at IS NULL' : ''}`,
    );
    const pages =
      name === VACANCIES
        ? vacancyDocumentPages(this.db, pageSize)
        : candidateDocumentPages(this.db, pageSize);
    let done = 0;
    const pending: Promise<unknown>[] = [];
    progress(name, 0, total);
    for await (const docs of pages) {
      // Keep a couple of batches in flight: Meilisearch indexes while we read the next page.
      pending.push(
        succeeded(
          client.index<(typeof docs)[number]>(fresh).addDocuments(docs, { primaryKey: 'id' }),
          600_000,
        ),
      );
      if (pending.length >= 3) await pending.shift();
      done += docs.length;
      progress(name, done, total);
    }
    await Promise.all(pending);
    if (!(await indexExists(client, live)))
      await succeeded(client.createIndex(live, { primaryKey: 'id' }));
    await succeeded(client.swapIndexes([{ indexes: [live, fresh], rename: false }]));
    await succeeded(client.deleteIndex(fresh));
    this.logger.log(`rebuilt ${live}: ${done} documents`);
    return done;
  }

  /**
   * Compares ids and update stamps between PostgreSQL and Meilisearch; with `repair`, syncs what differs.
   */
  async reconcile(repair: boolean): Promise<Record<IndexName, ReconcileReport>> {
    const report = {} as Record<IndexName, ReconcileReport>;
    for (const name of [VACANCIES, CANDIDATES] as const) {
      const table = name === VACANCIES ? 'vacancies' : 'candidates';
      const rows = await queryRows<{ id: string; stamp: string }>(
        this.db,
        `SELECT id, floor(extract(epoch FROM updated_at) * 1000)::bigint::text AS stamp FROM ${table}` +
          (name === CANDIDATES ? ' WHERE erased_at IS NULL' : ''),
      );
      const inDb = new Map(rows.map((r) => [r.id, Number(r.stamp)]));
      const inIndex = new Map<string, number>();
      const index = this.meili.client.index(this.uid(name));
      for (let offset = 0; ; offset += 10_000) {
        const page = await index.getDocuments<{ id: string; updatedAt: number }>({
          fields: ['id', 'updatedAt'],
          limit: 10_000,
          offset,
        });
        for (const doc of page.results) inIndex.set(doc.id, doc.updatedAt);
        if (page.results.length < 10_000) break;
      }
      const missing = [...inDb.keys()].filter((id) => !inIndex.has(id));
      const extra = [...inIndex.keys()].filter((id) => !inDb.has(id));
      const stale = [...inDb.entries()]
        .filter(([id, stamp]) => inIndex.has(id) && inIndex.get(id) !== stamp)
        .map(([id]) => id);
      report[name] = { database: inDb.size, index: inIndex.size, missing, extra, stale };
      if (repair && missing.length + extra.length + stale.length) {
        const sync =
          name === VACANCIES ? this.syncVacancies.bind(this) : this.syncCandidates.bind(this);
        for (let i = 0; i < missing.length + stale.length; i += 5000) {
          await sync([...missing, ...stale].slice(i, i + 5000));
        }
        if (extra.length) await succeeded(index.deleteDocuments(extra));
      }
    }
    return report;
  }
}

export interface ReconcileReport {
  database: number;
  index: number;
  missing: string[];
  extra: string[];
  stale: string[];
}
