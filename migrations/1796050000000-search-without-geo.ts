import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search documents no longer carry `_geo` (Meilisearch rewrote its geo R-tree on every
 * batch; distance now works on the plain lat/lng numbers). The settings applier drops `_geo` from the
 * filterable and sortable attributes at start; this rebuilds the documents once, through the outbox,
 * so no document keeps the old field.
 */
export class SearchWithoutGeo1796050000000 implements MigrationInterface {
  name = 'SearchWithoutGeo1796050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO outbox_messages (topic, payload)
       SELECT 'search.reindex', '{"reason":"search documents without _geo"}'
        WHERE EXISTS (SELECT 1 FROM vacancies) OR EXISTS (SELECT 1 FROM candidates)`,
    );
  }

  async down(): Promise<void> {
    // Rolling back to code that sorts by `_geo` needs a reindex (`npm run cli -- reindex`) afterwards.
  }
}
