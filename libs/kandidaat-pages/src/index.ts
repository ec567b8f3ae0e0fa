export * from './kandidaat-pages.module';
export * from './plain-words';
export { arrangementName } from './common.view';
