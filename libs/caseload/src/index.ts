export * from './attention-rules';
export * from './caseload.dto';
export * from './caseload.module';
export * from './caseload.service';
export * from './profile-completeness';
