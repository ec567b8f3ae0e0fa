export * from './api-metrics';
export * from './metrics-server';
export * from './metrics.module';
export * from './worker-metrics';
