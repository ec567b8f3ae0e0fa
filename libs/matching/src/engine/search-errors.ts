import { ProblemException } from '@werkbrug/http';
import { MeiliUnavailableError } from '@werkbrug/search';

/** When a client should try again if nothing better is known (an index missing, an error answer). */
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** Search is a derived read model: when Meilisearch is unreachable, say so and when to retry. */
export function searchUnavailable(
  retryAfterSeconds = DEFAULT_RETRY_AFTER_SECONDS,
): ProblemException {
  return new ProblemException(
    503,
    'SEARCH_UNAVAILABLE',
    'Search is temporarily unavailable',
    'Matching and search are down for a moment; changes are kept and will be searchable again. Try again shortly.',
    { retryAfterSeconds },
  );
}

/**
 * The seconds until the breaker lets a probe through, when the failure was Meilisearch out of reach
 * (the client wraps our MeiliUnavailableError as the `cause` of its own error); else the default.
 */
export function retryAfterSecondsOf(error: unknown): number {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof MeiliUnavailableError) return Math.max(1, Math.ceil(e.retryAfterMs / 1000));
  }
  return DEFAULT_RETRY_AFTER_SECONDS;
}

export async function withSearch<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ProblemException) throw error;
    // The client wraps every failure to reach Meilisearch (refused, timed out, index missing) in its own
    // error types; anything else is a bug of ours and must stay a 500.
    if (((error as Error)?.name ?? '').startsWith('MeiliSearch')) {
      throw searchUnavailable(retryAfterSecondsOf(error));
    }
    throw error;
  }
}
