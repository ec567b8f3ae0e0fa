import { Module } from '@nestjs/common';
import { PlacementsModule } from '@werkbrug/placements';
import { ProposalsModule } from '@werkbrug/proposals';
import { VacanciesModule } from '@werkbrug/vacancies';
import { WebModule } from '@werkbrug/web';
import { EmployerStartController } from './employer-start.controller';

/** The employer's pages under /werkgever, on the web foundation and the same services as the API. */
@Module({
  imports: [WebModule, VacanciesModule, ProposalsModule, PlacementsModule],
  controllers: [EmployerStartController],
})
export class EmployerPortalModule {}
