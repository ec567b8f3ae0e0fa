export * from './werkgever-pages.module';
export * from './workplace.form';
