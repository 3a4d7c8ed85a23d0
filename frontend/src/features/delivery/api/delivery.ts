import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import type { PageItem, RequestBody, ResponseBody } from '../../../lib/api/types';

type S = components['schemas'];
export type DeliveryRun = PageItem<'/api/v1/delivery-runs'>;
export type Sheet = ResponseBody<'/api/v1/delivery-runs/{id}/sheet', 'get'>;
export type Stop = S['DeliveryStop'];
export type CandidateGroup = S['DeliveryCandidateGroup'];
export type NewRun = RequestBody<'/api/v1/delivery-runs', 'post'>;
export type NewDrop = RequestBody<'/api/v1/delivery-runs/{id}/drops', 'post'>;
export type Outcome = S['DeliveryOutcome'];
export type DropLine = S['DeliveryDropLine'];

export const OUTCOMES: readonly Outcome[] = ['DELIVERED', 'NOBODY_HOME', 'REFUSED'];
/** Who received a delivery at the door: the quick choices (the server keeps the words). */
export const RECEIVERS = ['本人', '家属', '邻居'] as const;

/** Every delivery query key starts with 'delivery', so one invalidation refreshes the lot. */
const KEY = 'delivery';

function useInvalidateDelivery() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [KEY] });
}

/** The runs the caller manages or carries, on the date if given (newest first, one page of 200). */
export function useDeliveryRuns(date?: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: [KEY, 'runs', date],
    queryFn: async ({ signal }) =>
      dataOf(await client.GET('/api/v1/delivery-runs', { params: { query: { date, limit: 200 } }, signal })).items ?? [],
    enabled: isAuthenticated,
  });
}

export function useRunSheet(id: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: [KEY, 'sheet', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/delivery-runs/{id}/sheet', { params: { path: { id } }, signal })),
    enabled: isAuthenticated,
  });
}

/** The open needs of the caller's reach, grouped by compound and building. */
export function useCandidates() {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: [KEY, 'candidates'],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/delivery-runs/candidates', { signal })),
    enabled: isAuthenticated,
  });
}

/** Plans a run; one Idempotency-Key per attempt made by the form, so a retried click makes one run. */
export function useCreateRun() {
  const client = useApiClient();
  const invalidate = useInvalidateDelivery();
  return useMutation({
    mutationFn: async ({ body, key }: { body: NewRun; key: string }) =>
      dataOf(await client.POST('/api/v1/delivery-runs', { params: { header: { 'Idempotency-Key': key } }, body })),
    onSuccess: invalidate,
  });
}

/** Starts or closes a run, with the version seen (a concurrent change gives 412). */
export function useMoveRun(action: 'start' | 'close') {
  const client = useApiClient();
  const invalidate = useInvalidateDelivery();
  const path = action === 'start' ? '/api/v1/delivery-runs/{id}/start' : '/api/v1/delivery-runs/{id}/close';
  return useMutation({
    mutationFn: async (run: { id: string; version: number }) =>
      dataOf(await client.POST(path, { params: { path: { id: run.id }, header: { 'If-Match': `"${run.version}"` } }, body: {} })),
    onSuccess: invalidate,
  });
}

/** Records one door's drop; the caller keeps the key for the attempt, so a retry never issues stock twice. */
export function useRecordDrop(runId: string) {
  const client = useApiClient();
  const invalidate = useInvalidateDelivery();
  return useMutation({
    mutationFn: async ({ body, key }: { body: NewDrop; key: string }) =>
      dataOf(
        await client.POST('/api/v1/delivery-runs/{id}/drops', {
          params: { path: { id: runId }, header: { 'Idempotency-Key': key } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}
