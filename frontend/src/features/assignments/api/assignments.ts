import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { PageItem, RequestBody } from '../../../lib/api/types';

export type Assignment = PageItem<'/api/v1/assignments'>;
export type NewAssignment = RequestBody<'/api/v1/assignments', 'post'>;

const PAGE_SIZE = 100;

export function useAssignments(principal: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useInfiniteQuery({
    queryKey: ['assignments', principal],
    queryFn: async ({ pageParam, signal }) =>
      dataOf(
        await client.GET('/api/v1/assignments', {
          params: { query: { principal: principal || undefined, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: isAuthenticated,
  });
}

/** Assignments change what /me, the area tree and the grid cells show: refetch them all. */
function useInvalidateJurisdiction() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => ['assignments', 'me', 'areas', 'grid-cells'].includes(String(q.queryKey[0])) });
}

export function useCreateAssignment() {
  const client = useApiClient();
  const invalidate = useInvalidateJurisdiction();
  return useMutation({
    // Errors are thrown by the client's middleware; the 201's body is not needed here.
    mutationFn: async (body: NewAssignment) => {
      await client.POST('/api/v1/assignments', { body });
    },
    onSuccess: invalidate,
  });
}

export function useDeleteAssignment() {
  const client = useApiClient();
  const invalidate = useInvalidateJurisdiction();
  return useMutation({
    mutationFn: async (id: string) => {
      await client.DELETE('/api/v1/assignments/{id}', { params: { path: { id } } });
    },
    onSuccess: invalidate,
  });
}
