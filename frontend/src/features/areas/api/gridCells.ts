import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { PageItem } from '../../../lib/api/types';

export type GridCell = PageItem<'/api/v1/grid-cells'>;

const PAGE_SIZE = 50;

/** Grid cells the caller may see, filtered by a search text, one cursor page at a time. */
export function useGridCells(q: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useInfiniteQuery({
    queryKey: ['grid-cells', 'list', q],
    queryFn: async ({ pageParam, signal }) =>
      dataOf(
        await client.GET('/api/v1/grid-cells', {
          params: { query: { q: q || undefined, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: isAuthenticated,
  });
}

export function useGridCell(id: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['grid-cells', 'one', id],
    queryFn: async ({ signal }) =>
      dataOf(await client.GET('/api/v1/grid-cells/{id}', { params: { path: { id } }, signal })),
    enabled: isAuthenticated,
  });
}
