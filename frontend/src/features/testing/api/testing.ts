import { useMemo } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf, type ApiClient } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';
import { ProblemError } from '../../../lib/api/problem';
import { offlineQueue, useQueueSync, type OfflineQueue } from '../../../lib/offline';

type S = components['schemas'];
export type Round = S['TestRound'];
export type NewRound = S['NewTestRound'];
export type RoundStatus = Round['status'];
export type Mode = Round['modes'][number];
export type Exemption = S['Exemption'];
export type NewExemption = S['NewExemption'];
export type ExemptionKind = Exemption['kind'];
export type Site = S['SamplingSite'];
export type NewSite = S['NewSamplingSite'];
export type Task = S['TestTask'];
export type TaskOutcome = S['TaskOutcome'];
export type Tube = S['Tube'];
export type NewSample = S['NewSample'];
export type SampleKind = NonNullable<NewSample['kind']>;
export type Coverage = S['Coverage'];
export type CoverageRow = S['CoverageRow'];
export type Figures = S['CoverageFigures'];
export type Level = Coverage['level'];
export type MissingPerson = S['MissingPerson'];
export type PositivePool = S['PositivePool'];
export type Unmatched = S['UnmatchedResult'];

export const POOL_SIZES = [1, 5, 10, 20] as const;
export const MODES: Mode[] = ['CENTRAL', 'DOOR_TO_DOOR'];
export const EXEMPTION_KINDS: ExemptionKind[] = ['AWAY', 'IN_HOSPITAL', 'INFANT', 'OTHER'];
export const SAMPLE_KINDS: SampleKind[] = ['ORDINARY', 'RETEST', 'MAKEUP'];
/** Coverage refreshes this often while a round is sampling (the server's figures are at most ~5 s old). */
export const LIVE_REFRESH_MS = 5_000;

/** Every page of a cursor-paged list (the lists here are a round's worth for one caller: bounded). */
async function all<T>(fetchPage: (cursor?: string) => Promise<{ items?: T[]; next?: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    out.push(...(page.items ?? []));
    cursor = page.next ?? undefined;
  } while (cursor);
  return out;
}

function useEnabled() {
  return useAuth().isAuthenticated;
}

// ---------- rounds ----------

export function useRounds(status?: RoundStatus) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['test-rounds', 'list', status],
    queryFn: async ({ signal }) =>
      all((cursor) => client.GET('/api/v1/test-rounds', { params: { query: { status, cursor, limit: 100 } }, signal }).then(dataOf)),
    enabled: useEnabled(),
  });
}

export function useRound(id: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['test-rounds', 'one', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/test-rounds/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: useEnabled() && Boolean(id),
  });
}

function useInvalidate(...keys: string[]) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ predicate: (q) => keys.includes(String(q.queryKey[0])) });
}

export function useCreateRound() {
  const client = useApiClient();
  const invalidate = useInvalidate('test-rounds');
  return useMutation({
    mutationFn: async (body: NewRound) => dataOf(await client.POST('/api/v1/test-rounds', { body: { ...body, id: body.id ?? crypto.randomUUID() } })),
    onSuccess: invalidate,
  });
}

export function useTransition(round: Round | undefined) {
  const client = useApiClient();
  const invalidate = useInvalidate('test-rounds', 'coverage');
  return useMutation({
    mutationFn: async (to: RoundStatus) =>
      dataOf(
        await client.POST('/api/v1/test-rounds/{id}/transitions', {
          params: { path: { id: round?.id ?? '' } },
          body: { to, version: round?.version },
        }),
      ),
    onSuccess: invalidate,
  });
}

// ---------- exemptions and sites ----------

export function useExemptions(roundId: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['test-exemptions', roundId],
    queryFn: async ({ signal }) =>
      all((cursor) => client.GET('/api/v1/test-rounds/{id}/exemptions', { params: { path: { id: roundId }, query: { cursor, limit: 500 } }, signal }).then(dataOf)),
    enabled: useEnabled(),
  });
}

export function useAddExemption(roundId: string) {
  const client = useApiClient();
  const invalidate = useInvalidate('test-exemptions', 'coverage', 'test-missing');
  return useMutation({
    mutationFn: async (body: NewExemption) =>
      dataOf(await client.POST('/api/v1/test-rounds/{id}/exemptions', { params: { path: { id: roundId } }, body: { ...body, id: body.id ?? crypto.randomUUID() } })),
    onSuccess: invalidate,
  });
}

export function useRevokeExemption(roundId: string) {
  const client = useApiClient();
  const invalidate = useInvalidate('test-exemptions', 'coverage', 'test-missing');
  return useMutation({
    mutationFn: async (exemptionId: string) => {
      // error answers are thrown by the client's middleware; 204 has no body
      await client.DELETE('/api/v1/test-rounds/{id}/exemptions/{exemptionId}', { params: { path: { id: roundId, exemptionId } } });
    },
    onSuccess: invalidate,
  });
}

export function useSites(roundId: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['test-sites', roundId],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/test-rounds/{id}/sites', { params: { path: { id: roundId ?? '' } }, signal })),
    enabled: useEnabled() && Boolean(roundId),
    staleTime: 60_000,
  });
}

export function useAddSite(roundId: string) {
  const client = useApiClient();
  const invalidate = useInvalidate('test-sites');
  return useMutation({
    mutationFn: async (body: NewSite) =>
      dataOf(await client.POST('/api/v1/test-rounds/{id}/sites', { params: { path: { id: roundId } }, body: { ...body, id: body.id ?? crypto.randomUUID() } })),
    onSuccess: invalidate,
  });
}

// ---------- tasks ----------

export function useTasks(roundId: string | undefined, status: Task['status'] | undefined = 'OPEN') {
  const client = useApiClient();
  return useQuery({
    queryKey: ['test-tasks', roundId, status],
    queryFn: async ({ signal }) =>
      all((cursor) =>
        client.GET('/api/v1/test-rounds/{id}/tasks', { params: { path: { id: roundId ?? '' }, query: { status, cursor, limit: 500 } }, signal }).then(dataOf),
      ),
    enabled: useEnabled() && Boolean(roundId),
    refetchInterval: 30_000,
  });
}

export function useTaskOutcome(roundId: string) {
  const client = useApiClient();
  const invalidate = useInvalidate('test-tasks', 'coverage');
  return useMutation({
    mutationFn: async ({ task, status, reason }: { task: Task; status: 'DONE' | 'FAILED'; reason?: string }) =>
      dataOf(
        await client.POST('/api/v1/test-rounds/{id}/tasks/{taskId}/outcome', {
          params: { path: { id: roundId, taskId: task.id } },
          body: { status, reason, version: task.version },
        }),
      ),
    onSuccess: invalidate,
  });
}

// ---------- tubes and samples ----------

/** The pool for a barcode as the server holds it; undefined (not an error) while it does not exist yet. */
export function useTubeByBarcode(roundId: string | undefined, barcode: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['test-tube', roundId, barcode],
    queryFn: async ({ signal }) => {
      try {
        return dataOf(await client.GET('/api/v1/test-rounds/{id}/tubes', { params: { path: { id: roundId ?? '' }, query: { barcode } }, signal }));
      } catch (e) {
        // a barcode scanned but not sent yet (or offline): the pool is only on this device so far
        if (e instanceof ProblemError && e.status === 404) return null;
        throw e;
      }
    },
    enabled: useEnabled() && Boolean(roundId && barcode),
    retry: false,
  });
}

export function useCloseTube(roundId: string) {
  const client = useApiClient();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (tubeId: string) =>
      dataOf(await client.POST('/api/v1/test-rounds/{id}/tubes/{tubeId}/close', { params: { path: { id: roundId, tubeId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['test-tube', roundId] }),
  });
}

/** What the sampling screen shows about a queued sample (kept on the device with it, never sent). */
export interface SampleMeta {
  personName: string;
}

export const sampleQueueName = (roundId: string) => `test-samples:${roundId}`;

export function sendSampleBatch(client: ApiClient, roundId: string) {
  return async (items: NewSample[]) =>
    dataOf(await client.POST('/api/v1/test-rounds/{id}/samples/batch', { params: { path: { id: roundId } }, body: { items } })).items;
}

/**
 * The signed-in worker's queue of samples for one round (the shared offline queue: one queue per
 * batch endpoint, keyed by the user's `sub`). Undefined until someone is signed in and a round is picked.
 */
export function useSampleQueue(roundId: string | undefined): OfflineQueue<NewSample, SampleMeta> | undefined {
  const client = useApiClient();
  const sub = useAuth().user?.profile.sub;
  return useMemo(
    () =>
      sub && roundId
        ? offlineQueue<NewSample, SampleMeta>({
            name: sampleQueueName(roundId),
            owner: sub,
            idOf: (s) => s.id ?? '',
            sendBatch: sendSampleBatch(client, roundId),
          })
        : undefined,
    [client, sub, roundId],
  );
}

/** Keeps sending the round's queue while the sampling screen is open (and whenever the network returns). */
export function useSampleQueueSync(queue: OfflineQueue<NewSample, SampleMeta> | undefined) {
  useQueueSync(queue, 10_000);
}

/** A resident by exact ID number: the HMAC lookup, the number only in a POST body. Masked answer. */
export function useResidentLookup() {
  const client = useApiClient();
  return useMutation({
    mutationFn: async (idNumber: string) =>
      dataOf(await client.POST('/api/v1/residents/search', { body: { idType: 'MAINLAND_ID', idNumber } })).items ?? [],
  });
}

/** Households of the caller's cells whose door number contains `door` (first page: enough to pick one). */
export function useHouseholdsByDoor(door: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['households', 'door', door],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/households', { params: { query: { door: door || undefined, limit: 50 } }, signal })).items ?? [],
    enabled: useEnabled(),
  });
}

/** The people living in one household (masked by the server). */
export function useHouseholdMembers(householdId: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['residents', 'household', householdId, 'living'],
    queryFn: async ({ signal }) =>
      (dataOf(await client.GET('/api/v1/residents', { params: { query: { householdId, limit: 100 } }, signal })).items ?? []).filter(
        (r) => r.status === undefined || r.status === 'LIVING',
      ),
    enabled: useEnabled() && Boolean(householdId),
  });
}

// ---------- coverage ----------

export function useCoverage(roundId: string | undefined, areaId: string | undefined, level: Level | undefined, live: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['coverage', roundId, areaId, level],
    queryFn: async ({ signal }): Promise<Coverage> => {
      const body = dataOf(await client.GET('/api/v1/test-rounds/{id}/coverage', { params: { path: { id: roundId ?? '' }, query: { areaId, level } }, signal }));
      // the operation also answers text/csv; asked for JSON, a string is a broken answer
      if (typeof body === 'string') throw new Error('coverage: expected JSON');
      return body;
    },
    enabled: useEnabled() && Boolean(roundId),
    refetchInterval: live ? LIVE_REFRESH_MS : false,
    placeholderData: keepPreviousData,
  });
}

/** Downloads the coverage table as CSV (with the caller's token, so not a bare link). */
export function useCoverageCsv(roundId: string) {
  const client = useApiClient();
  return useMutation({
    mutationFn: async ({ areaId, level }: { areaId?: string; level?: Level }) => {
      const r = await client.GET('/api/v1/test-rounds/{id}/coverage', {
        params: { path: { id: roundId }, query: { areaId, level, format: 'csv' } },
        parseAs: 'blob',
      });
      const blob = dataOf(r);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `coverage-${roundId}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    },
  });
}

export function useMissing(roundId: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['test-missing', roundId],
    queryFn: async ({ signal }) =>
      all((cursor) => client.GET('/api/v1/test-rounds/{id}/missing', { params: { path: { id: roundId ?? '' }, query: { cursor, limit: 500 } }, signal }).then(dataOf)),
    enabled: useEnabled() && Boolean(roundId),
    refetchInterval: 30_000,
  });
}

export function usePositivePools(roundId: string, live: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['test-positive', roundId],
    queryFn: async ({ signal }) =>
      all((cursor) => client.GET('/api/v1/test-rounds/{id}/positive-pools', { params: { path: { id: roundId }, query: { cursor, limit: 500 } }, signal }).then(dataOf)),
    enabled: useEnabled(),
    refetchInterval: live ? 15_000 : false,
  });
}

export function useUnmatched(roundId: string, enabled: boolean) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['test-unmatched', roundId],
    queryFn: async ({ signal }) =>
      all((cursor) =>
        client.GET('/api/v1/test-rounds/{id}/unmatched-results', { params: { path: { id: roundId }, query: { resolved: false, cursor, limit: 500 } }, signal }).then(dataOf),
      ),
    enabled: useEnabled() && enabled,
  });
}

/** The next level down in the drill-down (community → grid cell → compound → building → household). */
export const CHILD_LEVEL: Partial<Record<Level, Level>> = {
  COMMUNITY: 'GRID_CELL',
  ZONE: 'GRID_CELL',
  GRID_CELL: 'COMPOUND',
  COMPOUND: 'BUILDING',
  BUILDING: 'HOUSEHOLD',
};
