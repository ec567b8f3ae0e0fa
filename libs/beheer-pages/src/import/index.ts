export * from './import-page-model';
export * from './import-page-flow';
export * from './import-pages.module';
export * from './import-pages.controller';
