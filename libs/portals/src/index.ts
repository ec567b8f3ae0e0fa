export * from './plain-words';
export * from './portals.module';
export * from './suggestions.service';
