import { useEffect, useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { InspectionMetrics, PlaceKind, PlaceType, TaskStatus } from './types';

export const inspectionKeys = {
  all: ['inspections'] as const,
  place: (kind: string, id: string) => ['inspections', 'place', kind, id] as const,
  inspection: (id: string) => ['inspections', 'one', id] as const,
};

/** The place picker: places in the caller's reach whose name contains q (the API gives at most 50). */
export function usePlaces(q: string, placeType?: PlaceType) {
  const client = useApiClient();
  return useQuery({
    queryKey: [...inspectionKeys.all, 'places', q, placeType],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/inspection-places', { params: { query: { q: q || undefined, placeType } }, signal })),
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
  });
}

/** A place's page: the place, its latest inspections and its open findings. */
export function usePlacePage(kind: PlaceKind | undefined, id: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: inspectionKeys.place(kind ?? '', id ?? ''),
    queryFn: async ({ signal }) =>
      dataOf(await client.GET('/api/v1/inspection-places/{placeKind}/{placeId}', { params: { path: { placeKind: kind ?? 'AREA', placeId: id ?? '' } }, signal })),
    enabled: useAuth().isAuthenticated && !!kind && !!id,
  });
}

/** The templates in use (not retired) for a place type. */
export function useTemplates(placeType: PlaceType | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: [...inspectionKeys.all, 'templates', placeType],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/inspection-templates', { params: { query: { placeType } }, signal })),
    enabled: useAuth().isAuthenticated && !!placeType,
    staleTime: 5 * 60_000,
  });
}

export function useInspection(id: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: inspectionKeys.inspection(id ?? ''),
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/inspections/{id}', { params: { path: { id: id ?? '' } }, signal })),
    enabled: useAuth().isAuthenticated && !!id,
  });
}

/** The drawn signature of an inspection as an object URL (the API needs the token, so no plain <img src>). */
export function useSignatureUrl(id: string | undefined, present: boolean) {
  const client = useApiClient();
  const blob = useQuery({
    queryKey: [...inspectionKeys.inspection(id ?? ''), 'signature'],
    queryFn: async ({ signal }) =>
      dataOf(await client.GET('/api/v1/inspections/{id}/signature', { params: { path: { id: id ?? '' } }, parseAs: 'blob', headers: { Accept: 'image/png, image/jpeg' }, signal })),
    enabled: useAuth().isAuthenticated && !!id && present,
    staleTime: Infinity,
  });
  const url = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : undefined), [blob.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return { ...blob, url };
}

/** The named responsible user confirms the inspection from their own login. */
export function useConfirmInspection(id: string) {
  const client = useApiClient();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => dataOf(await client.POST('/api/v1/inspections/{id}/confirm', { params: { path: { id } } })),
    onSuccess: (view) => qc.setQueryData(inspectionKeys.inspection(id), view),
  });
}

export interface TaskFilter {
  status: TaskStatus;
  placeKind?: PlaceKind;
  placeId?: string;
}

/** Findings (rectification and first-check tasks) in the caller's reach, one cursor page at a time. */
export function useTasks(filter: TaskFilter) {
  const client = useApiClient();
  const pages = useInfiniteQuery({
    queryKey: [...inspectionKeys.all, 'tasks', filter],
    queryFn: async ({ pageParam, signal }) => dataOf(await client.GET('/api/v1/inspection-tasks', { params: { query: { ...filter, cursor: pageParam } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items ?? []) ?? [], [pages.data]);
  return { ...pages, items };
}

interface MetricsPaths {
  '/api/v1/metrics/inspections': {
    get: {
      parameters: { query?: { areaId?: string; from?: string; to?: string } };
      responses: { 200: { content: { 'application/json': InspectionMetrics } } };
    };
  };
}

/**
 * Pass rates and findings for the supervisor's results. The path type narrows the generated one to its JSON answer
 * (the endpoint also speaks CSV), so the body is the generated InspectionMetrics, not a union with string.
 */
export function useInspectionMetrics(query: { from: string; to: string; areaId?: string }) {
  const client = useApiClient() as unknown as Client<MetricsPaths>;
  return useQuery({
    queryKey: [...inspectionKeys.all, 'metrics', query],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/metrics/inspections', { params: { query }, signal })),
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
  });
}
