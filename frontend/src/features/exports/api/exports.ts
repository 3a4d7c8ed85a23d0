import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { downloadCsv } from '../../../lib/api/download';
import type { components } from '../../../lib/api/schema';

export type ExportApproval = components['schemas']['CensusExportRequest'];
export type PiiField = components['schemas']['PiiField'];

export interface ExportAsk {
  areaId?: string;
  unmask: PiiField[];
  reason: string;
}

/** The API's answer to a clear export of more people than the approval threshold (ADR 0029). */
export const APPROVAL_REQUIRED = 'export-approval-required';

export const needsApproval = (problem: { status: number; type: string }): boolean =>
  problem.status === 403 && problem.type.endsWith(APPROVAL_REQUIRED);

const requestsKey = ['census', 'export-requests'] as const;
const CSV = { Accept: 'text/csv, application/problem+json' };

/** Export requests of the caller's communities, newest first. */
export function useExportRequests() {
  const client = useApiClient();
  return useQuery({
    queryKey: requestsKey,
    queryFn: async () => (await client.GET('/api/v1/census/export-requests')).data ?? [],
  });
}

/** A direct export (CSV), masked or in clear; a big one in clear is refused with {@link APPROVAL_REQUIRED}. */
export function useExportResidents() {
  const client = useApiClient();
  return useCallback(
    (ask: ExportAsk) =>
      downloadCsv(
        (c) =>
          c.POST('/api/v1/exports/residents', {
            body: { areaId: ask.areaId, unmask: ask.unmask.length ? ask.unmask : undefined, reason: ask.reason || undefined },
            parseAs: 'blob',
            headers: CSV,
          }),
        client,
        'residents.csv',
      ),
    [client],
  );
}

/** Asks a second supervisor to approve a clear export. */
export function useAskApproval() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ask: ExportAsk) =>
      (await client.POST('/api/v1/census/export-requests', { body: { areaId: ask.areaId, unmask: ask.unmask, reason: ask.reason } })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestsKey }),
  });
}

/** Approves or rejects someone else's request. */
export function useDecide() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, approve }: { id: string; approve: boolean }) =>
      approve
        ? (await client.POST('/api/v1/census/export-requests/{id}/approve', { params: { path: { id } }, body: {} })).data
        : (await client.POST('/api/v1/census/export-requests/{id}/reject', { params: { path: { id } }, body: {} })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestsKey }),
  });
}

/** Downloads an approved request, once. */
export function useDownloadApproved() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      downloadCsv(
        (c) => c.POST('/api/v1/census/export-requests/{id}/download', { params: { path: { id } }, parseAs: 'blob', headers: CSV }),
        client,
        'residents.csv',
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: requestsKey }),
  });
}
