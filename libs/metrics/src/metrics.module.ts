import { Global, Module } from '@nestjs/common';
import { ApiMetrics } from './api-metrics';

/** Prometheus figures of the API (see api-metrics.ts); global so the app factory can reach them. */
@Global()
@Module({ providers: [ApiMetrics], exports: [ApiMetrics] })
export class MetricsModule {}
