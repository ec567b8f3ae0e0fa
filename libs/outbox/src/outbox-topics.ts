/**
 * Every outbox topic, in one place. A producer can only enqueue one of these (compile time), and the
 * worker refuses to start unless each has exactly one handler (start-up, not a dead row at run time).
 * A new topic: add it here, enqueue it, and give the worker a handler for it.
 */
export const OUTBOX_TOPICS = [
  'search.vacancy',
  'search.candidate',
  'search.employer',
  'search.werksoort',
  'search.settings',
  'search.reindex',
  'mail.send',
] as const;

export type OutboxTopic = (typeof OUTBOX_TOPICS)[number];

/**
 * A lane is a topic's prefix (`search`, `mail`): lanes drain side by side, each by its own loop, so a
 * backlog in one never holds up another. Measured with one lane: the first digests of a 100k seed queued
 * mail for 80 s, and a workplace saved meanwhile waited those 80 s to become searchable. The outbox's
 * trigger and index use the same rule in SQL (`split_part(topic, '.', 1)`, migration 1796060000000).
 */
export type OutboxLane = OutboxTopic extends `${infer Lane}.${string}` ? Lane : never;

export const laneOf = (topic: OutboxTopic): OutboxLane => topic.split('.')[0] as OutboxLane;

export const isOutboxTopic = (value: unknown): value is OutboxTopic =>
  typeof value === 'string' && (OUTBOX_TOPICS as readonly string[]).includes(value);

/**
 * The problems with a set of handler topics: unknown, duplicate, or a known topic nobody handles.
 * Empty when every topic has exactly one handler.
 */
export function outboxTopicProblems(handlerTopics: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const topic of handlerTopics) {
    if (!isOutboxTopic(topic))
      problems.push(`handler for unknown outbox topic "${topic}" (add it to OUTBOX_TOPICS)`);
    else if (seen.has(topic)) problems.push(`two handlers for outbox topic "${topic}"`);
    seen.add(topic);
  }
  for (const topic of OUTBOX_TOPICS)
    if (!seen.has(topic)) problems.push(`no handler for outbox topic "${topic}"`);
  return problems;
}

/** Throws, listing every problem, unless each topic has exactly one handler (the worker's start-up check). */
export function assertOutboxTopicsHandled(handlerTopics: readonly string[]): void {
  const problems = outboxTopicProblems(handlerTopics);
  if (problems.length)
    throw new Error(`Outbox handlers do not match the topics:\n  - ${problems.join('\n  - ')}`);
}
