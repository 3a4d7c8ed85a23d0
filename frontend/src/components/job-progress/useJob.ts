import { useQuery } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../lib/api/ApiProvider';
import { dataOf } from '../../lib/api/client';
import type { ResponseBody } from '../../lib/api/types';

export type Job = ResponseBody<'/api/v1/jobs/{id}', 'get'>;

export type JobStatus = NonNullable<Job['status']>;

export const isFinished = (job: Job | undefined): boolean => job?.status === 'SUCCEEDED' || job?.status === 'FAILED';

/** Polls a job (an import, an export) until it has finished. */
export function useJob(id: string, pollMs = 1000) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/jobs/{id}', { params: { path: { id } }, signal })),
    enabled: isAuthenticated && id !== '',
    refetchInterval: (query) => (isFinished(query.state.data) ? false : pollMs),
  });
}
