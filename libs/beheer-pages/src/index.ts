export * from './beheer-pages.module';
