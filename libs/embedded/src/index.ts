export * from './embedded-meilisearch';
export * from './embedded-postgres';
export * from './esm-import';
export * from './process-files';
export * from './secrets';
export * from './stack';
export * from './free-port';
export * from './watchdog-messages';
