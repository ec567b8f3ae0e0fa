export * from './beheer-pages.module';
// The import and export pages, shared with the werkmakelaar's console.
export * from './import';
