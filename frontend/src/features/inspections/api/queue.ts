import { useMemo } from 'react';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf, type ApiClient } from '../../../lib/api/client';
import { offlineQueue, sendEachOnce, useQueueSync, type OfflineQueue } from '../../../lib/offline';
import type { InspectionView, NewInspection } from './types';

/** One queued inspection: the Idempotency-Key it was given when it was signed, and the body exactly as it is posted. */
export interface QueuedInspection {
  key: string;
  body: NewInspection;
}

/** What the phone shows about a queued inspection (kept on the device with it, never sent). */
export interface InspectionMeta {
  placeName?: string;
  templateName?: string;
}

export const INSPECTION_QUEUE = 'inspections';

/** The server's answers to inspections sent from this tab, by Idempotency-Key (the done screen shows the result). */
export const sentInspections = new Map<string, InspectionView>();

/**
 * Posts queued inspections one by one, each with its own Idempotency-Key: a retry after a lost
 * answer gets the first inspection back, never a second one. A refusal (422 a missing reason, 404
 * a place out of reach …) is REJECTED with the server's reasons; anything to retry later stops
 * the batch and the rest waits.
 */
export function sendInspections(client: ApiClient) {
  return sendEachOnce<QueuedInspection>(
    (item) => item.key,
    async (item) => {
      const view = dataOf(await client.POST('/api/v1/inspections', { params: { header: { 'Idempotency-Key': item.key } }, body: item.body }));
      sentInspections.set(item.key, view);
      return 'CREATED';
    },
  );
}

/** The signed-in user's queue of inspections (per `sub`: it survives a reload and a re-login). */
export function useInspectionQueue(): OfflineQueue<QueuedInspection, InspectionMeta> | undefined {
  const client = useApiClient();
  const sub = useAuth().user?.profile.sub;
  return useMemo(
    () =>
      sub
        ? offlineQueue<QueuedInspection, InspectionMeta>({ name: INSPECTION_QUEUE, owner: sub, idOf: (i) => i.key, sendBatch: sendInspections(client), maxBatch: 5 })
        : undefined,
    [client, sub],
  );
}

/** Sends queued inspections in the background wherever the user is in the app (mounted once, in the layout). */
export function InspectionQueueSync() {
  useQueueSync(useInspectionQueue());
  return null;
}
