import { ProblemError } from '../api/problem';
import { DEFAULT_DB_NAME, entryKey, openStore, type QueueEntry, type Reason } from './store';

/** One item's answer from a batch endpoint (common.BatchResult on the server). */
export interface BatchOutcome {
  id?: string;
  index?: number;
  status?: 'CREATED' | 'DUPLICATE' | 'UPDATED' | 'REJECTED';
  errors?: Reason[];
  /** An alert the item opened or joined (a fever reading's FEVER alert). */
  alertId?: string;
}

export interface OfflineQueueOptions<T> {
  /** The queue's name, e.g. 'temperature-checks'; one name per batch endpoint. */
  name: string;
  /** The signed-in user's OIDC `sub` (not the token: entries survive a re-login, and stay per user). */
  owner: string;
  /** The item's client-generated id inside its payload (the server's idempotency key). */
  idOf: (payload: T) => string;
  /** Posts the payloads to the batch endpoint and returns its per-item results. Throws when the server was not reached or refused the whole batch. */
  sendBatch: (payloads: T[]) => Promise<BatchOutcome[]>;
  /** At most this many items per request (the server takes up to 1,000). */
  maxBatch?: number;
  dbName?: string;
}

export interface QueueSnapshot<T = unknown, M = unknown> {
  loaded: boolean;
  waiting: QueueEntry<T, M>[];
  attention: QueueEntry<T, M>[];
}

export interface FlushReport {
  /** Items the server answered for, by id. */
  results: Map<string, BatchOutcome>;
  /** Set when the server could not be reached (or refused the batch): those items stay waiting. */
  error?: unknown;
}

let lastStamp = 0;
/** Epoch ms, strictly increasing in this tab, so entries made in the same millisecond keep their order. */
const nextStamp = () => (lastStamp = Math.max(Date.now(), lastStamp + 1));

const EMPTY: QueueSnapshot = { loaded: false, waiting: [], attention: [] };

const describe = (error: unknown): string =>
  error instanceof ProblemError ? `${error.status || 'network'}: ${error.detail ?? error.title}` : error instanceof Error ? error.message : String(error);

/**
 * A durable queue of batch items in IndexedDB, for screens that must work without a network
 * (temperature checks at a gate, nucleic-acid sampling). Every entry keeps the id it got when it
 * was entered, so sending it twice (a retry, a lost answer, two tabs) is answered DUPLICATE by
 * the server and never stored twice.
 *
 * CREATED, UPDATED and DUPLICATE remove the entry; REJECTED moves it to the "needs attention"
 * list with the server's reasons, where the worker fixes it (re-queued with the same id: a
 * rejected item was not stored, so the id is still free) or discards it. A network failure or an
 * error answer for the whole batch leaves everything waiting. Nothing is ever dropped silently.
 */
export class OfflineQueue<T, M = unknown> {
  readonly name: string;
  readonly owner: string;
  private readonly options: OfflineQueueOptions<T>;
  private readonly listeners = new Set<() => void>();
  private snapshot: QueueSnapshot<T, M> = EMPTY as QueueSnapshot<T, M>;
  private inFlight: Promise<FlushReport> | undefined;
  private followUp: Promise<FlushReport> | undefined;
  private readonly channel: BroadcastChannel | undefined;
  private closed = false;

  constructor(options: OfflineQueueOptions<T>) {
    this.options = { maxBatch: 200, dbName: DEFAULT_DB_NAME, ...options };
    this.name = options.name;
    this.owner = options.owner;
    // Other tabs of the app change the same store: refresh when they say so.
    this.channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`gg-offline:${this.name}:${this.owner}`);
    if (this.channel) this.channel.onmessage = () => void this.refresh(false);
    void this.refresh(false);
  }

  private db() {
    return openStore(this.options.dbName);
  }

  /** Adds an item (its id is read from the payload) and returns the stored entry. */
  async enqueue(payload: T, meta?: M): Promise<QueueEntry<T, M>> {
    const id = this.options.idOf(payload);
    if (!id) throw new Error('an offline entry needs its client-generated id');
    const entry: QueueEntry<T, M> = {
      key: entryKey(this.name, this.owner, id),
      queue: this.name,
      owner: this.owner,
      id,
      payload,
      meta,
      state: 'waiting',
      createdAt: nextStamp(),
      attempts: 0,
    };
    const db = await this.db();
    const tx = db.transaction('entries', 'readwrite');
    const existing = (await tx.store.get(entry.key)) as QueueEntry<T, M> | undefined;
    // The same id twice is the same entry (a double tap): keep the first.
    if (!existing) await tx.store.put(entry);
    await tx.done;
    await this.refresh();
    return existing ?? entry;
  }

  /** Every entry of this queue and owner, oldest first. */
  async entries(): Promise<QueueEntry<T, M>[]> {
    const db = await this.db();
    const all = (await db.getAllFromIndex('entries', 'byQueueOwner', [this.name, this.owner])) as QueueEntry<T, M>[];
    return all.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  /**
   * Puts a corrected entry from "needs attention" back in the waiting line. The id must stay
   * the same: the server never stored the rejected item, so the id is free, and an answer that
   * was lost on the way cannot turn into a second row.
   */
  async requeue(id: string, payload: T, meta?: M): Promise<void> {
    if (this.options.idOf(payload) !== id) throw new Error('a corrected entry keeps its id');
    const db = await this.db();
    const tx = db.transaction('entries', 'readwrite');
    const key = entryKey(this.name, this.owner, id);
    const entry = (await tx.store.get(key)) as QueueEntry<T, M> | undefined;
    if (!entry) throw new Error('no such entry');
    await tx.store.put({ ...entry, payload, meta: meta ?? entry.meta, state: 'waiting', reasons: undefined, rejectedAt: undefined, lastError: undefined });
    await tx.done;
    await this.refresh();
  }

  /** Removes an entry the worker decided not to send (only entries that need attention). */
  async discard(id: string): Promise<void> {
    const db = await this.db();
    const tx = db.transaction('entries', 'readwrite');
    const key = entryKey(this.name, this.owner, id);
    const entry = (await tx.store.get(key));
    if (entry && entry.state !== 'attention') throw new Error('only an entry that needs attention can be discarded');
    if (entry) await tx.store.delete(key);
    await tx.done;
    await this.refresh();
  }

  /**
   * Sends every waiting entry through the batch endpoint, in batches of maxBatch. One flush at a
   * time per queue: a call while one runs is answered by one more flush right after it, because an
   * entry added meanwhile was not in the running flush's snapshot and must not wait for the timer.
   */
  flush(): Promise<FlushReport> {
    if (this.inFlight) {
      this.followUp ??= this.inFlight.then(() => {
        this.followUp = undefined;
        return this.flush();
      });
      return this.followUp;
    }
    this.inFlight = this.doFlush().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async doFlush(): Promise<FlushReport> {
    const results = new Map<string, BatchOutcome>();
    const waiting = (await this.entries()).filter((e) => e.state === 'waiting');
    const size = this.options.maxBatch ?? 200;
    for (let i = 0; i < waiting.length; i += size) {
      const batch = waiting.slice(i, i + size);
      let outcomes: BatchOutcome[];
      try {
        outcomes = await this.options.sendBatch(batch.map((e) => e.payload));
      } catch (error) {
        await this.markFailed(batch, describe(error));
        await this.refresh();
        return { results, error };
      }
      await this.apply(batch, outcomes, results);
    }
    await this.refresh();
    return { results };
  }

  private async apply(batch: QueueEntry<T, M>[], outcomes: BatchOutcome[], results: Map<string, BatchOutcome>) {
    const byId = new Map(outcomes.filter((o) => o.id).map((o) => [o.id as string, o]));
    const db = await this.db();
    const tx = db.transaction('entries', 'readwrite');
    for (const [index, sent] of batch.entries()) {
      const outcome = byId.get(sent.id) ?? outcomes.find((o) => o.id === undefined && o.index === index);
      const current = (await tx.store.get(sent.key)) as QueueEntry<T, M> | undefined;
      if (!current || current.state !== 'waiting') continue;
      if (!outcome?.status) {
        // The server did not answer for this item: keep it for the next flush.
        await tx.store.put({ ...current, attempts: current.attempts + 1, lastError: 'no result for this item' });
        continue;
      }
      results.set(sent.id, outcome);
      if (outcome.status === 'REJECTED') {
        const reasons = outcome.errors?.length ? outcome.errors : [{ field: '', message: 'rejected' }];
        await tx.store.put({ ...current, state: 'attention', reasons, rejectedAt: Date.now(), attempts: current.attempts + 1, lastError: undefined });
      } else {
        await tx.store.delete(sent.key);
      }
    }
    await tx.done;
  }

  private async markFailed(batch: QueueEntry<T, M>[], message: string) {
    const db = await this.db();
    const tx = db.transaction('entries', 'readwrite');
    for (const sent of batch) {
      const current = (await tx.store.get(sent.key));
      if (current?.state === 'waiting') await tx.store.put({ ...current, attempts: current.attempts + 1, lastError: message });
    }
    await tx.done;
  }

  /** The entries as last read, for useSyncExternalStore. */
  getSnapshot = (): QueueSnapshot<T, M> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Re-reads the store and notifies the screens (and, after a local change, the other tabs). */
  async refresh(broadcast = true): Promise<QueueSnapshot<T, M>> {
    const all = await this.entries();
    this.snapshot = {
      loaded: true,
      waiting: all.filter((e) => e.state === 'waiting'),
      attention: all.filter((e) => e.state === 'attention'),
    };
    this.listeners.forEach((l) => l());
    if (broadcast && !this.closed) this.channel?.postMessage('changed');
    return this.snapshot;
  }

  close() {
    // a flush still running when the queue closes (a page left mid-send) must not post on the closed channel
    this.closed = true;
    this.channel?.close();
    this.listeners.clear();
  }
}

const queues = new Map<string, OfflineQueue<unknown, unknown>>();

/**
 * The one queue object per (name, owner) in this tab, so every screen and the background sync
 * share its flush lock and its snapshot. sendBatch and idOf come from the first caller.
 */
export function offlineQueue<T, M = unknown>(options: OfflineQueueOptions<T>): OfflineQueue<T, M> {
  const key = `${options.dbName ?? DEFAULT_DB_NAME}|${options.name}|${options.owner}`;
  let q = queues.get(key);
  if (!q) {
    q = new OfflineQueue<T, M>(options) as OfflineQueue<unknown, unknown>;
    queues.set(key, q);
  }
  return q as unknown as OfflineQueue<T, M>;
}

/** Forgets the shared queue objects (tests). */
export function resetOfflineQueues() {
  queues.forEach((q) => q.close());
  queues.clear();
}
