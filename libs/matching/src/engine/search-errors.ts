import { ProblemException } from '@werkbrug/http';

/** Search is a derived read model: when Meilisearch is unreachable, say so and when to retry. */
export function searchUnavailable(): ProblemException {
  return new ProblemException(
    503,
    'SEARCH_UNAVAILABLE',
    'Search is temporarily unavailable',
    'Matching and search are down for a moment; changes are kept and will be searchable again. Try again shortly.',
    { retryAfterSeconds: 5 },
  );
}

export async function withSearch<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ProblemException) throw error;
    // The client wraps every failure to reach Meilisearch (refused, timed out, index missing) in its own
    // error types; anything else is a bug of ours and must stay a 500.
    if (((error as Error)?.name ?? '').startsWith('MeiliSearch')) {
      throw searchUnavailable();
    }
    throw error;
  }
}
