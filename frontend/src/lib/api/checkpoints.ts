import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from './ApiProvider';
import { dataOf, type ApiClient } from './client';
import type { PageItem } from './types';

/** A checkpoint (卡口): reference data that the temperature, duty and areas screens all list. */
export type Checkpoint = PageItem<'/api/v1/checkpoints'>;

/** Every checkpoint query key starts with this, so `invalidateQueries({ queryKey: checkpointsQueryKey })` refreshes them all. */
export const checkpointsQueryKey = ['checkpoints'] as const;

/** Which checkpoints: all those the caller may see, or those guarding one area node (and what lies under it). */
export type CheckpointScope = 'visible' | { areaId: string | undefined };

export interface CheckpointListOptions {
  /** How many to fetch (the list is one page: checkpoints are few). Default 500. */
  limit?: number;
  /** How long the list counts as fresh. Default 5 minutes. */
  staleTime?: number;
}

interface CheckpointPageQuery {
  areaId?: string;
  limit: number;
  cursor?: string;
}

async function fetchCheckpointPage(client: ApiClient, query: CheckpointPageQuery, signal: AbortSignal) {
  return dataOf(await client.GET('/api/v1/checkpoints', { params: { query }, signal }));
}

/**
 * The checkpoints in scope as one list. Scoped to an area, the query waits until an area is
 * chosen (`areaId` undefined); 'visible' asks the server for all those of the caller's area
 * (it checks where they may record).
 */
export function useCheckpoints(scope: CheckpointScope, { limit = 500, staleTime = 5 * 60_000 }: CheckpointListOptions = {}) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  const areaId = scope === 'visible' ? undefined : scope.areaId;
  return useQuery({
    queryKey: [...checkpointsQueryKey, 'list', scope === 'visible' ? 'visible' : areaId, limit],
    queryFn: async ({ signal }) => (await fetchCheckpointPage(client, { areaId, limit }, signal)).items ?? [],
    enabled: isAuthenticated && (scope === 'visible' || Boolean(areaId)),
    staleTime,
  });
}

/** The checkpoints guarding an area node, one cursor page at a time (for a list with "load more"). */
export function useCheckpointPages(areaId: string, pageSize = 50) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useInfiniteQuery({
    queryKey: [...checkpointsQueryKey, 'pages', areaId, pageSize],
    queryFn: async ({ pageParam, signal }) => fetchCheckpointPage(client, { areaId, limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: isAuthenticated,
  });
}
