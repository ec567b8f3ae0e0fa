import { Module } from '@nestjs/common';
import { AlertsModule } from '@werkbrug/alerts';
import { CandidatesModule } from '@werkbrug/candidates';
import { CaseloadModule } from '@werkbrug/caseload';
import { EmployersModule } from '@werkbrug/employers';
import { ImportModule } from '@werkbrug/import';
import { InstrumentsModule } from '@werkbrug/instruments';
import { InterestsModule } from '@werkbrug/interests';
import { MatchingModule } from '@werkbrug/matching';
import { OrganisationsModule } from '@werkbrug/organisations';
import { PlacementsModule } from '@werkbrug/placements';
import { PrivacyModule } from '@werkbrug/privacy';
import { ProposalsModule } from '@werkbrug/proposals';
import { ReportsModule } from '@werkbrug/reports';
import { TrajectoriesModule } from '@werkbrug/trajectories';
import { VacanciesModule } from '@werkbrug/vacancies';
import { WebModule } from '@werkbrug/web';
import { WerksoortenModule } from '@werkbrug/werksoorten';
import { CandidateFileController } from './candidate-file.controller';
import { CaseloadController } from './caseload.controller';
import { ImportPagesController } from './import-pages.controller';
import { InstrumentsPageController } from './instruments-page.controller';
import { BrokerMeetingPagesController } from './meeting-pages.controller';
import { PlacementPagesController } from './placements.controller';
import { ProposalPagesController } from './proposals.controller';
import { ReportPagesController } from './report-pages.controller';
import { TrajectoriesController } from './trajectories.controller';
import { TrajectoryController } from './trajectory.controller';
import { WorkplaceForEmployerController } from './workplace-for-employer.controller';
import { WorkplacePageController } from './workplace-page.controller';
import { WorkplaceSearchController } from './workplaces.controller';

/**
 * The werkmakelaar's console under /werkmakelaar: caseload, candidate files, matches, proposals,
 * placements, trajectories, and the outcome reports (also for administrators).
 */
@Module({
  imports: [
    WebModule,
    AlertsModule,
    CandidatesModule,
    CaseloadModule,
    EmployersModule,
    ImportModule,
    InstrumentsModule,
    InterestsModule,
    MatchingModule,
    OrganisationsModule,
    PlacementsModule,
    PrivacyModule,
    ProposalsModule,
    ReportsModule,
    TrajectoriesModule,
    VacanciesModule,
    WerksoortenModule,
  ],
  controllers: [
    CaseloadController,
    CandidateFileController,
    ProposalPagesController,
    BrokerMeetingPagesController,
    PlacementPagesController,
    WorkplaceSearchController,
    InstrumentsPageController,
    WorkplaceForEmployerController,
    // After the 'nieuw' pages: ':id' (a UUID) must never take 'nieuw'.
    WorkplacePageController,
    // The list and 'nieuw' before ':trajectoryId' (a UUID), so 'nieuw' is never read as an id.
    TrajectoriesController,
    TrajectoryController,
    ReportPagesController,
    ImportPagesController,
  ],
})
export class WerkmakelaarPagesModule {}
