import { Module } from '@nestjs/common';
import { AuthModule } from '@werkbrug/auth';
import { OrganisationsModule } from '@werkbrug/organisations';
import { PrivacyModule } from '@werkbrug/privacy';
import { WebModule } from '@werkbrug/web';
import { AuditPageController } from './audit/audit-page.controller';
import { BeheerStartController } from './beheer-start.controller';
import { BeheerImportPagesModule } from './import/import-pages.module';
import { OrganisationsPageController } from './organisations/organisations.controller';
import { OutboxPageController } from './outbox/outbox-page.controller';
import { WerksoortenPagesModule } from './werksoorten/werksoorten-pages.module';

/** The administrators' pages under /beheer, on the web foundation. */
@Module({
  imports: [
    WebModule,
    AuthModule,
    OrganisationsModule,
    PrivacyModule,
    WerksoortenPagesModule,
    BeheerImportPagesModule,
  ],
  controllers: [
    BeheerStartController,
    OrganisationsPageController,
    OutboxPageController,
    AuditPageController,
  ],
})
export class BeheerPagesModule {}
