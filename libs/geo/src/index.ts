export * from './geo';
export * from './postcode-areas.data';
export * from './postcode-lookup';
export * from './geocoder';
export * from './geo.module';
export * from './pdok-geocoder';
