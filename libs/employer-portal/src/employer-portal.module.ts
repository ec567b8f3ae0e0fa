import { Module } from '@nestjs/common';
import { EmployersModule } from '@werkbrug/employers';
import { PlacementsModule } from '@werkbrug/placements';
import { ProposalsModule } from '@werkbrug/proposals';
import { VacanciesModule } from '@werkbrug/vacancies';
import { WebModule } from '@werkbrug/web';
import { WerksoortenModule } from '@werkbrug/werksoorten';
import { EmployerContext } from './employer-context';
import { EmployerMarksService } from './employer-marks.service';
import { EmployerStartController } from './employer-start.controller';
import { ProposalsPageController } from './proposals.controller';
import { WorkplacesController } from './workplaces.controller';

/** The employer's pages under /werkgever, on the web foundation and the same services as the API. */
@Module({
  imports: [
    WebModule,
    EmployersModule,
    WerksoortenModule,
    VacanciesModule,
    ProposalsModule,
    PlacementsModule,
  ],
  controllers: [EmployerStartController, WorkplacesController, ProposalsPageController],
  providers: [EmployerContext, EmployerMarksService],
})
export class EmployerPortalModule {}
