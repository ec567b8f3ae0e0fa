export * from './werkmakelaar-pages.module';
