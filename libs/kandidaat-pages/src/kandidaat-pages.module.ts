import { Module } from '@nestjs/common';
import { AlertsModule } from '@werkbrug/alerts';
import { CandidatesModule } from '@werkbrug/candidates';
import { InstrumentsModule } from '@werkbrug/instruments';
import { InterestsModule } from '@werkbrug/interests';
import { MatchingModule } from '@werkbrug/matching';
import { PlacementsModule } from '@werkbrug/placements';
import { PrivacyModule } from '@werkbrug/privacy';
import { ProposalsModule } from '@werkbrug/proposals';
import { VacanciesModule } from '@werkbrug/vacancies';
import { WebModule } from '@werkbrug/web';
import { WerksoortenModule } from '@werkbrug/werksoorten';
import { ConsentController } from './consent.controller';
import { CandidateMeetingPagesController } from './meeting-pages.controller';
import { MessagesController } from './messages.controller';
import { MyDataController } from './my-data.controller';
import { SuggestionsController } from './suggestions.controller';
import { WishesController } from './wishes.controller';

/** The candidate's own pages under /kandidaat, on the web foundation and the same services as the API. */
@Module({
  imports: [
    WebModule,
    AlertsModule,
    CandidatesModule,
    InstrumentsModule,
    InterestsModule,
    MatchingModule,
    PlacementsModule,
    PrivacyModule,
    ProposalsModule,
    VacanciesModule,
    WerksoortenModule,
  ],
  controllers: [
    SuggestionsController,
    ConsentController,
    CandidateMeetingPagesController,
    WishesController,
    MessagesController,
    MyDataController,
  ],
})
export class KandidaatPagesModule {}
