import { useEffect, useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf, type ApiClient } from '../../../lib/api/client';
import type {
  InspectionMetrics,
  InspectionSummary,
  InspectionView,
  Page,
  PlaceKind,
  PlacePageView,
  PlaceType,
  PlaceView,
  TaskStatus,
  TaskView,
  TemplateView,
} from './types';

type Query = Record<string, string | number | boolean | undefined>;
interface Init {
  params?: { path?: Record<string, string>; query?: Query; header?: Record<string, string> };
  body?: unknown;
  signal?: AbortSignal;
  parseAs?: 'json' | 'blob';
  headers?: Record<string, string>;
}
type Call = (path: string, init?: Init) => Promise<{ data?: unknown; response: Response }>;

/** The client for routes the generated schema does not list yet (same middleware: token, problem+json). */
const raw = (client: ApiClient) => client as unknown as { GET: Call; POST: Call };

async function get<T>(client: ApiClient, path: string, init?: Init): Promise<T> {
  return dataOf(await raw(client).GET(path, init)) as T;
}

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
    queryFn: ({ signal }) => get<PlaceView[]>(client, '/api/v1/inspection-places', { params: { query: { q: q || undefined, placeType } }, signal }),
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
  });
}

/** A place's page: the place, its latest inspections and its open findings. */
export function usePlacePage(kind: PlaceKind | undefined, id: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: inspectionKeys.place(kind ?? '', id ?? ''),
    queryFn: ({ signal }) =>
      get<PlacePageView>(client, '/api/v1/inspection-places/{placeKind}/{placeId}', { params: { path: { placeKind: kind ?? '', placeId: id ?? '' } }, signal }),
    enabled: useAuth().isAuthenticated && !!kind && !!id,
  });
}

/** The templates in use (not retired) for a place type. */
export function useTemplates(placeType: PlaceType | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: [...inspectionKeys.all, 'templates', placeType],
    queryFn: ({ signal }) => get<TemplateView[]>(client, '/api/v1/inspection-templates', { params: { query: { placeType } }, signal }),
    enabled: useAuth().isAuthenticated && !!placeType,
    staleTime: 5 * 60_000,
  });
}

export function useInspection(id: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: inspectionKeys.inspection(id ?? ''),
    queryFn: ({ signal }) => get<InspectionView>(client, '/api/v1/inspections/{id}', { params: { path: { id: id ?? '' } }, signal }),
    enabled: useAuth().isAuthenticated && !!id,
  });
}

/** The drawn signature of an inspection as an object URL (the API needs the token, so no plain <img src>). */
export function useSignatureUrl(id: string | undefined, present: boolean) {
  const client = useApiClient();
  const blob = useQuery({
    queryKey: [...inspectionKeys.inspection(id ?? ''), 'signature'],
    queryFn: async ({ signal }) =>
      (await raw(client).GET('/api/v1/inspections/{id}/signature', { params: { path: { id: id ?? '' } }, parseAs: 'blob', headers: { Accept: 'image/png, image/jpeg' }, signal })).data as Blob,
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
    mutationFn: async () => dataOf(await raw(client).POST('/api/v1/inspections/{id}/confirm', { params: { path: { id } } })) as InspectionView,
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
    queryFn: ({ pageParam, signal }) =>
      get<Page<TaskView>>(client, '/api/v1/inspection-tasks', { params: { query: { ...filter, cursor: pageParam } }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const items = useMemo(() => pages.data?.pages.flatMap((p) => p.items ?? []) ?? [], [pages.data]);
  return { ...pages, items };
}

/** A place's inspections, newest first (the place page shows the latest ones it gets with the place). */
export type { InspectionSummary };

/** Pass rates and findings for the supervisor's results (the integrator's metrics endpoint). */
export function useInspectionMetrics(range: { from: string; to: string; areaId?: string }) {
  const client = useApiClient();
  return useQuery({
    queryKey: [...inspectionKeys.all, 'metrics', range],
    queryFn: ({ signal }) => get<InspectionMetrics>(client, '/api/v1/metrics/inspections', { params: { query: range }, signal }),
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
  });
}
