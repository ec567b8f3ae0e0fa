import { Module } from '@nestjs/common';
import { SearchIndexer } from './sync/search-indexer';
import { SearchOutboxHandlers } from './sync/search-outbox.handlers';

/** What the worker and the CLI need to keep Meilisearch in step with PostgreSQL. */
@Module({
  providers: [SearchIndexer, SearchOutboxHandlers],
  exports: [SearchIndexer, SearchOutboxHandlers],
})
export class SearchSyncModule {}
