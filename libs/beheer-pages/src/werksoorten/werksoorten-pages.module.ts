import { Module } from '@nestjs/common';
import { WebModule } from '@werkbrug/web';
import { WerksoortenModule } from '@werkbrug/werksoorten';
import { WerksoortenPagesController } from './werksoorten-pages.controller';

/** /beheer/werksoorten: list, add, change and merge werksoorten. */
@Module({ imports: [WebModule, WerksoortenModule], controllers: [WerksoortenPagesController] })
export class WerksoortenPagesModule {}
