export * from './meili.client';
export * from './search.module';
export * from './node-http-client';
