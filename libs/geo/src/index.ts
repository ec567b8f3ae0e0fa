export * from './geo';
export * from './postcode-areas.data';
export * from './postcode-lookup';
