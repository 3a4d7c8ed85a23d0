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

// ---------------- drag-and-drop moves on the week board ----------------

export interface Move {
  personId: string;
  /** The shift the person was dragged from; absent when dragged from the people list (a plain add). */
  fromShiftId?: string;
  toShiftId: string;
  /** What the board shows on the target until the server answers. */
  assignee: ShiftAssignee;
}

/** Applies a move to a cached week of shifts (the optimistic board). */
export function applyMove(shifts: readonly Shift[], m: Move): Shift[] {
  return shifts.map((s) => {
    if (s.id === m.fromShiftId) return { ...s, assignees: (s.assignees ?? []).filter((a) => a.personId !== m.personId) };
    if (s.id === m.toShiftId) return { ...s, assignees: [...(s.assignees ?? []), m.assignee] };
    return s;
  });
}

/**
 * One drop, one request: with fromShiftId the server moves the person atomically (off one shift,
 * onto the other, or neither). The board changes at once and rolls back if the server refuses.
 */
export function useMoveAssignee(areaId: string, from: string, to: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const key = ['duty', 'shifts', areaId, from, to];
  return useMutation({
    mutationFn: async (m: Move) =>
      dataOf(
        await client.POST('/api/v1/duty-shifts/{id}/assignees', {
          params: { path: { id: m.toShiftId } },
          body: { personId: m.personId, fromShiftId: m.fromShiftId },
        }),
      ),
    onMutate: async (m) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Shift[]>(key);
      if (before) queryClient.setQueryData<Shift[]>(key, applyMove(before, m));
      return { before };
    },
    onError: (_err, _m, ctx) => {
      if (ctx?.before) queryClient.setQueryData(key, ctx.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['duty'] }),
  });
}

// ---------------- swaps ----------------

export type Swap = ResponseBody<'/api/v1/duty-swaps', 'get'>[number];

export function useSwaps() {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'swaps'],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/duty-swaps', { signal })),
    enabled: isAuthenticated,
    refetchInterval: 60_000,
  });
}

export function useRequestSwap() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async (body: RequestBody<'/api/v1/duty-swaps', 'post'>) => {
      await client.POST('/api/v1/duty-swaps', { body });
    },
    onSuccess: invalidate,
  });
}

export type SwapStep = 'accept' | 'approve' | 'reject';

export function useSwapStep() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async ({ id, step }: { id: string; step: SwapStep }) => {
      const params = { params: { path: { id } } };
      if (step === 'accept') return dataOf(await client.POST('/api/v1/duty-swaps/{id}/accept', params));
      if (step === 'approve') return dataOf(await client.POST('/api/v1/duty-swaps/{id}/approve', params));
      return dataOf(await client.POST('/api/v1/duty-swaps/{id}/reject', params));
    },
    onSettled: invalidate,
  });
}

// ---------------- work logs, by day ----------------

export type WorkLog = ResponseBody<'/api/v1/work-logs', 'get'>[number];

export function useWorkLogs(areaId: string | undefined, date: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'work-logs', areaId, date],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/work-logs', { params: { query: { areaId, date } }, signal })),
    enabled: isAuthenticated && Boolean(areaId),
  });
}

export function useDecideWorkLog() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async ({ log, approve }: { log: WorkLog; approve: boolean }) =>
      dataOf(
        await client.POST('/api/v1/work-logs/{id}/decision', {
          params: { path: { id: log.id ?? '' }, header: { 'If-Match': `"${log.version ?? 0}"` } },
          body: { approve, version: log.version },
        }),
      ),
    onSettled: invalidate,
  });
}

// ---------------- spot inspections ----------------

export type Inspection = ResponseBody<'/api/v1/duty-inspections', 'get'>[number];
export type NewInspection = RequestBody<'/api/v1/duty-inspections', 'post'>;

export function useInspections(areaId: string | undefined, date: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'inspections', areaId, date],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/duty-inspections', { params: { query: { areaId, date } }, signal })),
    enabled: isAuthenticated && Boolean(areaId),
  });
}

export function useRecordInspection() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async (body: NewInspection) => {
      await client.POST('/api/v1/duty-inspections', { body });
    },
    onSuccess: invalidate,
  });
}

// ---------------- check-in corrections ----------------

export type Correction = ResponseBody<'/api/v1/duty-check-ins/{id}/corrections', 'get'>[number];
export type NewCorrection = RequestBody<'/api/v1/duty-check-ins/{id}/corrections', 'post'>;

export function useCorrections(checkInId: string | undefined) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'corrections', checkInId],
    queryFn: async ({ signal }) =>
      dataOf(await client.GET('/api/v1/duty-check-ins/{id}/corrections', { params: { path: { id: checkInId ?? '' } }, signal })),
    enabled: isAuthenticated && Boolean(checkInId),
  });
}

export function useCorrectCheckIn() {
  const client = useApiClient();
  const invalidate = useInvalidateDuty();
  return useMutation({
    mutationFn: async ({ checkInId, body }: { checkInId: string; body: NewCorrection }) => {
      await client.POST('/api/v1/duty-check-ins/{id}/corrections', {
        params: { path: { id: checkInId }, header: { 'If-Match': `"${body.version ?? 0}"` } },
        body,
      });
    },
    onSuccess: invalidate,
  });
}

/** Everyone on duty the caller may see (a worker picks whom to ask for a swap). */
export function useVisiblePeople() {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['duty', 'people', 'visible'],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/duty-people', { params: { query: { limit: PAGE } }, signal })).items ?? [],
    enabled: isAuthenticated,
    staleTime: 5 * 60_000,
  });
}
