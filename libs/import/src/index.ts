export * from './import.types';
export * from './import.module';
export * from './import.service';
export * from './export.service';
export * from './import-runner';
export * from './import-access';
export { templateColumns } from './columns';
export { MAX_FILE_BYTES, MAX_ROWS } from './read-file';
