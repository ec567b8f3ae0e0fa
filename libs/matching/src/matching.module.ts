import { Module } from '@nestjs/common';
import { MatchingController } from './api/matching.controller';
import { MatchingService } from './matching.service';
import { SearchSyncModule } from './search-sync.module';
import { VacancySearchService } from './vacancy-search.service';

@Module({
  imports: [SearchSyncModule],
  controllers: [MatchingController],
  providers: [MatchingService, VacancySearchService],
  exports: [MatchingService, VacancySearchService],
})
export class MatchingModule {}
