export * from './csv';
export * from './ferm-werk';
export * from './report.dto';
export * from './reports.module';
export * from './reports.service';
export * from './suppression';
