import { Module } from '@nestjs/common';
import { MatchingController } from './api/matching.controller';
import { MatchingService } from './matching.service';
import { SearchSyncModule } from './search-sync.module';
import { SuggestionsService } from './suggestions.service';
import { VacancySearchService } from './vacancy-search.service';

@Module({
  imports: [SearchSyncModule],
  controllers: [MatchingController],
  providers: [MatchingService, VacancySearchService, SuggestionsService],
  exports: [MatchingService, VacancySearchService, SuggestionsService],
})
export class MatchingModule {}
