import { Module } from '@nestjs/common';
import { WebModule } from '@werkbrug/web';
import { BeheerStartController } from './beheer-start.controller';

/** The administrators' pages under /beheer, on the web foundation. */
@Module({ imports: [WebModule], controllers: [BeheerStartController] })
export class BeheerPagesModule {}
