import { Module } from '@nestjs/common';
import { TokenService } from '@werkbrug/auth';
import { ErasureService } from './erasure/erasure.service';
import { RetentionScheduler } from './retention/retention.scheduler';
import { RetentionService } from './retention/retention.service';

/**
 * Erasure and retention without HTTP, for the API, the worker and the CLI. Needs the global
 * config, database, audit and outbox modules. TokenService is stateless, so a local instance
 * spares the worker the whole auth module (controllers, guard).
 */
@Module({
  providers: [ErasureService, RetentionService, RetentionScheduler, TokenService],
  exports: [ErasureService, RetentionService, RetentionScheduler],
})
export class PrivacyCoreModule {}
