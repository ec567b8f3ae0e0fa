import { assertOutboxTopicsHandled, OUTBOX_TOPICS, outboxTopicProblems } from './outbox-topics';

describe('outbox topics', () => {
  const all = [...OUTBOX_TOPICS];
  it.each<[string, string[], string[]]>([
    ['every topic once', all, []],
    [
      'a topic nobody handles',
      all.filter((t) => t !== 'mail.send'),
      ['no handler for outbox topic "mail.send"'],
    ],
    [
      'a misspelt topic',
      [...all, 'search.vacancys'],
      ['handler for unknown outbox topic "search.vacancys" (add it to OUTBOX_TOPICS)'],
    ],
    [
      'a topic twice',
      [...all, 'search.vacancy'],
      ['two handlers for outbox topic "search.vacancy"'],
    ],
  ])('%s', (_name, topics, problems) => {
    expect(outboxTopicProblems(topics)).toEqual(problems);
  });

  it('the start-up check throws with the list', () => {
    expect(() => assertOutboxTopicsHandled(['mail.send'])).toThrow(
      /Outbox handlers do not match the topics:\n {2}- no handler for outbox topic "search.vacancy"/,
    );
  });
});
