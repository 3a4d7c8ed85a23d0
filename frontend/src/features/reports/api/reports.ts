import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Client } from 'openapi-fetch';
import { useAuth } from 'react-oidc-context';
import { ACTIVE_STATES } from '../../../components/alerts/alerts';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf, type ApiClient } from '../../../lib/api/client';
import { downloadCsv } from '../../../lib/api/download';
import type { operations } from '../../../lib/api/schema';
import type { DailyMetrics, DailyReport, NewDailyReportSubmission, ReportFormat } from './types';

type Json<T> = { 200: { content: { 'application/json': T } } };
type Get<Op extends { parameters: unknown }, T> = { get: { parameters: Op['parameters']; responses: Json<T> } };

/**
 * The report routes that also answer CSV, XLSX or PDF, narrowed to their JSON answer (the generated body is a union
 * with string); parameters as generated. Downloads ask for the other formats with parseAs: 'blob'.
 */
interface ReportPaths {
  '/api/v1/daily-reports': Get<operations['DailyReportResource_get'], DailyReport>;
  '/api/v1/daily-reports/submissions/{id}': Get<operations['SubmissionResource_get'], DailyReport>;
  '/api/v1/metrics/daily': Get<operations['DailyMetricsResource_get'], DailyMetrics>;
}

const useReportClient = () => useApiClient() as unknown as Client<ReportPaths>;

export const reportKeys = {
  all: ['reports'] as const,
  dashboard: (areaId?: string) => ['reports', 'dashboard', areaId] as const,
};

/** The landing screen's figures: the caller's tiles, open alerts by kind and the report status (GET /api/v1/dashboard). */
export function useDashboard(areaId?: string) {
  const client = useApiClient();
  return useQuery({
    queryKey: reportKeys.dashboard(areaId),
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/dashboard', { params: { query: { areaId } }, signal })),
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** The live figures per day over [from, to] of some measures (all when none are named). */
export function useDailyMetrics(query: { areaId?: string; from: string; to: string } | undefined) {
  const client = useReportClient();
  return useQuery({
    queryKey: [...reportKeys.all, 'metrics', query],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/metrics/daily', { params: { query }, signal })),
    enabled: useAuth().isAuthenticated && !!query,
    placeholderData: keepPreviousData,
  });
}

/** What the report screen shows: one submitted version, or the node's report of the day (live or as submitted). */
export interface ReportTarget {
  areaId?: string;
  date?: string;
  submissionId?: string;
}

async function fetchReport(client: Client<ReportPaths>, { areaId, date, submissionId }: ReportTarget, signal?: AbortSignal) {
  if (submissionId) return dataOf(await client.GET('/api/v1/daily-reports/submissions/{id}', { params: { path: { id: submissionId } }, signal }));
  return dataOf(await client.GET('/api/v1/daily-reports', { params: { query: { areaId, date } }, signal }));
}

export function useDailyReport(target: ReportTarget) {
  const client = useReportClient();
  return useQuery({
    queryKey: [...reportKeys.all, 'report', target],
    queryFn: ({ signal }) => fetchReport(client, target, signal),
    enabled: useAuth().isAuthenticated,
    placeholderData: keepPreviousData,
  });
}

/** Every submitted version of a node's report for a day, newest first. */
export function useSubmissions(areaId: string | undefined, date: string | undefined) {
  const client = useApiClient();
  return useQuery({
    queryKey: [...reportKeys.all, 'submissions', areaId, date],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/daily-reports/submissions', { params: { query: { areaId: areaId ?? '', date } }, signal })).items,
    enabled: useAuth().isAuthenticated && !!areaId && !!date,
  });
}

/** Submits (or corrects) a node's report; the form's key makes a retried click one version. */
export function useSubmitReport() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: NewDailyReportSubmission; key: string }) =>
      dataOf(await client.POST('/api/v1/daily-reports/submissions', { params: { header: { 'Idempotency-Key': key } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

const ACCEPT: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

/** Downloads the report shown (a version, or the node's day) as PDF, XLSX or CSV, with the caller's token. */
export function downloadReport(client: ApiClient, { areaId, date, submissionId }: ReportTarget, format: ReportFormat): Promise<void> {
  const c = client as unknown as Client<ReportPaths>;
  const options = { headers: { Accept: `${ACCEPT[format]}, application/problem+json` }, parseAs: 'blob' as const };
  return downloadCsv(
    (): Promise<{ data?: Blob; response: Response }> =>
      submissionId
        ? c.GET('/api/v1/daily-reports/submissions/{id}', { ...options, params: { path: { id: submissionId }, query: { format } } })
        : c.GET('/api/v1/daily-reports', { ...options, params: { query: { areaId, date, format } } }),
    client,
    `daily-report-${date ?? 'today'}.${format}`,
  );
}

/**
 * The most overdue open alerts in reach, longest overdue first: the escalated ones (GET /api/v1/alerts?escalated=true,
 * issue 20's escalation) among the overdue ones (a server without the escalation filter answers the overdue ones).
 */
export function useMostOverdue(areaId: string | undefined, limit = 8) {
  const client = useApiClient();
  return useQuery({
    queryKey: [...reportKeys.all, 'overdue', areaId],
    queryFn: async ({ signal }) => {
      const query = { areaId, overdue: true, escalated: true, state: ACTIVE_STATES, sort: 'MOST_OVERDUE' as const, limit };
      return dataOf(await client.GET('/api/v1/alerts', { params: { query }, signal })).items ?? [];
    },
    enabled: useAuth().isAuthenticated,
    refetchInterval: 60_000,
  });
}
