import { Module } from '@nestjs/common';
import { ConfigModule } from '@werkbrug/config';
import { DatabaseModule } from '@werkbrug/database';
import { MatchingModule, SearchSyncModule } from '@werkbrug/matching';
import { OutboxModule } from '@werkbrug/outbox';
import { SearchModule } from '@werkbrug/search';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    OutboxModule,
    SearchModule,
    SearchSyncModule,
    MatchingModule,
  ],
})
export class BenchMatchingModule {}
