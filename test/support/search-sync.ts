import { SearchIndexer, SearchOutboxHandlers } from '@werkbrug/matching';
import { OutboxProcessor } from '@werkbrug/outbox';
import { DataSource } from 'typeorm';
import type { TestApp } from './test-app';

/** Plays the worker inside a test: applies index settings once, then drains the outbox on demand. */
export async function searchWorker(t: TestApp) {
  const indexer = t.app.get(SearchIndexer);
  await indexer.ensureSettings();
  const processor = new OutboxProcessor(
    t.app.get(DataSource),
    t.app.get(SearchOutboxHandlers).all(),
    {
      baseDelayMs: 50,
      maxDelayMs: 200,
    },
  );
  return { indexer, processor, drain: () => processor.drain() };
}
