import { listAll, type Page } from '@werkbrug/http';

/** listAll with the item type taken from the service's own page type (no type argument to trust). */
export const listEvery = <T>(
  fetch: (query: { limit: number; cursor?: string }) => Promise<Page<T>>,
): Promise<T[]> => listAll<T>(fetch);
