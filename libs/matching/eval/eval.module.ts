import { Module } from '@nestjs/common';
import { ConfigModule } from '@werkbrug/config';
import { DatabaseModule } from '@werkbrug/database';
import { SearchModule } from '@werkbrug/search';
import { MatchingService } from '../src/matching.service';
import { SearchSyncModule } from '../src/search-sync.module';

/**
 * A Nest context for the matching evaluation (`werkbrug eval`): database, Meilisearch, the indexer
 * and the matching service, without HTTP. Point DATABASE_URL and MEILI_INDEX_PREFIX at a scratch
 * database and index prefix before creating it.
 */
@Module({
  imports: [ConfigModule, DatabaseModule, SearchModule, SearchSyncModule],
  providers: [MatchingService],
  exports: [MatchingService],
})
export class EvalModule {}
