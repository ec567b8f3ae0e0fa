import { OUTBOX_TOPICS } from '@werkbrug/outbox';
import { OUTBOX_TOPIC_WORDS, outboxErrorWords, topicWords } from './outbox-words';

describe('the outbox in words', () => {
  it('has Dutch words for every topic', () => {
    for (const topic of OUTBOX_TOPICS) expect(OUTBOX_TOPIC_WORDS[topic]).toMatch(/^[A-Z]/);
    expect(topicWords('mail.send')).toBe('E-mail versturen');
    expect(topicWords('iets.anders')).toBe('Onbekende taak');
  });

  it.each<[string, string | null, RegExp]>([
    ['mail.send', 'connect ECONNREFUSED 127.0.0.1:2525', /niet bereiken.*mailserver/],
    ['search.vacancy', 'connect ECONNREFUSED 127.0.0.1:7700', /zoekmachine niet bereiken/],
    ['search.vacancy', 'Meilisearch task failed: index_not_found', /zoekindex bestaat niet/],
    ['mail.send', 'Invalid login: 535 Authentication failed', /aanmelding/],
    [
      'mail.send',
      "Can't send mail - all recipients were rejected: 550 5.1.1 User unknown",
      /ontvanger/,
    ],
    ['mail.send', 'template consent_request: missing field link', /opmaken/],
    ['search.candidate', 'Meilisearch answered 503', /zoekmachine gaf een foutmelding/],
    ['mail.send', 'Something odd', /niet herkent/],
    ['mail.send', null, /geen foutmelding/],
  ])('%s %j → %s', (topic, error, words) => {
    const text = outboxErrorWords(topic, error);
    expect(text).toMatch(words);
    // Never the technical text itself.
    if (error) expect(text).not.toContain(error);
  });
});
