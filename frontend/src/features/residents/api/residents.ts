import { useCallback } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { Role } from '../../../lib/auth/roles';
import type { components } from '../../../lib/api/schema';

export type Resident = components['schemas']['Resident'];
export type PiiField = components['schemas']['PiiField'];
export type UnmaskedResident = components['schemas']['UnmaskedResident'];

/**
 * Which clear values a role may ask for (ARCHITECTURE.md, security model): leaders and
 * supervisors both, workers the phones of their own cells' residents (the server checks the
 * cell), admins none.
 */
export function unmaskableFields(roles: readonly Role[]): PiiField[] {
  if (roles.includes('supervisor') || roles.includes('grid-leader')) return ['ID_NUMBER', 'PHONE'];
  if (roles.includes('grid-worker')) return ['PHONE'];
  return [];
}

export function useResident(id: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['residents', 'one', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/residents/{id}', { params: { path: { id } }, signal })),
    enabled: isAuthenticated,
  });
}

export function useResidentHistory(id: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['residents', 'history', id],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/residents/{id}/history', { params: { path: { id } }, signal })),
    enabled: isAuthenticated,
  });
}

/**
 * The audited unmask. Deliberately not a query or a mutation: the clear value must never sit in
 * TanStack Query's caches (or any storage); callers keep it in component state only.
 */
export function useUnmask(residentId: string) {
  const client = useApiClient();
  return useCallback(
    async (field: PiiField, reason: string): Promise<string> => {
      const v = dataOf(await client.POST('/api/v1/residents/{id}/unmask', { params: { path: { id: residentId } }, body: { fields: [field], reason } }));
      return (field === 'ID_NUMBER' ? v.idNumber : v.phone) ?? '';
    },
    [client, residentId],
  );
}

/** The resident's active quarantine order, if any (null when none or not for this caller). */
export function useActiveQuarantine(residentId: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['quarantines', 'of-resident', residentId],
    queryFn: async ({ signal }) =>
      dataOf(await client.GET('/api/v1/quarantines', { params: { query: { residentId, status: 'ACTIVE', limit: 1 } }, signal })).items?.[0] ?? null,
    enabled: isAuthenticated,
  });
}
