import { ProblemError } from '../api/problem';
import type { BatchOutcome } from './offlineQueue';

/** Worth sending again later: no answer, a server fault, an expired login, a timeout, too many requests. */
export const retryLater = (e: unknown): boolean =>
  !(e instanceof ProblemError) || e.isNetworkError || e.status >= 500 || e.status === 401 || e.status === 408 || e.status === 429;

/**
 * A queue's sendBatch for an endpoint that takes one entry per request with an Idempotency-Key:
 * posts the entries one by one, so an answer lost on the way and sent again is the first one
 * again, never a second. A refusal (400, 404, 422 …) is REJECTED with the server's reasons;
 * anything to retry later stops the batch and the rest waits.
 */
export function sendEachOnce<T>(idOf: (item: T) => string, post: (item: T) => Promise<'CREATED' | 'DUPLICATE'>) {
  return async (items: T[]): Promise<BatchOutcome[]> => {
    const outcomes: BatchOutcome[] = [];
    for (const [index, item] of items.entries()) {
      try {
        outcomes.push({ index, id: idOf(item), status: await post(item), errors: [] });
      } catch (e) {
        if (retryLater(e)) {
          if (outcomes.length === 0) throw e;
          break;
        }
        const p = e as ProblemError;
        outcomes.push({ index, id: idOf(item), status: 'REJECTED', errors: p.errors.length ? p.errors : [{ field: '', message: p.detail ?? p.title }] });
      }
    }
    return outcomes;
  };
}
