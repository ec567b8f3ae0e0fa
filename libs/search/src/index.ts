export * from './meili.client';
export * from './search.module';
