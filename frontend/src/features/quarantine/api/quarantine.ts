import { useCallback } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import createClient, { type Client } from 'openapi-fetch';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf, problemMiddleware, type ApiClient } from '../../../lib/api/client';
import { saveBlob, filenameOf } from '../../../lib/api/download';
import type { components, paths } from '../../../lib/api/schema';

type S = components['schemas'];
export type Order = S['QuarantineOrder'];
export type NewOrder = S['NewQuarantineOrder'];
export type OrderKind = S['Kind2'];
export type OrderReason = S['Reason'];
export type OrderStatus = S['Status6'];
export type TransferTarget = S['TransferTarget'];
export type OrderEvent = S['QuarantineOrderEvent'];
export type Chain = S['QuarantineChain'];
export type ChainNode = S['QuarantineChainNode'];
export type WorklistItem = S['QuarantineWorklistItem'];
export type Site = S['QuarantineSite'];
export type Room = S['QuarantineSiteRoom'];
export type Guest = S['QuarantineGuest'];
export type Occupancy = S['QuarantineSiteOccupancy'];
export type DepartureReason = S['DepartureReason'];
export type Resident = S['Resident'];
export type DocType = S['DocType'];
export type Verification = S['NoticeVerification'];

export const KINDS: OrderKind[] = ['HOME_ISOLATION', 'HOME_MONITORING', 'CENTRAL_ISOLATION'];
export const REASONS: OrderReason[] = ['CLOSE_CONTACT', 'SECONDARY_CONTACT', 'RETURNEE', 'POSITIVE_POOL', 'OTHER'];
export const STATUSES: OrderStatus[] = ['ACTIVE', 'RELEASED', 'HOSPITAL'];
export const TARGETS: TransferTarget[] = ['SITE', 'HOME', 'HOSPITAL'];
export const DEPARTURE_REASONS: DepartureReason[] = ['RELEASED', 'TRANSFERRED', 'HOSPITAL'];
export const WORKLIST_STATUSES = ['OPEN', 'FOUND', 'NOT_FOUND', 'MOVED_AWAY'] as const;
export type WorklistStatus = (typeof WORKLIST_STATUSES)[number];

export interface OrderFilter {
  status?: OrderStatus;
  kind?: OrderKind;
  reason?: OrderReason;
  areaId?: string;
  from?: string;
  to?: string;
}

const PAGE = 50;
const ROOT = 'quarantines';

function useEnabled() {
  return useAuth().isAuthenticated;
}

function useInvalidate() {
  const qc = useQueryClient();
  return useCallback(() => qc.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('quarantine') }), [qc]);
}

/** A cursor-paged list as a TanStack infinite query ("load more"). */
function usePages<T>(key: unknown[], fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<{ items?: T[]; next?: string | null }>, enabled = true) {
  const pages = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: useEnabled() && enabled,
    placeholderData: keepPreviousData,
  });
  const items = pages.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return { ...pages, items };
}

// ---------- orders ----------

export function useOrders(filter: OrderFilter) {
  const client = useApiClient();
  return usePages<Order>([ROOT, 'list', filter], async (cursor, signal) =>
    dataOf(await client.GET('/api/v1/quarantines', { params: { query: { ...filter, cursor, limit: PAGE } }, signal })),
  );
}

export function useOrder(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: [ROOT, 'one', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/quarantines/{id}', { params: { path: { id } }, signal })),
    enabled: useEnabled(),
  });
}

export function useOrderEvents(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: [ROOT, 'events', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/quarantines/{id}/events', { params: { path: { id } }, signal })),
    enabled: useEnabled(),
  });
}

export function useOrderChain(id: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: [ROOT, 'chain', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/quarantines/{id}/chain', { params: { path: { id } }, signal })),
    enabled: useEnabled(),
  });
}

/** A fresh key per form submission: a retry of the same submission is never applied twice. */
export const newIdempotencyKey = () => crypto.randomUUID();

export function useCreateOrder() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ body, key }: { body: NewOrder; key: string }) =>
      dataOf(await client.POST('/api/v1/quarantines', { body, params: { header: { 'Idempotency-Key': key } } })),
    onSuccess: invalidate,
  });
}

export type Move =
  | { kind: 'extend'; endsOn: string; reason: string }
  | { kind: 'release'; reason: string }
  | { kind: 'transfer'; to: TransferTarget; siteId?: string; reason: string };

/** Extend, release or transfer, with the version the user saw (If-Match: a stale one answers 412). */
export function useMoveOrder(order: Pick<Order, 'id' | 'version'>) {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async (move: Move): Promise<Order> => {
      const path = { id: order.id };
      const header = { 'If-Match': `"${order.version}"` };
      const { version } = order;
      switch (move.kind) {
        case 'extend':
          return dataOf(await client.POST('/api/v1/quarantines/{id}/extend', { params: { path, header }, body: { endsOn: move.endsOn, reason: move.reason, version } }));
        case 'release':
          return dataOf(await client.POST('/api/v1/quarantines/{id}/release', { params: { path, header }, body: { reason: move.reason, version } }));
        case 'transfer':
          return dataOf(
            await client.POST('/api/v1/quarantines/{id}/transfer', { params: { path, header }, body: { to: move.to, siteId: move.siteId, reason: move.reason, version } }),
          );
      }
    },
    onSuccess: invalidate,
  });
}

/** Downloads the release notice (PDF); the API audits every download. */
export async function downloadNotice(client: ApiClient, order: Pick<Order, 'id' | 'number'>): Promise<void> {
  const { data, response } = await client.GET('/api/v1/quarantines/{id}/release-notice.pdf', {
    params: { path: { id: order.id } },
    headers: { Accept: 'application/pdf, application/problem+json' },
    parseAs: 'blob',
  });
  saveBlob(data as Blob, filenameOf(response, `${order.number}.pdf`));
}

export function useResidentSearch() {
  const client = useApiClient();
  return useMutation({
    mutationFn: async (q: { idType?: DocType; idNumber?: string; phone?: string }) =>
      dataOf(await client.POST('/api/v1/residents/search', { body: q })).items ?? [],
  });
}

// ---------- worklist ----------

export function useWorklist(status: WorklistStatus) {
  const client = useApiClient();
  return usePages<WorklistItem>(['quarantine-worklist', status], async (cursor, signal) =>
    dataOf(await client.GET('/api/v1/quarantine-worklist', { params: { query: { status, cursor, limit: PAGE } }, signal })),
  );
}

export function useResolveWorklist() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ itemId, ...body }: { itemId: string; status: Exclude<WorklistStatus, 'OPEN'>; residentId?: string; note?: string }) =>
      dataOf(await client.POST('/api/v1/quarantine-worklist/{itemId}/resolve', { params: { path: { itemId } }, body })),
    onSuccess: invalidate,
  });
}

// ---------- sites ----------

export function useSites() {
  const client = useApiClient();
  return usePages<Site>(['quarantine-sites'], async (cursor, signal) =>
    dataOf(await client.GET('/api/v1/quarantine-sites', { params: { query: { cursor, limit: PAGE } }, signal })),
  );
}

export function useRooms(siteId: string) {
  const client = useApiClient();
  return usePages<Room>(['quarantine-rooms', siteId], async (cursor, signal) =>
    dataOf(await client.GET('/api/v1/quarantine-sites/{siteId}/rooms', { params: { path: { siteId }, query: { cursor, limit: 200 } }, signal })),
  );
}

export function useGuests(siteId: string) {
  const client = useApiClient();
  return usePages<Guest>(['quarantine-guests', siteId], async (cursor, signal) =>
    dataOf(await client.GET('/api/v1/quarantine-sites/{siteId}/guests', { params: { path: { siteId }, query: { cursor, limit: 200 } }, signal })),
  );
}

export function useOccupancy(siteId: string, from?: string, to?: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: ['quarantine-occupancy', siteId, from, to],
    queryFn: async ({ signal }) =>
      dataOf(await client.GET('/api/v1/quarantine-sites/{siteId}/occupancy', { params: { path: { siteId }, query: { from, to } }, signal })) as Occupancy,
    enabled: useEnabled(),
  });
}

export function useAddRoom(siteId: string) {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ key, ...body }: { number: string; beds: number; key: string }) =>
      dataOf(await client.POST('/api/v1/quarantine-sites/{siteId}/rooms', { params: { path: { siteId }, header: { 'Idempotency-Key': key } }, body })),
    onSuccess: invalidate,
  });
}

export function useArrive(siteId: string) {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ key, ...body }: { orderId: string; roomId: string; key: string }) =>
      dataOf(await client.POST('/api/v1/quarantine-sites/{siteId}/guests', { params: { path: { siteId }, header: { 'Idempotency-Key': key } }, body })),
    onSuccess: invalidate,
  });
}

export function useDepart() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ stayId, reason }: { stayId: string; reason: DepartureReason }) =>
      dataOf(await client.POST('/api/v1/quarantine-stays/{id}/departure', { params: { path: { id: stayId } }, body: { reason } })),
    onSuccess: invalidate,
  });
}

// ---------- metrics ----------

export type KindCounts = Partial<Record<OrderKind, number>>;
export interface MetricsFigures {
  active: KindCounts;
  started: number;
  released: number;
  hospital: number;
  visitsDue: number;
  visitsDone: number;
  visitsMissed: number;
  fevers: number;
  symptoms: number;
  breaches: number;
}
export interface QuarantineMetrics {
  areaId: string;
  from: string;
  to: string;
  days: (MetricsFigures & { date: string })[];
  totals: MetricsFigures;
}
/**
 * GET /api/v1/metrics/quarantine, typed here by its agreed shape until the generated schema has it
 * (built in parallel): the same client and middleware, a path type of its own.
 */
interface MetricsPaths {
  '/api/v1/metrics/quarantine': {
    get: {
      parameters: { query?: { areaId?: string; from?: string; to?: string } };
      responses: { 200: { content: { 'application/json': QuarantineMetrics } } };
    };
  };
}

export function useQuarantineMetrics(query: { areaId?: string; from?: string; to?: string }) {
  const client = useApiClient() as unknown as Client<MetricsPaths>;
  return useQuery({
    queryKey: ['quarantine-metrics', query],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/metrics/quarantine', { params: { query }, signal })),
    enabled: useEnabled(),
    placeholderData: keepPreviousData,
  });
}

// ---------- the public check of a release notice (no login) ----------

/** A client without a token: the check is public. */
export function publicClient(fetchImpl: typeof fetch = globalThis.fetch): Client<paths> {
  const client = createClient<paths>({ baseUrl: window.location.origin, fetch: (input: Request) => fetchImpl(input) });
  client.use(problemMiddleware);
  return client;
}

export function useNoticeCheck(number: string, code: string, client: Client<paths>) {
  return useQuery({
    queryKey: ['quarantine-notice-check', number, code],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/quarantine-notices/verify', { params: { query: { number, code } }, signal })),
    enabled: number !== '' && code !== '',
    retry: false,
  });
}
