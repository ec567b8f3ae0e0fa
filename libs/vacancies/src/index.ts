export * from './vacancy-data';
export * from './vacancy.entity';
export * from './vacancy.view';
export * from './vacancies.module';
export * from './vacancies.service';
export * from './vacancy.dto';
export * from './vacancy-row';
