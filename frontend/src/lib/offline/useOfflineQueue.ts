import { useEffect, useSyncExternalStore } from 'react';
import type { OfflineQueue, QueueSnapshot } from './offlineQueue';

const NONE: QueueSnapshot = { loaded: false, waiting: [], attention: [] };
const noop = () => () => {};

/** The queue's waiting and needs-attention entries, re-rendered on every change (also from other tabs). */
export function useQueueSnapshot<T, M>(queue: OfflineQueue<T, M> | undefined): QueueSnapshot<T, M> {
  return useSyncExternalStore(
    queue?.subscribe ?? noop,
    queue?.getSnapshot ?? (() => NONE as QueueSnapshot<T, M>),
    () => NONE as QueueSnapshot<T, M>,
  );
}

export const SYNC_INTERVAL_MS = 20_000;

/**
 * Sends the queue's waiting entries: once at start (the app was opened, or the user signed in),
 * whenever the browser says the network is back, and every intervalMs while entries wait.
 * A failed send leaves them waiting for the next try.
 */
export function startQueueSync(queue: OfflineQueue<unknown, unknown>, intervalMs = SYNC_INTERVAL_MS): () => void {
  const tryFlush = () => {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    void queue.flush().catch(() => undefined);
  };
  tryFlush();
  window.addEventListener('online', tryFlush);
  const timer = window.setInterval(() => {
    if (queue.getSnapshot().waiting.length > 0) tryFlush();
  }, intervalMs);
  return () => {
    window.removeEventListener('online', tryFlush);
    window.clearInterval(timer);
  };
}

/** Runs startQueueSync for as long as the component is mounted (and the queue exists: someone is signed in). */
export function useQueueSync<T, M>(queue: OfflineQueue<T, M> | undefined, intervalMs = SYNC_INTERVAL_MS) {
  useEffect(() => (queue ? startQueueSync(queue as OfflineQueue<unknown, unknown>, intervalMs) : undefined), [queue, intervalMs]);
}
