import { Module } from '@nestjs/common';
import { EmployersModule } from '@werkbrug/employers';
import { InstrumentsModule } from '@werkbrug/instruments';
import { PlacementsModule } from '@werkbrug/placements';
import { ProposalsModule } from '@werkbrug/proposals';
import { VacanciesModule } from '@werkbrug/vacancies';
import { AuthModule } from '@werkbrug/auth';
import { MailModule } from '@werkbrug/mail';
import { WebModule } from '@werkbrug/web';
import { WerksoortenModule } from '@werkbrug/werksoorten';
import { AccountPageController } from './account.controller';
import { ColleaguesService } from './colleagues.service';
import { EmployerContext } from './employer-context';
import { EmployerMarksService } from './employer-marks.service';
import { EmployerStartController } from './employer-start.controller';
import { InstrumentsPageController } from './instruments-page.controller';
import { EmployerMeetingPagesController } from './meeting-pages.controller';
import { PlacementsPageController } from './placements-page.controller';
import { ProposalsPageController } from './proposals.controller';
import { WorkplaceFormController } from './workplace-form.controller';
import { WorkplacePagesService } from './workplace-pages.service';
import { WorkplacesController } from './workplaces.controller';

/** The employer's pages under /werkgever, on the web foundation and the same services as the API. */
@Module({
  imports: [
    WebModule,
    AuthModule,
    MailModule,
    EmployersModule,
    WerksoortenModule,
    VacanciesModule,
    ProposalsModule,
    PlacementsModule,
    InstrumentsModule,
  ],
  controllers: [
    EmployerStartController,
    // Before WorkplacesController: its `:id` routes would otherwise take /werkplekken/nieuw.
    WorkplaceFormController,
    WorkplacesController,
    ProposalsPageController,
    EmployerMeetingPagesController,
    InstrumentsPageController,
    PlacementsPageController,
    AccountPageController,
  ],
  providers: [EmployerContext, EmployerMarksService, ColleaguesService, WorkplacePagesService],
})
export class WerkgeverPagesModule {}
