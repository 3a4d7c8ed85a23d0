import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../lib/api/ApiProvider';
import { dataOf } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { PageItem } from '../../lib/api/types';

export type Alert = PageItem<'/api/v1/alerts'>;
/** A kind's code (FEVER, DUTY_GAP …). Features add kinds on the server; the web app never lists them. */
export type AlertKind = string;
/** A kind as the server declares it: labels by language, tag colour, workflow. */
export type AlertKindInfo = components['schemas']['AlertKind'];
export type AlertState = components['schemas']['AlertState'];
/** States in which somebody still has to act. */
export const ACTIVE_STATES: AlertState[] = ['OPEN', 'ACKNOWLEDGED', 'REMEASURED', 'REFERRED', 'TRANSFERRED'];

/** Every kind of alert the features raise (GET /api/v1/alert-kinds); they change only with a release. */
export function useAlertKinds(enabled = true) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['alert-kinds'],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/alert-kinds', { signal })),
    enabled: isAuthenticated && enabled,
    staleTime: 60 * 60_000,
  });
}

/** The label of a kind in the language shown, falling back to the other language and then to its code. */
export function kindLabel(kinds: readonly AlertKindInfo[] | undefined, code: string, language: string): string {
  const k = kinds?.find((x) => x.kind === code);
  return k?.labels[language] ?? k?.labels.en ?? code;
}

/** The tag colour of a kind, as its feature declares it. */
export function kindColor(kinds: readonly AlertKindInfo[] | undefined, code: string): string | undefined {
  return kinds?.find((x) => x.kind === code)?.color;
}

/** The shared alert inbox of the caller's jurisdiction, one kind or all. */
export function useAlerts(kind: AlertKind | undefined, includeClosed: boolean, areaId?: string) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  const state = includeClosed ? undefined : ACTIVE_STATES;
  return useQuery({
    queryKey: ['alerts', kind, includeClosed, areaId],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/alerts', { params: { query: { kind, state, areaId, limit: 200 } }, signal })).items ?? [],
    enabled: isAuthenticated,
    refetchInterval: 30_000,
  });
}

export function useAlertTransition() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ alert, to, temperature, note }: { alert: Alert; to: AlertState; temperature?: number; note?: string }) =>
      dataOf(
        await client.POST('/api/v1/alerts/{id}/transitions', {
          params: { path: { id: alert.id ?? '' } },
          body: { to, note, version: alert.version, data: temperature === undefined ? undefined : { temperature } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
