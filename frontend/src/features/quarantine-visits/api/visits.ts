import { useEffect, useMemo } from 'react';
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf, type ApiClient } from '../../../lib/api/client';
import { ProblemError } from '../../../lib/api/problem';
import type { components } from '../../../lib/api/schema';
import type { ResponseBody } from '../../../lib/api/types';
import { offlineQueue, useQueueSync, type BatchOutcome, type OfflineQueue } from '../../../lib/offline';

type S = components['schemas'];
export type DueRow = S['QuarantineVisitDue'];
export type DueStatus = S['DueStatus'];
export type NewVisit = S['NewQuarantineVisit'];
export type Symptom = S['Symptom'];
export type NeedKind = S['NeedKind1'];
export type VisitMode = S['Mode'];
export type Slot = S['Slot'];
type DuePage = ResponseBody<'/api/v1/quarantine-visits/due', 'get'>;

export const SYMPTOMS: readonly Symptom[] = ['NONE', 'FEVER', 'COUGH', 'SORE_THROAT', 'LOSS_OF_TASTE_OR_SMELL', 'FATIGUE', 'DIARRHOEA'];
export const NEED_KINDS: readonly NeedKind[] = ['FOOD', 'MEDICINE', 'MEDICAL_APPOINTMENT', 'SUBSIDY', 'PSYCHOLOGICAL_SUPPORT', 'OTHER'];

/** The deployment's zone: visit windows and "today" are counted there (the API does the same). */
export const ZONE = 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) in the deployment's zone, whatever the device's zone. */
export function todayInZone(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** HH:mm of an instant in the deployment's zone. */
export function timeInZone(iso: string | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** One queued visit: the order it belongs to and the body, exactly as it is posted. */
export interface QueuedVisit {
  orderId: string;
  visit: NewVisit;
}

/** What the screen shows about a queued visit (kept on the device with it, never sent). */
export interface VisitMeta {
  name?: string;
  orderNumber?: string;
  date?: string;
}

export const VISIT_QUEUE = 'quarantine-visits';

/** Whole-batch failures worth trying again later (no network, server trouble, an expired login, a rate limit). */
const retryLater = (e: unknown) =>
  !(e instanceof ProblemError) || e.isNetworkError || e.status >= 500 || e.status === 401 || e.status === 408 || e.status === 429;

/**
 * Posts queued visits one by one (the API records one visit a call). 201 is CREATED, 200 (the same
 * clientRef and body again) DUPLICATE; a refusal (404, 409, 422 …) is REJECTED with the server's
 * reasons. Anything to retry later stops the batch: the rest stays waiting, and what went out is
 * answered DUPLICATE next time, so a visit is never recorded twice.
 */
export function sendVisits(client: ApiClient) {
  return async (items: QueuedVisit[]): Promise<BatchOutcome[]> => {
    const outcomes: BatchOutcome[] = [];
    for (const [index, item] of items.entries()) {
      const id = item.visit.clientRef;
      try {
        const answer = await client.POST('/api/v1/quarantines/{id}/visits', { params: { path: { id: item.orderId } }, body: item.visit });
        const data = dataOf(answer);
        const response = answer.response;
        outcomes.push({ index, id, status: response.status === 201 ? 'CREATED' : 'DUPLICATE', errors: [], alertId: data.feverAlertId ?? data.symptomAlertId });
      } catch (e) {
        if (retryLater(e)) {
          if (outcomes.length === 0) throw e;
          break; // the ones answered count; the rest waits
        }
        const p = e as ProblemError;
        outcomes.push({ index, id, status: 'REJECTED', errors: p.errors.length ? p.errors : [{ field: '', message: p.detail ?? p.title }] });
      }
    }
    return outcomes;
  };
}

/**
 * The signed-in user's queue of visits, keyed by their `sub` (it survives a reload and a re-login;
 * two workers sharing a phone never send each other's visits). Undefined until somebody is signed in.
 */
export function useVisitQueue(): OfflineQueue<QueuedVisit, VisitMeta> | undefined {
  const client = useApiClient();
  const sub = useAuth().user?.profile.sub;
  return useMemo(
    () =>
      sub
        ? offlineQueue<QueuedVisit, VisitMeta>({ name: VISIT_QUEUE, owner: sub, idOf: (v) => v.visit.clientRef, sendBatch: sendVisits(client), maxBatch: 20 })
        : undefined,
    [client, sub],
  );
}

/** Sends queued visits in the background wherever the user is in the app (mounted once, in the layout). */
export function VisitQueueSync() {
  useQueueSync(useVisitQueue());
  return null;
}

/* The day's list is kept on the device (per user and day) so that a reload without network still shows it. */
const cacheKey = (sub: string | undefined, date: string) => `gg.quarantine-visits.${sub ?? 'anonymous'}.${date}`;
interface Cached {
  savedAt: number;
  data: InfiniteData<DuePage, string | undefined>;
}

function loadCached(sub: string | undefined, date: string): Cached | undefined {
  try {
    const raw = window.localStorage.getItem(cacheKey(sub, date));
    return raw ? (JSON.parse(raw) as Cached) : undefined;
  } catch {
    return undefined;
  }
}

function saveCached(sub: string | undefined, date: string, data: InfiniteData<DuePage, unknown>) {
  try {
    // Only the current day is kept: older days go.
    for (const key of Object.keys(window.localStorage)) {
      if (key.startsWith(cacheKey(sub, '')) && key !== cacheKey(sub, date)) window.localStorage.removeItem(key);
    }
    window.localStorage.setItem(cacheKey(sub, date), JSON.stringify({ savedAt: Date.now(), data }));
  } catch {
    // a full storage only costs the offline copy
  }
}

export const dueVisitsKey = ['quarantine-visits', 'due'] as const;

/**
 * The day's visits in the caller's reach (overdue first, then by window: the API orders them), one
 * cursor page at a time. The pages loaded so far are kept on the device and shown again after a
 * reload without network.
 */
export function useDueVisits(date: string, pageSize = 50) {
  const client = useApiClient();
  const { isAuthenticated, user } = useAuth();
  const sub = user?.profile.sub;
  const cached = useMemo(() => loadCached(sub, date), [sub, date]);
  const query = useInfiniteQuery({
    queryKey: [...dueVisitsKey, sub, date, pageSize],
    queryFn: async ({ pageParam, signal }) =>
      dataOf(await client.GET('/api/v1/quarantine-visits/due', { params: { query: { date, cursor: pageParam, limit: pageSize } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: isAuthenticated,
    initialData: cached?.data,
    initialDataUpdatedAt: cached?.savedAt,
    staleTime: 0,
    refetchInterval: 60_000,
  });
  const { data, dataUpdatedAt } = query;
  useEffect(() => {
    if (data && dataUpdatedAt !== cached?.savedAt) saveCached(sub, date, data);
  }, [data, dataUpdatedAt, cached, sub, date]);
  return query;
}
