import type { Page } from './pagination';

/**
 * Walks a service's keyset pages (100 at a time, at most `max` items) into one list. The item type
 * is the service's own page type, so a caller never names (or guesses) it.
 */
export async function listAll<T>(
  fetch: (query: { limit: number; cursor?: string }) => Promise<Page<T>>,
  max = 1000,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return items;
}
