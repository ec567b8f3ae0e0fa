import { Module } from '@nestjs/common';
import { InstrumentsModule } from '@werkbrug/instruments';
import { OrganisationsModule } from '@werkbrug/organisations';
import { PlacementsModule } from '@werkbrug/placements';
import { TrajectoriesModule } from '@werkbrug/trajectories';
import { WebModule } from '@werkbrug/web';
import { BeheerStartController } from './beheer-start.controller';
import { RulesPagesController } from './rules/rules-pages.controller';

/** The administrators' pages under /beheer, on the web foundation. */
@Module({
  imports: [
    WebModule,
    InstrumentsModule,
    PlacementsModule,
    TrajectoriesModule,
    OrganisationsModule,
  ],
  controllers: [BeheerStartController, RulesPagesController],
})
export class BeheerPagesModule {}
