import { Module } from '@nestjs/common';
import { AlertsModule } from '@werkbrug/alerts';
import { CandidatesModule } from '@werkbrug/candidates';
import { CaseloadModule } from '@werkbrug/caseload';
import { EmployersModule } from '@werkbrug/employers';
import { InstrumentsModule } from '@werkbrug/instruments';
import { InterestsModule } from '@werkbrug/interests';
import { MatchingModule } from '@werkbrug/matching';
import { PlacementsModule } from '@werkbrug/placements';
import { PrivacyModule } from '@werkbrug/privacy';
import { ProposalsModule } from '@werkbrug/proposals';
import { TrajectoriesModule } from '@werkbrug/trajectories';
import { VacanciesModule } from '@werkbrug/vacancies';
import { WebModule } from '@werkbrug/web';
import { WerksoortenModule } from '@werkbrug/werksoorten';
import { BrokerPagesController } from './broker-pages.controller';
import { CandidatePagesController } from './candidate-pages.controller';
import { InstrumentsPageController } from './instruments-page.controller';
import { SuggestionsService } from './suggestions.service';
import { WorkplaceForEmployerController } from './workplace-for-employer.controller';

/** The candidate's pages under /kandidaat and the werkmakelaar's console under /werkmakelaar. */
@Module({
  imports: [
    WebModule,
    AlertsModule,
    CandidatesModule,
    CaseloadModule,
    EmployersModule,
    InstrumentsModule,
    InterestsModule,
    MatchingModule,
    PlacementsModule,
    PrivacyModule,
    ProposalsModule,
    TrajectoriesModule,
    VacanciesModule,
    WerksoortenModule,
  ],
  controllers: [
    CandidatePagesController,
    BrokerPagesController,
    InstrumentsPageController,
    WorkplaceForEmployerController,
  ],
  providers: [SuggestionsService],
})
export class PortalsModule {}
