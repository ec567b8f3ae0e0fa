export * from './werksoort.entity';
export * from './werksoorten.module';
export * from './werksoorten.seed';
export * from './werksoorten.service';
