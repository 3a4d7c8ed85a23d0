import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../lib/api/ApiProvider';
import { dataOf } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import type { PageItem } from '../../lib/api/types';

export type Alert = PageItem<'/api/v1/alerts'>;
export type AlertKind = components['schemas']['AlertKind'];
export type AlertState = components['schemas']['AlertState'];

export const ALERT_KINDS: readonly AlertKind[] = ['FEVER', 'MISSING_REPORT', 'DUTY_GAP', 'POSITIVE_POOL'];
/** States in which somebody still has to act. */
export const ACTIVE_STATES: AlertState[] = ['OPEN', 'ACKNOWLEDGED', 'REMEASURED', 'REFERRED'];

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
