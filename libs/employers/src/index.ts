export * from './employer.entity';
export * from './employer-location.entity';
export * from './employers.module';
export * from './employers.service';
export * from './employer-access';
export * from './case-record-access';
export { CreateEmployerDto, UpdateEmployerDto, type EmployerView } from './employer.dto';
