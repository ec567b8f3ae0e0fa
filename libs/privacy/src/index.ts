export * from './audit-trail/audit-trail.service';
export * from './erasure/erasure.service';
export * from './export/export.service';
export * from './export/related-records';
export * from './privacy-core.module';
export * from './privacy.module';
export * from './retention/retention.scheduler';
export * from './retention/retention.service';
