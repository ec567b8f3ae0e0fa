import { Module } from '@nestjs/common';
import { WebModule } from '@werkbrug/web';
import { BeheerStartController } from './beheer-start.controller';
import { BeheerImportPagesModule } from './import/import-pages.module';

/** The administrators' pages under /beheer, on the web foundation. */
@Module({ imports: [WebModule, BeheerImportPagesModule], controllers: [BeheerStartController] })
export class BeheerPagesModule {}
