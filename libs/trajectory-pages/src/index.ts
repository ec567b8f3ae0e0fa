export * from './bar-chart';
export * from './trajectory-pages.module';
