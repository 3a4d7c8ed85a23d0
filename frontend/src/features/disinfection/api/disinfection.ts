import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf, type ApiClient } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { offlineQueue, sendEachOnce, useQueueSync, type OfflineQueue } from '../../../lib/offline';

type S = components['schemas'];
export type Place = S['DisinfectionPlace'];
export type PlaceKind = S['DisinfectionPlaceKind'];
export type Schedule = S['DisinfectionSchedule'];
export type NewSchedule = S['NewDisinfectionSchedule'];
export type ScheduleChange = S['DisinfectionScheduleChange'];
export type Round = S['DisinfectionRound'];
export type NewRound = S['NewDisinfectionRound'];
export type Day = S['DisinfectionDay'];
export type SlotStatus = S['DisinfectionSlotStatus'];

const ROOT = 'disinfection';
const LIMIT = 100;

/** Compounds, checkpoints and buildings in reach whose name contains q (the API gives at most 50). */
export function usePlaces(q: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: [ROOT, 'places', q],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/disinfection-places', { params: { query: { q: q || undefined } }, signal })),
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
  });
}

/** Cursor pages of one list under the feature's key, flattened. */
function useCursorPages<T>(key: unknown[], page: (cursor: string | undefined, signal: AbortSignal) => Promise<{ items?: T[]; next?: string | null }>) {
  const query = useInfiniteQuery({
    queryKey: [ROOT, ...key],
    queryFn: ({ pageParam, signal }) => page(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: useAuth().isAuthenticated,
  });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items ?? []) ?? [], [query.data]);
  return { ...query, items };
}

/** A day's slots of every schedule in reach, by place name. */
export function useSlots(day: string) {
  const client = useApiClient();
  return useCursorPages<Day>(['slots', day], async (cursor, signal) =>
    dataOf(await client.GET('/api/v1/disinfection-slots', { params: { query: { day, cursor, limit: LIMIT } }, signal })),
  );
}

export interface RoundFilter {
  placeKind?: PlaceKind;
  placeId?: string;
  from?: string;
  to?: string;
}

/** Rounds in reach, newest first. */
export function useRounds(filter: RoundFilter) {
  const client = useApiClient();
  return useCursorPages<Round>(['rounds', filter], async (cursor, signal) =>
    dataOf(await client.GET('/api/v1/disinfection-rounds', { params: { query: { ...filter, cursor, limit: LIMIT } }, signal })),
  );
}

/** Schedules in reach (active ones unless asked), by place name. */
export function useSchedules(includeInactive: boolean) {
  const client = useApiClient();
  return useCursorPages<Schedule>(['schedules', includeInactive], async (cursor, signal) =>
    dataOf(await client.GET('/api/v1/disinfection-schedules', { params: { query: { includeInactive, cursor, limit: LIMIT } }, signal })),
  );
}

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [ROOT] });
}

export function useCreateSchedule() {
  const client = useApiClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ body, key }: { body: NewSchedule; key: string }) =>
      dataOf(await client.POST('/api/v1/disinfection-schedules', { body, params: { header: { 'Idempotency-Key': key } } })),
    onSuccess: refresh,
  });
}

export function useChangeSchedule() {
  const client = useApiClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ schedule, body }: { schedule: Schedule; body: ScheduleChange }) =>
      dataOf(
        await client.PATCH('/api/v1/disinfection-schedules/{id}', {
          params: { path: { id: schedule.id }, header: { 'If-Match': `"${schedule.version}"` } },
          body,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useDeactivateSchedule() {
  const client = useApiClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (schedule: Schedule) =>
      dataOf(
        await client.POST('/api/v1/disinfection-schedules/{id}/deactivate', {
          params: { path: { id: schedule.id }, header: { 'If-Match': `"${schedule.version}"` } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** One queued round: its Idempotency-Key (made when it was entered) and the body, exactly as it is posted. */
export interface QueuedRound {
  key: string;
  round: NewRound;
}

/** What the screen shows about a queued round (kept on the device, never sent). */
export interface RoundMeta {
  placeName?: string;
}

export const ROUND_QUEUE = 'disinfection-rounds';


/**
 * Posts queued rounds one by one, each with its own Idempotency-Key: an answer lost on the way and sent again is the
 * first round again, never a second one. A refusal (400, 404, 422) is REJECTED with the server's reasons; anything to
 * retry later stops the batch and the rest waits.
 */
export function sendRounds(client: ApiClient) {
  return sendEachOnce<QueuedRound>(
    (item) => item.key,
    async (item) => {
      const answer = await client.POST('/api/v1/disinfection-rounds', { body: item.round, params: { header: { 'Idempotency-Key': item.key } } });
      dataOf(answer);
      return answer.response.headers.get('Idempotent-Replayed') ? 'DUPLICATE' : 'CREATED';
    },
  );
}

/** The signed-in user's queue of rounds (per `sub`, it survives a reload). Undefined until somebody is signed in. */
export function useRoundQueue(): OfflineQueue<QueuedRound, RoundMeta> | undefined {
  const client = useApiClient();
  const sub = useAuth().user?.profile.sub;
  return useMemo(
    () => (sub ? offlineQueue<QueuedRound, RoundMeta>({ name: ROUND_QUEUE, owner: sub, idOf: (r) => r.key, sendBatch: sendRounds(client), maxBatch: 20 }) : undefined),
    [client, sub],
  );
}

/** Sends queued rounds in the background wherever the user is in the app (mounted once, in the layout). */
export function RoundQueueSync() {
  useQueueSync(useRoundQueue());
  return null;
}
