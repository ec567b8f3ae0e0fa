import { Global, Module } from '@nestjs/common';
import { MeiliClient } from './meili.client';

@Global()
@Module({
  providers: [MeiliClient],
  exports: [MeiliClient],
})
export class SearchModule {}
