import { Module } from '@nestjs/common';
import { ImportModule } from '@werkbrug/import';
import { OrganisationsModule } from '@werkbrug/organisations';
import { WebModule } from '@werkbrug/web';
import { BeheerImportPagesController } from './import-pages.controller';

/** The administrators' import and export pages under /beheer/import. */
@Module({
  imports: [WebModule, ImportModule, OrganisationsModule],
  controllers: [BeheerImportPagesController],
})
export class BeheerImportPagesModule {}
