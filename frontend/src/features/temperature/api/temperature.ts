import { useMemo } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf, type ApiClient } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import type { PageItem } from '../../../lib/api/types';
import { offlineQueue, useQueueSync, type OfflineQueue } from '../../../lib/offline';

export type CheckInput = components['schemas']['TemperatureCheckInput'];
export type VisitorInput = components['schemas']['VisitorInput'];
export type TemperatureCheck = components['schemas']['TemperatureCheck'];
export type Person = components['schemas']['CheckpointPerson'];
export type PeopleSearch = components['schemas']['CheckpointPeopleSearch'];
export type WatchReport = PageItem<'/api/v1/watch-reports'>;
export type ReportWindow = components['schemas']['WatchReport']['window'];

/** What the entry screen shows about a queued reading (kept on the device with it, never sent). */
export interface EntryMeta {
  personName: string;
  checkpointName?: string;
}

export const QUEUE_NAME = 'temperature-checks';

/** Posts queued readings to the batch endpoint (the server answers each item CREATED, DUPLICATE or REJECTED). */
export function sendTemperatureBatch(client: ApiClient) {
  return async (items: CheckInput[]) => dataOf(await client.POST('/api/v1/temperature-checks/batch', { body: { items } })).items;
}

/**
 * The signed-in user's queue of readings. Keyed by the user's `sub` (not the token), so it
 * survives a reload and a re-login, and two workers sharing a phone never send each other's
 * entries. Undefined until somebody is signed in.
 */
export function useTemperatureQueue(): OfflineQueue<CheckInput, EntryMeta> | undefined {
  const client = useApiClient();
  const sub = useAuth().user?.profile.sub;
  return useMemo(
    () =>
      sub
        ? offlineQueue<CheckInput, EntryMeta>({ name: QUEUE_NAME, owner: sub, idOf: (c) => c.id, sendBatch: sendTemperatureBatch(client) })
        : undefined,
    [client, sub],
  );
}

/** Sends the queue in the background wherever the user is in the app (mounted once, in the layout). */
export function TemperatureQueueSync() {
  useQueueSync(useTemperatureQueue());
  return null;
}

/** Residents of the area a checkpoint guards: by exact ID number (in the body, never in a URL), household or name. Masked. */
export function usePeopleSearch(checkpointId: string | undefined) {
  const client = useApiClient();
  return useMutation({
    mutationFn: async (body: PeopleSearch) =>
      dataOf(await client.POST('/api/v1/checkpoints/{id}/people/search', { params: { path: { id: checkpointId ?? '' } }, body })),
  });
}

/** One reading as the server stored it (its alertId when it was a fever). */
export function useTemperatureCheck(id: string | undefined) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['temperature-checks', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/temperature-checks/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: isAuthenticated && Boolean(id),
  });
}

/** The twice-daily reports of people under watch for one window (missing ones first). */
export function useWatchReports(areaId: string | undefined, date: string, window: ReportWindow) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['watch-reports', areaId, date, window],
    queryFn: async ({ signal }) => {
      const all: WatchReport[] = [];
      let cursor: string | undefined;
      do {
        const page = dataOf(
          await client.GET('/api/v1/watch-reports', { params: { query: { areaId, date, window, status: 'ALL', cursor, limit: 500 } }, signal }),
        );
        all.push(...(page.items ?? []));
        cursor = page.next ?? undefined;
      } while (cursor);
      return all.sort((a, b) => Number(a.reported) - Number(b.reported) || a.name.localeCompare(b.name, 'zh-CN'));
    },
    enabled: isAuthenticated,
    refetchInterval: 60_000,
  });
}

export type HomeOrder = components['schemas']['CheckpointHomeOrder'];

/** Records that a person under a home order tried to go out here: the server raises the QUARANTINE_BREACH alert. */
export function useRecordBreach(orderId: string, checkpointId: string) {
  const client = useApiClient();
  return useMutation({
    mutationFn: async () =>
      dataOf(
        await client.POST('/api/v1/quarantines/{id}/breaches', {
          params: { path: { id: orderId }, header: { 'Idempotency-Key': crypto.randomUUID() } },
          body: { checkpointId },
        }),
      ),
  });
}
