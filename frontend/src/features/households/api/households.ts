import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { components } from '../../../lib/api/schema';

export type Household = components['schemas']['Household'];
export type NewHousehold = components['schemas']['NewHousehold'];
export type HouseholdPatch = components['schemas']['HouseholdPatch'];
export type HouseholdStatus = components['schemas']['Status'];
export type Category = components['schemas']['Category'];
export type Resident = components['schemas']['Resident'];
export type Verification = components['schemas']['Verification'];
export type NewVerification = components['schemas']['NewVerification'];

export const HOUSEHOLD_STATUSES = ['OCCUPIED', 'VACANT', 'UNREACHABLE'] as const satisfies readonly HouseholdStatus[];
export const CATEGORIES = [
  'TENANT',
  'ELDERLY_ALONE',
  'CHRONIC_ILLNESS',
  'DISABLED',
  'MEDICAL_FAMILY',
  'NEEDS_DELIVERY',
  'CLOSE_CONTACT',
  'SECONDARY_CONTACT',
  'RETURNEE',
  'BED_RIDDEN',
] as const satisfies readonly Category[];

export interface HouseholdFilters {
  areaId?: string;
  category?: Category;
  status?: HouseholdStatus;
  /** part of a door number, matched by the server */
  door?: string;
}

const PAGE_SIZE = 50;

/** Households in the caller's jurisdiction (the server filters by it), one cursor page at a time. */
export function useHouseholds(filters: HouseholdFilters) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useInfiniteQuery({
    queryKey: ['households', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      dataOf(
        await client.GET('/api/v1/households', {
          params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: isAuthenticated,
  });
}

export function useHousehold(id: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['households', 'one', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/households/{id}', { params: { path: { id } }, signal })),
    enabled: isAuthenticated && id !== '',
  });
}

/** The residents of one household (ID numbers and phones masked by the server). */
export function useHouseholdResidents(householdId: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useInfiniteQuery({
    queryKey: ['residents', 'household', householdId],
    queryFn: async ({ pageParam, signal }) =>
      dataOf(
        await client.GET('/api/v1/residents', {
          params: { query: { householdId, limit: PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: isAuthenticated,
  });
}

export function useHouseholdHistory(id: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['households', 'history', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/households/{id}/history', { params: { path: { id } }, signal })),
    enabled: isAuthenticated,
  });
}

export function useVerifications(id: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['households', 'verifications', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/households/{id}/verifications', { params: { path: { id } }, signal })),
    enabled: isAuthenticated,
  });
}

/** A household changes its list, its counts and its grid cell's figures: refetch them. */
function useInvalidateCensus() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => ['households', 'residents', 'grid-cells'].includes(String(q.queryKey[0])) });
}

/** Registers a household under a client-made id (a retried create returns the first result). */
export function useCreateHousehold() {
  const client = useApiClient();
  const invalidate = useInvalidateCensus();
  return useMutation({
    mutationFn: async (body: Omit<NewHousehold, 'id'>): Promise<string> => {
      const id = crypto.randomUUID();
      await client.POST('/api/v1/households', { params: { header: { 'Idempotency-Key': id } }, body: { ...body, id } });
      return id;
    },
    onSuccess: invalidate,
  });
}

/** Changes a household; the version edited goes as If-Match, so a concurrent change gives 412. */
export function useUpdateHousehold(id: string) {
  const client = useApiClient();
  const invalidate = useInvalidateCensus();
  return useMutation({
    mutationFn: async ({ version, ...patch }: HouseholdPatch & { version: number }) =>
      dataOf(
        await client.PATCH('/api/v1/households/{id}', {
          params: { path: { id }, header: { 'If-Match': `"${version}"` } },
          body: { ...patch, version },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRecordVerification(householdId: string) {
  const client = useApiClient();
  const invalidate = useInvalidateCensus();
  return useMutation({
    mutationFn: async (body: Omit<NewVerification, 'id'>) => {
      const id = crypto.randomUUID();
      await client.POST('/api/v1/households/{id}/verifications', {
        params: { path: { id: householdId }, header: { 'Idempotency-Key': id } },
        body: { ...body, id },
      });
    },
    onSuccess: invalidate,
  });
}
