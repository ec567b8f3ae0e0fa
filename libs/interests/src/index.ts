export * from './interest.dto';
export * from './interests.module';
export * from './interests.service';
export * from './interests-erasure.module';
