import { QueryClient } from '@tanstack/react-query';
import { ProblemError } from '../lib/api/problem';

/** Retries only what may succeed later: network failures and 5xx, at most twice. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) =>
          failures < 2 && (!(error instanceof ProblemError) || error.isNetworkError || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
}
