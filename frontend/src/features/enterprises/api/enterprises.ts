import { useCallback } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import { downloadCsv } from '../../../lib/api/download';
import type { components } from '../../../lib/api/schema';

type S = components['schemas'];
export type Enterprise = S['Enterprise'];
export type EnterpriseKind = S['EnterpriseKind'];
export type EnterpriseStatus = S['EnterpriseStatus'];
export type NewEnterprise = S['NewEnterprise'];
export type EnterprisePatch = S['EnterprisePatch'];

export const KINDS: readonly EnterpriseKind[] = ['SHOP', 'MARKET', 'FACTORY', 'OFFICE', 'INDUSTRIAL_PARK', 'OTHER'];
export const STATUSES: readonly EnterpriseStatus[] = ['PENDING', 'RESUMED', 'SUSPENDED'];

export interface EnterpriseFilter {
  q?: string;
  status?: EnterpriseStatus;
  resumedOn?: string;
}

export function useEnterprises(filter: EnterpriseFilter) {
  const client = useApiClient();
  const pages = useInfiniteQuery({
    queryKey: ['enterprises', filter],
    queryFn: async ({ pageParam, signal }) =>
      dataOf(await client.GET('/api/v1/enterprises', { params: { query: { ...filter, cursor: pageParam, limit: 100 } }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
  });
  const items = pages.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return { ...pages, items };
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['enterprises'] });
}

/** Registers an enterprise (once per key) or changes one with the version seen (a change meanwhile answers 412). */
export function useSaveEnterprise() {
  const client = useApiClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: async ({ body, key, editing }: { body: NewEnterprise; key: string; editing?: Enterprise }): Promise<Enterprise> =>
      editing
        ? dataOf(
            await client.PATCH('/api/v1/enterprises/{id}', {
              params: { path: { id: editing.id }, header: { 'If-Match': `"${editing.version}"` } },
              body: { ...body, version: editing.version },
            }),
          )
        : dataOf(await client.POST('/api/v1/enterprises', { body, headers: { 'Idempotency-Key': key } })),
    onSuccess: invalidate,
  });
}

/** Uploads a register sheet and starts its import job; answers the job id. */
export function useSubmitEnterpriseImport() {
  const client = useApiClient();
  return useMutation({
    mutationFn: async ({ file, areaId, dryRun }: { file: File; areaId: string; dryRun: boolean }): Promise<string> => {
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('areaId', areaId);
      form.append('dryRun', String(dryRun));
      const accepted = dataOf(await client.POST('/api/v1/enterprise-imports', { body: { dryRun }, bodySerializer: () => form }));
      return accepted.jobId;
    },
  });
}

/** The sheet template and an import's refused rows (CSV, behind the bearer token). */
export function useEnterpriseDownloads() {
  const client = useApiClient();
  const csv = { parseAs: 'blob', headers: { Accept: 'text/csv, application/problem+json' } } as const;
  const template = useCallback(
    () => downloadCsv((c) => c.GET('/api/v1/enterprise-imports/template', csv), client, 'enterprise-template.csv'),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client],
  );
  const errors = useCallback(
    (jobId: string) =>
      downloadCsv((c) => c.GET('/api/v1/enterprise-imports/{jobId}/errors', { ...csv, params: { path: { jobId } } }), client, 'enterprise-import-errors.csv'),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client],
  );
  return { template, errors };
}

/** The figures an enterprise import reports (EnterpriseImportJob). */
export interface EnterpriseImportReport {
  rows?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  rejected?: number;
  errors: { line?: number; column?: string; message?: string }[];
}

export function importReport(report: Record<string, unknown> | undefined): EnterpriseImportReport {
  const r = report ?? {};
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return {
    rows: num(r.rows),
    created: num(r.created),
    updated: num(r.updated),
    unchanged: num(r.unchanged),
    rejected: num(r.rejected),
    errors: Array.isArray(r.errors) ? (r.errors as EnterpriseImportReport['errors']) : [],
  };
}
