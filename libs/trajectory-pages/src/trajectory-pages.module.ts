import { Module } from '@nestjs/common';
import { CandidatesModule } from '@werkbrug/candidates';
import { OrganisationsModule } from '@werkbrug/organisations';
import { ReportsModule } from '@werkbrug/reports';
import { TrajectoriesModule } from '@werkbrug/trajectories';
import { WebModule } from '@werkbrug/web';
import { ReportPagesController } from './report-pages.controller';
import { TrajectoryPagesController } from './trajectory-pages.controller';

/** Pages for trajectories (werkmakelaar) and the outcome reports (werkmakelaar and beheer), on the web foundation. */
@Module({
  imports: [WebModule, TrajectoriesModule, ReportsModule, CandidatesModule, OrganisationsModule],
  controllers: [TrajectoryPagesController, ReportPagesController],
})
export class TrajectoryPagesModule {}
