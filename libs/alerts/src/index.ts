export * from './alerts.dto';
export * from './alerts.module';
export * from './alerts.scheduler';
export * from './alerts.service';
export * from './digest';
export * from './link-token';
export * from './alerts-erasure.module';
