export { OfflineQueue, offlineQueue, resetOfflineQueues, type BatchOutcome, type FlushReport, type OfflineQueueOptions, type QueueSnapshot } from './offlineQueue';
export { closeStores, type EntryState, type QueueEntry, type Reason } from './store';
export { SYNC_INTERVAL_MS, startQueueSync, useQueueSnapshot, useQueueSync } from './useOfflineQueue';
export { retryLater, sendEachOnce } from './sendEachOnce';
