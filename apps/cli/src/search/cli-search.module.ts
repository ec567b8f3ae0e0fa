import { Module } from '@nestjs/common';
import { ConfigModule } from '@werkbrug/config';
import { DatabaseModule } from '@werkbrug/database';
import { SearchSyncModule } from '@werkbrug/matching';
import { OutboxModule } from '@werkbrug/outbox';
import { SearchModule } from '@werkbrug/search';

/** The parts the search commands need, without HTTP. */
@Module({ imports: [ConfigModule, DatabaseModule, OutboxModule, SearchModule, SearchSyncModule] })
export class CliSearchModule {}
