export * from './periodic-job';
export * from './due-mails';
export * from './circuit-breaker';
