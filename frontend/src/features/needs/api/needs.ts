import { useCallback } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';

type S = components['schemas'];
export type Need = S['Need'];
export type NeedStatus = S['NeedStatus'];
export type NeedUrgency = S['NeedUrgency'];
export type NeedKind = S['NeedKind'];
export type NewNeed = S['NewNeed'];

export const URGENCIES: readonly NeedUrgency[] = ['URGENT_MEDICAL', 'TODAY', 'ROUTINE'];
export const KINDS: readonly NeedKind[] = ['FOOD', 'MEDICINE', 'MEDICAL_APPOINTMENT', 'SUBSIDY', 'PSYCHOLOGICAL_SUPPORT', 'OTHER'];
/** The statuses a board shows, in the order a need moves through them. */
export const ACTIVE: readonly NeedStatus[] = ['OPEN', 'ASSIGNED', 'OUT_FOR_DELIVERY'];
export const RECEIVERS = ['本人', '家属', '邻居'] as const;

/** A step a carrier takes with one tap, and the status it needs. */
export type Step = 'assign' | 'dispatch' | 'deliver' | 'reopen' | 'cancel';

/** What a need in this status can do next, in the order the buttons show (ADR 0043). */
export function nextSteps(status: NeedStatus): Step[] {
  switch (status) {
    case 'OPEN':
      return ['assign', 'cancel'];
    case 'ASSIGNED':
      return ['dispatch', 'deliver', 'reopen', 'cancel'];
    case 'OUT_FOR_DELIVERY':
      return ['deliver', 'reopen', 'cancel'];
    default:
      return [];
  }
}

/** Urgent first, then the oldest: the order a leader works the board in. */
export function byUrgency(a: Need, b: Need): number {
  return URGENCIES.indexOf(a.urgency) - URGENCIES.indexOf(b.urgency) || a.createdAt.localeCompare(b.createdAt);
}

export function useNeeds(filter: { status?: NeedStatus; urgency?: NeedUrgency }) {
  const client = useApiClient();
  const pages = useInfiniteQuery({
    queryKey: ['needs', filter],
    queryFn: async ({ pageParam, signal }) =>
      dataOf(await client.GET('/api/v1/needs', { params: { query: { ...filter, cursor: pageParam, limit: 100 } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const items = pages.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return { ...pages, items };
}

function useInvalidate() {
  const qc = useQueryClient();
  return useCallback(() => qc.invalidateQueries({ queryKey: ['needs'] }), [qc]);
}

export interface StepInput {
  need: Pick<Need, 'id' | 'version'>;
  step: Step;
  assignee?: string;
  receivedBy?: string;
  reason?: string;
}

/** One tap on a need, with the version the user saw (a need changed meanwhile answers 412). */
export function useNeedStep() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ need, step, assignee, receivedBy, reason }: StepInput): Promise<Need> => {
      const params = { path: { id: need.id }, header: { 'If-Match': `"${need.version}"` } };
      const version = need.version;
      switch (step) {
        case 'assign':
          return dataOf(await client.POST('/api/v1/needs/{id}/assign', { params, body: { assignee, version } }));
        case 'dispatch':
          return dataOf(await client.POST('/api/v1/needs/{id}/dispatch', { params, body: { version } }));
        case 'deliver':
          return dataOf(await client.POST('/api/v1/needs/{id}/deliver', { params, body: { receivedBy: receivedBy ?? '', version } }));
        case 'reopen':
          return dataOf(await client.POST('/api/v1/needs/{id}/reopen', { params, body: { reason: reason ?? '', version } }));
        case 'cancel':
          return dataOf(await client.POST('/api/v1/needs/{id}/cancel', { params, body: { reason: reason ?? '', version } }));
      }
    },
    onSuccess: invalidate,
  });
}

export function useCreateNeed() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ body, key }: { body: NewNeed; key: string }) =>
      dataOf(await client.POST('/api/v1/needs', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: invalidate,
  });
}
