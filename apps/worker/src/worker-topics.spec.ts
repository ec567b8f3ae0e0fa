import { MAIL_TOPIC } from '@werkbrug/mail';
import { SearchOutboxHandlers } from '@werkbrug/matching';
import { outboxTopicProblems } from '@werkbrug/outbox';

/** The worker's real handler set covers every outbox topic exactly once (else it would not start). */
describe('worker outbox handlers', () => {
  it('handle every topic exactly once', () => {
    // The handlers touch their dependencies only when they handle a message.
    const search = new SearchOutboxHandlers(null as never, null as never, null as never).all();
    // MailOutboxHandler's topic is MAIL_TOPIC.
    const topics = [...search.map((h) => h.topic), MAIL_TOPIC];
    expect(outboxTopicProblems(topics)).toEqual([]);
  });
});
