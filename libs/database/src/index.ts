export * from './base.entity';
export * from './data-source-options';
export * from './database.module';
export * from './pg-errors';
export * from './snake-naming.strategy';
export * from './query-rows';
export * from './write-together';
export * from './dated-rule-version.entity';
