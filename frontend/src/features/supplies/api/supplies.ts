import { useCallback } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf, type ApiClient } from '../../../lib/api/client';
import { downloadCsv } from '../../../lib/api/download';
import type { components } from '../../../lib/api/schema';

type S = components['schemas'];
export type Item = S['SupplyItem'];
export type NewItem = S['NewSupplyItem'];
export type Place = S['SupplyPlace'];
export type NewPlace = S['NewSupplyPlace'];
export type PlaceStock = S['SupplyPlaceStock'];
export type StockLine = S['SupplyStockLine'];
export type Movement = S['SupplyMovement'];
export type MovementKind = S['SupplyMovementKind'];
export type Category = S['SupplyCategory'];
export type PlaceKind = S['SupplyPlaceKind'];
export type IssuedTo = S['SupplyIssuedTo'];

export const CATEGORIES: Category[] = ['PROTECTIVE_EQUIPMENT', 'DISINFECTANT', 'MEDICAL', 'FOOD', 'OTHER'];
export const PLACE_KINDS: PlaceKind[] = ['COMMUNITY_OFFICE', 'CHECKPOINT', 'ISOLATION_SITE'];
export const MOVEMENT_KINDS: MovementKind[] = ['DONATION_IN', 'PURCHASE_IN', 'ISSUE_OUT', 'TRANSFER', 'WRITE_OFF', 'STOCKTAKE'];
/** The recipients a desk issues to (a delivery run takes its items itself). */
export const RECIPIENTS: IssuedTo[] = ['PERSON', 'CHECKPOINT', 'HOUSEHOLD'];

/** Where each kind of movement is posted, and the body it takes. */
const MOVEMENT_PATH = {
  DONATION_IN: '/api/v1/supplies/movements/donations',
  PURCHASE_IN: '/api/v1/supplies/movements/purchases',
  ISSUE_OUT: '/api/v1/supplies/movements/issues',
  TRANSFER: '/api/v1/supplies/movements/transfers',
  WRITE_OFF: '/api/v1/supplies/movements/write-offs',
  STOCKTAKE: '/api/v1/supplies/movements/stocktakes',
} as const;

export interface MovementBodies {
  DONATION_IN: S['SupplyDonation'];
  PURCHASE_IN: S['SupplyPurchase'];
  ISSUE_OUT: S['SupplyIssue'];
  TRANSFER: S['SupplyTransfer'];
  WRITE_OFF: S['SupplyWriteOff'];
  STOCKTAKE: S['SupplyStocktake'];
}

export interface LedgerFilter {
  placeId?: string;
  itemId?: string;
  kind?: MovementKind;
  from?: string;
  to?: string;
}

const ROOT = 'supplies';

function useEnabled() {
  return useAuth().isAuthenticated;
}

function useInvalidate() {
  const qc = useQueryClient();
  return useCallback(() => qc.invalidateQueries({ queryKey: [ROOT] }), [qc]);
}

export function useItems(all = false) {
  const client = useApiClient();
  return useQuery({
    queryKey: [ROOT, 'items', all],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/supplies/items', { params: { query: { all } }, signal })),
    enabled: useEnabled(),
  });
}

export function usePlaces() {
  const client = useApiClient();
  return useQuery({
    queryKey: [ROOT, 'places'],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/supplies/places', { signal })),
    enabled: useEnabled(),
  });
}

export function usePlaceStock(placeId: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: [ROOT, 'stock', placeId],
    queryFn: async ({ signal }) =>
      dataOf(await client.GET('/api/v1/supplies/places/{id}/stock', { params: { path: { id: placeId ?? '' } }, signal })),
    enabled: useEnabled() && !!placeId,
  });
}

export function useLedger(filter: LedgerFilter) {
  const client = useApiClient();
  const pages = useInfiniteQuery({
    queryKey: [ROOT, 'ledger', filter],
    queryFn: async ({ pageParam, signal }) =>
      dataOf(await client.GET('/api/v1/supplies/movements', { params: { query: { ...filter, cursor: pageParam, limit: 50 } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: useEnabled(),
    placeholderData: keepPreviousData,
  });
  return { ...pages, items: pages.data?.pages.flatMap((p) => p.items ?? []) ?? [] };
}

export function useCreateItem() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ key, ...body }: NewItem & { key: string }) =>
      dataOf(await client.POST('/api/v1/supplies/items', { body, params: { header: { 'Idempotency-Key': key } } })),
    onSuccess: invalidate,
  });
}

export function useCreatePlace() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ key, ...body }: NewPlace & { key: string }) =>
      dataOf(await client.POST('/api/v1/supplies/places', { body, params: { header: { 'Idempotency-Key': key } } })),
    onSuccess: invalidate,
  });
}

export function useSetThreshold(placeId: string) {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ itemId, low }: { itemId: string; low: number }) =>
      dataOf(
        await client.PUT('/api/v1/supplies/places/{id}/thresholds/{itemId}', { params: { path: { id: placeId, itemId } }, body: { low } }),
      ),
    onSuccess: invalidate,
  });
}

/** Records a movement of the given kind, once per key (a retry after a lost answer moves nothing twice). */
export function useRecordMovement(kind: MovementKind) {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ key, body }: { key: string; body: MovementBodies[MovementKind] }): Promise<Movement> => {
      // every kind answers a SupplyMovement; the paths differ only in their body
      const path = MOVEMENT_PATH[kind] as typeof MOVEMENT_PATH.DONATION_IN;
      return dataOf(await client.POST(path, { body: body as MovementBodies['DONATION_IN'], params: { header: { 'Idempotency-Key': key } } }));
    },
    onSuccess: invalidate,
  });
}

/** Downloads the donor's receipt (PDF). */
export function downloadReceipt(client: ApiClient, movement: Pick<Movement, 'id' | 'receiptNumber'>): Promise<void> {
  return downloadCsv(
    (c) =>
      c.GET('/api/v1/supplies/movements/{id}/receipt.pdf', {
        params: { path: { id: movement.id ?? '' } },
        headers: { Accept: 'application/pdf, application/problem+json' },
        parseAs: 'blob',
      }),
    client,
    `${movement.receiptNumber ?? 'receipt'}.pdf`,
  );
}

/** Downloads the ledger with the list's filters, as CSV or XLSX. */
export function downloadLedger(client: ApiClient, filter: LedgerFilter, format: 'csv' | 'xlsx'): Promise<void> {
  return downloadCsv(
    (c) =>
      c.GET('/api/v1/supplies/movements/export', {
        params: { query: { ...filter, format } },
        headers: { Accept: format === 'csv' ? 'text/csv, application/problem+json' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json' },
        parseAs: 'blob',
      }),
    client,
    `supplies-ledger.${format}`,
  );
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
