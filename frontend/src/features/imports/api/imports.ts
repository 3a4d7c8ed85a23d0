import { useCallback } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { downloadCsv } from '../../../lib/api/download';
import { ProblemError } from '../../../lib/api/problem';
import type { components } from '../../../lib/api/schema';

export type ImportAccepted = components['schemas']['ImportAccepted'];

export interface ImportRequest {
  file: File;
  /** The zone, community, grid cell or compound the file is for; omitted: the caller's only one. */
  areaId?: string;
  dryRun: boolean;
}

/** The figures an import job reports (CensusImportJob): the report is an open object in the contract. */
export interface ImportReport {
  rows?: number;
  valid?: number;
  invalid?: number;
  /** Problems that kept their row (an unknown category: the person is imported without it, ADR 0055). */
  warnings?: number;
  wouldCreate?: number;
  wouldUpdateOrKeep?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  householdsCreated?: number;
  errors?: ImportRowProblem[];
}

/** One problem of a row (the first 100 are in the report): an ERROR refused the row, a WARNING kept it. */
export type ImportRowProblem = Partial<components['schemas']['ImportRowProblem']>;

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

export function importReport(report: Record<string, unknown> | undefined): ImportReport {
  const r = report ?? {};
  return {
    rows: num(r.rows),
    valid: num(r.valid),
    invalid: num(r.invalid),
    warnings: num(r.warnings),
    wouldCreate: num(r.wouldCreate),
    wouldUpdateOrKeep: num(r.wouldUpdateOrKeep),
    created: num(r.created),
    updated: num(r.updated),
    unchanged: num(r.unchanged),
    householdsCreated: num(r.householdsCreated),
    errors: Array.isArray(r.errors) ? (r.errors as ImportReport['errors']) : [],
  };
}

/** Uploads the file (multipart) and starts the import job; answers its id (202 + Location). */
export function useSubmitImport() {
  const client = useApiClient();
  return useMutation({
    mutationFn: async ({ file, areaId, dryRun }: ImportRequest): Promise<string> => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (areaId) form.append('areaId', areaId);
      form.append('dryRun', String(dryRun));
      const { data, response } = await client.POST('/api/v1/imports', {
        body: { dryRun },
        bodySerializer: () => form,
      });
      const accepted = data;
      const jobId = accepted?.jobId ?? response.headers.get('Location')?.split('/').pop();
      if (!jobId) {
        throw new ProblemError({ type: 'about:empty-response', title: 'No job id', status: response.status, errors: [] });
      }
      return jobId;
    },
  });
}

/** Downloads the import template and the error report (CSV, behind the bearer token). */
export function useImportDownloads() {
  const client = useApiClient();
  const template = useCallback(
    () => downloadCsv((c) => c.GET('/api/v1/imports/template', { parseAs: 'blob', headers: { Accept: 'text/csv, application/problem+json' } }), client, 'census-template.csv'),
    [client],
  );
  const errors = useCallback(
    (jobId: string) =>
      downloadCsv(
        (c) => c.GET('/api/v1/imports/{jobId}/errors', { params: { path: { jobId } }, parseAs: 'blob', headers: { Accept: 'text/csv, application/problem+json' } }),
        client,
        'import-errors.csv',
      ),
    [client],
  );
  return { template, errors };
}
