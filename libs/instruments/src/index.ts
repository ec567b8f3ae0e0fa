export * from './candidate-instruments.service';
export * from './engine/calculate';
export * from './engine/decimal';
// Date arithmetic the deadline tests share with the engine.
export * from './engine/types';
export * from './instrument-labels';
export * from './instrument.entity';
export * from './instrument-deadlines.service';
export * from './instruments.module';
export * from './instruments.seed';
export * from './instruments.seeder';
export * from './instruments.service';
export { financieelCvOf, type FinancieelCvView } from './instrument.views';
export { CalculateDto, CreateRuleVersionDto } from './instrument.dto';
export * from './rule-horizons.service';
