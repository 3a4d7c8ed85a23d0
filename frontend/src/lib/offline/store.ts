import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** One reason the server gave for refusing an item (a field and a message, as in problem+json errors[]). */
export interface Reason {
  field?: string;
  message?: string;
}

/** waiting: still to be sent; attention: the server rejected it, the worker fixes or discards it. */
export type EntryState = 'waiting' | 'attention';

/** One entry of an offline queue, as stored in IndexedDB. */
export interface QueueEntry<T = unknown, M = unknown> {
  /** Primary key: queue name, owner and id (see entryKey). */
  key: string;
  queue: string;
  /** The OIDC `sub` of the user who entered it: two users on one phone never see or send each other's entries. */
  owner: string;
  /** The client-generated id (crypto.randomUUID) the server uses as idempotency key; kept across edits. */
  id: string;
  /** The request body of one batch item, exactly as it is sent. */
  payload: T;
  /** What the screen shows about the entry (never sent). */
  meta?: M;
  state: EntryState;
  /** Epoch ms of the first enqueue: entries are sent and listed in this order. */
  createdAt: number;
  /** Sends tried while waiting. */
  attempts: number;
  /** The last failure to reach the server (network down, 5xx, expired login): the entry stays waiting. */
  lastError?: string;
  /** The server's reasons when it rejected the entry (state attention). */
  reasons?: Reason[];
  rejectedAt?: number;
}

interface OfflineDb extends DBSchema {
  entries: {
    key: string;
    value: QueueEntry;
    indexes: { byQueueOwner: [string, string] };
  };
}

export const DEFAULT_DB_NAME = 'gridguard-offline';

export const entryKey = (queue: string, owner: string, id: string) => `${queue}|${owner}|${id}`;

const connections = new Map<string, Promise<IDBPDatabase<OfflineDb>>>();

/** One IndexedDB database holds every queue; entries are keyed by queue, owner and id. */
export function openStore(dbName = DEFAULT_DB_NAME): Promise<IDBPDatabase<OfflineDb>> {
  let db = connections.get(dbName);
  if (!db) {
    db = openDB<OfflineDb>(dbName, 1, {
      upgrade(database) {
        const entries = database.createObjectStore('entries', { keyPath: 'key' });
        entries.createIndex('byQueueOwner', ['queue', 'owner']);
      },
      // Another tab upgraded the schema: let it, and reopen on the next call.
      blocking() {
        void db?.then((d) => d.close());
        connections.delete(dbName);
      },
      terminated() {
        connections.delete(dbName);
      },
    });
    connections.set(dbName, db);
    db.catch(() => connections.delete(dbName));
  }
  return db;
}

/** Closes and forgets the cached connections (tests delete the database between cases). */
export async function closeStores(): Promise<void> {
  const all = [...connections.values()];
  connections.clear();
  await Promise.all(all.map(async (d) => (await d).close()));
}
