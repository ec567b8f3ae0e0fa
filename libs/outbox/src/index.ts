export * from './outbox-handler';
export * from './outbox-message.entity';
export * from './outbox-processor';
export * from './outbox-topics';
export * from './outbox.module';
export * from './outbox.service';
