export * from './location-resolver';
export * from './location.dto';
export * from './validators';
export * from './vocabulary';
export * from './profile.dto';
export * from './dates';
export * from './labels';
export * from './dated-rules';
