import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OutboxHandler, OutboxMessage } from '@werkbrug/outbox';
import { MeiliClient } from '@werkbrug/search';
import { SearchIndexer } from './search-indexer';
import { queryRows } from '@werkbrug/database';

const none = () => new Map<string, string>();
const ids = (messages: OutboxMessage[]) =>
  messages.map((m) => m.aggregateId).filter((id): id is string => !!id);

/** The outbox topics that keep Meilisearch equal to PostgreSQL. Each handler is idempotent. */
@Injectable()
export class SearchOutboxHandlers {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly indexer: SearchIndexer,
    private readonly meili: MeiliClient,
  ) {}

  all(): OutboxHandler[] {
    // Meilisearch back after an outage: the waiting rows go at once (see OutboxHandler.probe).
    const probe = () => this.meili.isAvailable();
    return this.handlers().map((handler) => ({ ...handler, probe }));
  }

  private handlers(): OutboxHandler[] {
    return [
      {
        topic: 'search.vacancy',
        handle: async (m) => (await this.indexer.syncVacancies(ids(m)), none()),
      },
      {
        topic: 'search.candidate',
        handle: async (m) => (await this.indexer.syncCandidates(ids(m)), none()),
      },
      {
        topic: 'search.employer',
        handle: async (m) => {
          const rows = await queryRows<{ id: string }>(
            this.db,
            `SELECT id FROM vacancies WHERE employer_id = ANY($1)`,
            [ids(m)],
          );
          await this.indexer.syncVacancies(rows.map((r) => r.id));
          return none();
        },
      },
      {
        // A werksoort rename or new synonyms change the documents of its vacancies and of candidates wishing it.
        topic: 'search.werksoort',
        handle: async (m) => {
          const vacancies = await queryRows<{ id: string }>(
            this.db,
            `SELECT id FROM vacancies WHERE werksoort_id = ANY($1)`,
            [ids(m)],
          );
          const candidates = await queryRows<{ id: string }>(
            this.db,
            `SELECT c.id FROM candidates c JOIN werksoorten w ON w.code = ANY(c.werksoort_wishes)
              WHERE w.id = ANY($1) AND c.erased_at IS NULL`,
            [ids(m)],
          );
          await this.indexer.syncVacancies(vacancies.map((r) => r.id));
          await this.indexer.syncCandidates(candidates.map((r) => r.id));
          return none();
        },
      },
      {
        topic: 'search.settings',
        handle: async () => (await this.indexer.ensureSettings(), none()),
      },
      { topic: 'search.reindex', handle: async () => (await this.indexer.reindex(), none()) },
    ];
  }
}
