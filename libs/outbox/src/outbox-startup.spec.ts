import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { OUTBOX_HANDLERS, type OutboxHandler } from './outbox-handler';
import { OutboxProcessor } from './outbox-processor';
import { OUTBOX_TOPICS, type OutboxTopic } from './outbox-topics';

const handler = (topic: OutboxTopic): OutboxHandler => ({ topic, handle: async () => new Map() });

/** The processor as the worker builds it: through Nest's injector, with the handlers it is given. */
async function bootWorkerWith(handlers: OutboxHandler[]) {
  @Module({
    providers: [
      { provide: getDataSourceToken(), useValue: {} },
      { provide: OUTBOX_HANDLERS, useValue: handlers },
      OutboxProcessor,
    ],
  })
  class FakeWorkerModule {}
  const app = await NestFactory.createApplicationContext(FakeWorkerModule, { logger: false });
  await app.close();
}

describe('worker start-up', () => {
  it('starts when every topic has exactly one handler', async () => {
    await expect(bootWorkerWith(OUTBOX_TOPICS.map(handler))).resolves.toBeUndefined();
  });

  it('refuses to start when a topic has no handler', async () => {
    const missingMail = OUTBOX_TOPICS.filter((t) => t !== 'mail.send').map(handler);
    await expect(bootWorkerWith(missingMail)).rejects.toThrow(
      'Outbox handlers do not match the topics:\n  - no handler for outbox topic "mail.send"',
    );
  });

  it('refuses to start with two handlers for one topic', async () => {
    const twice = [...OUTBOX_TOPICS.map(handler), handler('search.vacancy')];
    await expect(bootWorkerWith(twice)).rejects.toThrow(
      'two handlers for outbox topic "search.vacancy"',
    );
  });
});
