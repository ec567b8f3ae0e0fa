export * from './import.types';
export * from './import.module';
export * from './import.service';
export * from './export.service';
