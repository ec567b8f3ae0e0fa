import { Module } from '@nestjs/common';
import { WebModule } from '@werkbrug/web';
import { BeheerStartController } from './beheer-start.controller';
import { WerksoortenPagesModule } from './werksoorten/werksoorten-pages.module';

/** The administrators' pages under /beheer, on the web foundation. */
@Module({
  imports: [WebModule, WerksoortenPagesModule],
  controllers: [BeheerStartController],
})
export class BeheerPagesModule {}
