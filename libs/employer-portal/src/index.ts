export * from './employer-portal.module';
