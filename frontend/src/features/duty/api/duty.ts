import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { PageItem, RequestBody, ResponseBody } from '../../../lib/api/types';

export type Shift = PageItem<'/api/v1/duty-shifts'>;
export type ShiftAssignee = NonNullable<Shift['assignees']>[number];
export type DutyPerson = PageItem<'/api/v1/duty-people'>;
export type Roster = ResponseBody<'/api/v1/rosters/{id}', 'get'>;
export type NewWorkLog = RequestBody<'/api/v1/work-logs', 'post'>;
export type HoursReport = ResponseBody<'/api/v1/duty-hours', 'get'>;
export type GapAlert = PageItem<'/api/v1/alerts'>;
export type Me = ResponseBody<'/api/v1/me', 'get'>;

/** One entry of a roster's `unfilled` list (the server sends it as a free-form map). */
export interface UnfilledShift {
  shiftId?: string;
  checkpointCode?: string;
  startsAt?: string;
  kind?: string;
  needed?: number;
  assigned?: number;
  short?: number;
  missingSkills?: string[];
  candidates?: number;
  blockedBy?: Record<string, number>;
  why?: string;
}

const PAGE = 200;

/** Every duty query key starts with 'duty' so one invalidation refreshes the lot. */
function useInvalidateDuty() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['duty'] });
}

/** The caller's own shifts (the 7 days from today by default), ordered by start. */
export function useMyShifts() {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'shifts', 'mine'],
    queryFn: async ({ signal }) =>
      dataOf(await client.GET('/api/v1/duty-shifts', { params: { query: { mine: true, limit: PAGE } }, signal })).items ?? [],
    enabled: isAuthenticated,
    refetchInterval: 60_000,
  });
}

/** All shifts of an area for the dates (follows the cursor to the end). */
export function useAreaShifts(areaId: string | undefined, from: string, to: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'shifts', areaId, from, to],
    queryFn: async ({ signal }) => {
      const all: Shift[] = [];
      let cursor: string | undefined;
      do {
        const page = dataOf(
          await client.GET('/api/v1/duty-shifts', { params: { query: { areaId, from, to, cursor, limit: PAGE } }, signal }),
        );
        all.push(...(page.items ?? []));
        cursor = page.next ?? undefined;
      } while (cursor);
      return all;
    },
    enabled: isAuthenticated && Boolean(areaId),
  });
}

export function useDutyPeople(areaId: string | undefined) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'people', areaId],
    queryFn: async ({ signal }) => {
      const all: DutyPerson[] = [];
      let cursor: string | undefined;
      do {
        const page = dataOf(await client.GET('/api/v1/duty-people', { params: { query: { areaId, cursor, limit: PAGE } }, signal }));
        all.push(...(page.items ?? []));
        cursor = page.next ?? undefined;
      } while (cursor);
      return all;
    },
    enabled: isAuthenticated && Boolean(areaId),
    staleTime: 60_000,
  });
}

/** The caller's roles and jurisdiction (their zones are what a leader rosters). */
export function useDutyMe() {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['me'],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/me', { signal })),
    enabled: isAuthenticated,
  });
}

export function useCheckIn() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async (shiftId: string) =>
      dataOf(await client.POST('/api/v1/duty-shifts/{id}/check-ins', { params: { path: { id: shiftId } }, body: {} })),
    onSuccess: invalidate,
  });
}

export function useCheckOut() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async (shiftId: string) =>
      dataOf(await client.POST('/api/v1/duty-shifts/{id}/check-outs', { params: { path: { id: shiftId } }, body: {} })),
    onSuccess: invalidate,
  });
}

export function useCreateWorkLog() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async (body: NewWorkLog) => {
      await client.POST('/api/v1/work-logs', { body, headers: { 'Idempotency-Key': crypto.randomUUID() } });
    },
    onSuccess: invalidate,
  });
}

export function useAddAssignee() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async ({ shiftId, personId }: { shiftId: string; personId: string }) =>
      dataOf(await client.POST('/api/v1/duty-shifts/{id}/assignees', { params: { path: { id: shiftId } }, body: { personId } })),
    onSuccess: invalidate,
  });
}

export function useRemoveAssignee() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async ({ shiftId, personId }: { shiftId: string; personId: string }) => {
      await client.DELETE('/api/v1/duty-shifts/{id}/assignees/{personId}', { params: { path: { id: shiftId, personId } } });
    },
    onSuccess: invalidate,
  });
}

/** Generates the week's shifts from the patterns (idempotent), then starts the solver job. */
export function useBuildRoster() {
  const client = useApiClient();
  return useMutation({
    mutationFn: async ({ areaId, from, to }: { areaId: string; from: string; to: string }) => {
      dataOf(await client.POST('/api/v1/duty-shifts/generate', { body: { areaId, from, to } }));
      return dataOf(await client.POST('/api/v1/rosters', { body: { areaId, from, to } }));
    },
  });
}

export const rosterDone = (r: Roster | undefined) => r?.status !== undefined && r.status !== 'SOLVING';

export function useRoster(id: string | undefined, pollMs = 1000) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'roster', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/rosters/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: isAuthenticated && Boolean(id),
    refetchInterval: (q) => (rosterDone(q.state.data) ? false : pollMs),
  });
}

export function usePublishRoster() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async (id: string) => dataOf(await client.POST('/api/v1/rosters/{id}/publish', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

/** The alert inbox, only duty gaps. */
export function useGapAlerts(areaId: string | undefined) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'gaps', areaId],
    queryFn: async ({ signal }) =>
      dataOf(await client.GET('/api/v1/alerts', { params: { query: { kind: 'DUTY_GAP', areaId, limit: 100 } }, signal })).items ?? [],
    enabled: isAuthenticated,
    refetchInterval: 30_000,
  });
}

export function useDutyHours(areaId: string | undefined, year: number) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'hours', areaId, year],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/duty-hours', { params: { query: { areaId, year } }, signal })),
    enabled: isAuthenticated,
  });
}

/** The caller's own duty person record (matched by login name), if they have one. */
export function useMyPerson(username: string | undefined) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'people', 'me', username],
    queryFn: async ({ signal }) => {
      const page = dataOf(await client.GET('/api/v1/duty-people', { params: { query: { limit: 200 } }, signal }));
      return (page.items ?? []).find((p) => p.username === username) ?? null;
    },
    enabled: isAuthenticated && Boolean(username),
    staleTime: 5 * 60_000,
  });
}
