import { Module } from '@nestjs/common';
import { PrivacyCoreModule } from '@werkbrug/privacy';
import { InterestsErasure } from './interests-erasure';

/** Only the erasure step: for the worker and the retention CLI, which erase without serving pages. */
@Module({ imports: [PrivacyCoreModule], providers: [InterestsErasure] })
export class InterestsErasureModule {}
