export * from './periodic-job';
export * from './due-mails';
