import { useCallback } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';

type S = components['schemas'];
export type CarePlan = S['CarePlan'];
export type PlanStatus = S['CarePlanStatus'];
export type Uncovered = S['UncoveredResident'];
export type NewCarePlan = S['NewCarePlan'];
export type NewCareVisit = S['NewCareVisit'];
export type CareVisit = S['CareVisit'];
export type Condition = S['CareCondition'];
export type VisitMode = S['CareVisitMode'];
export type NeedKind = S['NeedKind'];
export type NeedUrgency = S['NeedUrgency'];

export const CONDITIONS: readonly Condition[] = ['WELL', 'UNWELL', 'NEEDS_HELP', 'NOT_REACHED'];
export const MODES: readonly VisitMode[] = ['PHONE', 'DOOR'];
export const NEED_KINDS: readonly NeedKind[] = ['FOOD', 'MEDICINE', 'MEDICAL_APPOINTMENT', 'SUBSIDY', 'PSYCHOLOGICAL_SUPPORT', 'OTHER'];
export const URGENCIES: readonly NeedUrgency[] = ['ROUTINE', 'TODAY', 'URGENT_MEDICAL'];

const PAGE = 50;
const ROOT = 'care';

/** A fresh key per form: a retry of the same submission is never recorded twice. */
export const newIdempotencyKey = () => crypto.randomUUID();

function useInvalidate() {
  const qc = useQueryClient();
  return useCallback(() => qc.invalidateQueries({ queryKey: [ROOT] }), [qc]);
}

/** A cursor-paged list as a TanStack infinite query ("load more"). */
function usePages<T>(key: unknown[], fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<{ items?: T[]; next?: string | null }>) {
  const pages = useInfiniteQuery({
    queryKey: [ROOT, ...key],
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
  });
  return { ...pages, items: pages.data?.pages.flatMap((p) => p.items ?? []) ?? [] };
}

export interface PlanFilter {
  status?: PlanStatus;
  mine?: boolean;
  due?: boolean;
}

/** Care plans in reach, most urgent first (the API orders by the day the next visit is due). */
export function useCarePlans(filter: PlanFilter) {
  const client = useApiClient();
  return usePages<CarePlan>(['plans', filter], async (cursor, signal) =>
    dataOf(await client.GET('/api/v1/care-plans', { params: { query: { ...filter, cursor, limit: PAGE } }, signal })),
  );
}

/** Vulnerable residents in reach without an active plan. */
export function useUncovered() {
  const client = useApiClient();
  return usePages<Uncovered>(['uncovered'], async (cursor, signal) =>
    dataOf(await client.GET('/api/v1/care-plans/uncovered', { params: { query: { cursor, limit: PAGE } }, signal })),
  );
}

export function useCreatePlan() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ body, key }: { body: NewCarePlan; key: string }) =>
      dataOf(await client.POST('/api/v1/care-plans', { body, params: { header: { 'Idempotency-Key': key } } })),
    onSuccess: invalidate,
  });
}

export function useEndPlan(plan: Pick<CarePlan, 'id' | 'version'>) {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (reason: string) =>
      dataOf(
        await client.POST('/api/v1/care-plans/{id}/end', {
          params: { path: { id: plan.id }, header: { 'If-Match': `"${plan.version}"` } },
          body: { reason, version: plan.version },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRecordVisit(planId: string) {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ body, key }: { body: NewCareVisit; key: string }) =>
      dataOf(await client.POST('/api/v1/care-plans/{id}/visits', { params: { path: { id: planId }, header: { 'Idempotency-Key': key } }, body })),
    onSuccess: invalidate,
  });
}
