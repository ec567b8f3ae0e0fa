export * from './kandidaat-pages.module';
export * from './plain-words';
