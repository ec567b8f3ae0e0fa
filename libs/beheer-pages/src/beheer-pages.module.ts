import { Module } from '@nestjs/common';
import { AuthModule } from '@werkbrug/auth';
import { InstrumentsModule } from '@werkbrug/instruments';
import { OrganisationsModule } from '@werkbrug/organisations';
import { PlacementsModule } from '@werkbrug/placements';
import { PrivacyModule } from '@werkbrug/privacy';
import { TrajectoriesModule } from '@werkbrug/trajectories';
import { WebModule } from '@werkbrug/web';
import { AuditPageController } from './audit/audit-page.controller';
import { BeheerStartController } from './beheer-start.controller';
import { BeheerImportPagesModule } from './import/import-pages.module';
import { OrganisationsPageController } from './organisations/organisations.controller';
import { SignInSettingsPageController } from './organisations/sign-in-settings.controller';
import { OutboxPageController } from './outbox/outbox-page.controller';
import { RulesPagesController } from './rules/rules-pages.controller';
import { WerksoortenPagesModule } from './werksoorten/werksoorten-pages.module';

/** The administrators' pages under /beheer, on the web foundation. */
@Module({
  imports: [
    WebModule,
    AuthModule,
    OrganisationsModule,
    PrivacyModule,
    InstrumentsModule,
    PlacementsModule,
    TrajectoriesModule,
    WerksoortenPagesModule,
    BeheerImportPagesModule,
  ],
  controllers: [
    BeheerStartController,
    OrganisationsPageController,
    SignInSettingsPageController,
    OutboxPageController,
    AuditPageController,
    RulesPagesController,
  ],
})
export class BeheerPagesModule {}
