import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProblemError } from '../api/problem';
import { OfflineQueue, resetOfflineQueues, type BatchOutcome } from './offlineQueue';
import { startQueueSync } from './useOfflineQueue';
import { closeStores } from './store';

interface Item {
  id: string;
  temperature: number;
}

/** A fake batch endpoint with the server's rules: an id is stored once; temperatures outside 34–43 are rejected. */
function fakeServer() {
  const stored = new Map<string, Item>();
  const calls: Item[][] = [];
  let down = false;
  const sendBatch = vi.fn((items: Item[]): Promise<BatchOutcome[]> => {
    calls.push(items);
    if (down) return Promise.reject(new ProblemError({ type: 'about:network', title: 'Network error', status: 0, errors: [] }));
    return Promise.resolve(items.map((item, index) => {
      if (item.temperature < 34 || item.temperature > 43) {
        return { index, id: item.id, status: 'REJECTED', errors: [{ field: 'temperature', message: 'must be between 34.0 and 43.0' }] };
      }
      if (stored.has(item.id)) return { index, id: item.id, status: 'DUPLICATE', errors: [] };
      stored.set(item.id, item);
      return { index, id: item.id, status: 'CREATED', errors: [] };
    }));
  });
  return {
    stored,
    calls,
    sendBatch,
    setDown: (d: boolean) => {
      down = d;
    },
  };
}

let dbName: string;
const queueFor = (server: ReturnType<typeof fakeServer>, owner = 'sub-worker1', maxBatch?: number) =>
  new OfflineQueue<Item, { label: string }>({ name: 'temperature-checks', owner, idOf: (i) => i.id, sendBatch: server.sendBatch, dbName, maxBatch });

const item = (temperature: number): Item => ({ id: crypto.randomUUID(), temperature });

beforeEach(() => {
  dbName = `test-${crypto.randomUUID()}`;
});

afterEach(async () => {
  resetOfflineQueues();
  await closeStores();
});

describe('OfflineQueue', () => {
  it('keeps entries with their ids across a reload (a new queue object on the same database)', async () => {
    const server = fakeServer();
    const a = item(36.5);
    const b = item(38.1);
    const q1 = queueFor(server);
    await q1.enqueue(a, { label: 'A' });
    await q1.enqueue(b, { label: 'B' });
    q1.close();

    const q2 = queueFor(server);
    const entries = await q2.entries();
    expect(entries.map((e) => e.id)).toEqual([a.id, b.id]);
    expect(entries.map((e) => e.meta?.label)).toEqual(['A', 'B']);
    expect(entries.every((e) => e.state === 'waiting')).toBe(true);
    expect(server.sendBatch).not.toHaveBeenCalled();
  });

  it('sends waiting entries in one batch and removes created and duplicate ones', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    const a = item(36.5);
    const b = item(36.6);
    server.stored.set(b.id, b); // already stored earlier: its answer was lost on the way
    await q.enqueue(a);
    await q.enqueue(b);

    const report = await q.flush();

    expect(server.calls).toEqual([[a, b]]);
    expect(report.error).toBeUndefined();
    expect(report.results.get(a.id)?.status).toBe('CREATED');
    expect(report.results.get(b.id)?.status).toBe('DUPLICATE');
    expect(await q.entries()).toEqual([]);
    expect(q.getSnapshot()).toMatchObject({ loaded: true, waiting: [], attention: [] });
    expect(server.stored.size).toBe(2);
  });

  it('leaves everything waiting when the network is down, and sends it later without duplicates', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    const items = [item(36.4), item(36.5), item(38.2)];
    for (const i of items) await q.enqueue(i);
    server.setDown(true);

    const failed = await q.flush();
    expect(failed.error).toBeInstanceOf(ProblemError);
    const waiting = await q.entries();
    expect(waiting).toHaveLength(3);
    expect(waiting.every((e) => e.attempts === 1 && e.lastError?.startsWith('network'))).toBe(true);

    server.setDown(false);
    await q.flush();
    await q.flush(); // nothing left to send
    expect(server.stored.size).toBe(3);
    expect(server.calls).toHaveLength(2);
    expect(await q.entries()).toEqual([]);
  });

  it('moves a rejected entry to "needs attention" with the reason, never drops it, and re-queues the fix with the same id', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    const good = item(36.5);
    const bad = item(3.65); // a slip on the pad
    await q.enqueue(good);
    await q.enqueue(bad, { label: 'visitor' });

    await q.flush();
    expect(server.stored.has(good.id)).toBe(true);
    const snap = q.getSnapshot();
    expect(snap.waiting).toEqual([]);
    expect(snap.attention).toHaveLength(1);
    expect(snap.attention[0]).toMatchObject({ id: bad.id, state: 'attention', meta: { label: 'visitor' } });
    expect(snap.attention[0]?.reasons).toEqual([{ field: 'temperature', message: 'must be between 34.0 and 43.0' }]);

    // A flush does not send it again while it needs attention.
    await q.flush();
    expect(server.calls).toHaveLength(1);

    await expect(q.requeue(bad.id, { id: crypto.randomUUID(), temperature: 36.5 })).rejects.toThrow(/keeps its id/);
    await q.requeue(bad.id, { ...bad, temperature: 36.5 });
    expect(q.getSnapshot().waiting.map((e) => e.id)).toEqual([bad.id]);
    await q.flush();
    expect(server.stored.get(bad.id)?.temperature).toBe(36.5);
    expect(await q.entries()).toEqual([]);
  });

  it('discards only entries that need attention, on the worker’s decision', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    const waiting = item(36.5);
    const bad = item(50);
    await q.enqueue(bad);
    await q.flush();
    await q.enqueue(waiting);

    await expect(q.discard(waiting.id)).rejects.toThrow(/needs attention/);
    await q.discard(bad.id);
    expect((await q.entries()).map((e) => e.id)).toEqual([waiting.id]);
  });

  it('keeps two users’ entries apart on one device', async () => {
    const server = fakeServer();
    const mine = queueFor(server, 'sub-worker1');
    const theirs = queueFor(server, 'sub-worker2');
    const a = item(36.5);
    const b = item(36.6);
    await mine.enqueue(a);
    await theirs.enqueue(b);

    expect((await mine.entries()).map((e) => e.id)).toEqual([a.id]);
    await mine.flush();
    expect(server.calls).toEqual([[a]]);
    expect((await theirs.entries()).map((e) => e.id)).toEqual([b.id]);
  });

  it('treats the same id entered twice (a double tap) as one entry', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    const a = item(36.5);
    await q.enqueue(a);
    await q.enqueue({ ...a });
    expect(await q.entries()).toHaveLength(1);
  });

  it('sends in batches of maxBatch and keeps the rest when a later batch fails', async () => {
    const server = fakeServer();
    const q = queueFor(server, 'sub-worker1', 2);
    const items = [item(36.1), item(36.2), item(36.3), item(36.4), item(36.5)];
    for (const i of items) await q.enqueue(i);
    server.sendBatch.mockImplementationOnce(server.sendBatch.getMockImplementation()!).mockRejectedValueOnce(new ProblemError({ type: 'about:server', title: 'Bad gateway', status: 502, errors: [] }));

    const report = await q.flush();
    expect(report.error).toBeDefined();
    expect(server.stored.size).toBe(2);
    expect((await q.entries()).map((e) => e.id)).toEqual(items.slice(2).map((i) => i.id));

    await q.flush();
    expect(server.stored.size).toBe(5);
    expect(server.sendBatch.mock.calls.map(([batch]) => batch.length)).toEqual([2, 2, 2, 1]);
  });

  it('keeps an item the server gave no result for', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    const a = item(36.5);
    await q.enqueue(a);
    server.sendBatch.mockResolvedValueOnce([]);
    await q.flush();
    expect((await q.entries())[0]).toMatchObject({ id: a.id, state: 'waiting', attempts: 1 });
  });

  it('runs one flush at a time: concurrent calls join it and send each entry once', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    await q.enqueue(item(36.5));
    await Promise.all([q.flush(), q.flush(), q.flush()]);
    expect(server.calls).toHaveLength(1);
  });
});

describe('startQueueSync', () => {
  it('sends at start, when the network comes back, and on the timer while entries wait', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    server.setDown(true);
    await q.enqueue(item(36.5));
    const flush = vi.spyOn(q, 'flush');
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const stop = startQueueSync(q as OfflineQueue<unknown, unknown>, 1000);
      expect(flush).toHaveBeenCalledTimes(1); // app start
      await vi.waitFor(() => expect(q.getSnapshot().waiting[0]?.attempts).toBe(1));

      await vi.advanceTimersByTimeAsync(1000); // still waiting: the timer tries again
      expect(flush).toHaveBeenCalledTimes(2);
      await vi.waitFor(() => expect(q.getSnapshot().waiting[0]?.attempts).toBe(2));

      server.setDown(false);
      window.dispatchEvent(new Event('online'));
      expect(flush).toHaveBeenCalledTimes(3);
      await vi.waitFor(() => expect(q.getSnapshot().waiting).toEqual([]));

      await vi.advanceTimersByTimeAsync(3000); // nothing waits: no more sends
      expect(flush).toHaveBeenCalledTimes(3);
      stop();
      window.dispatchEvent(new Event('online'));
      expect(flush).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
  it('sends an entry added while a flush is running right after it, not at the next timer', async () => {
    const server = fakeServer();
    const q = queueFor(server);
    const a = item(36.5);
    const b = item(36.6);
    await q.enqueue(a);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const send = server.sendBatch.getMockImplementation()!;
    server.sendBatch.mockImplementationOnce(async (items: Item[]) => {
      await gate;
      return send(items);
    });
    const first = q.flush();
    await q.enqueue(b);
    const second = q.flush();
    release();
    await first;
    await second;
    expect(server.calls.map((c) => c.map((i) => i.id))).toEqual([[a.id], [b.id]]);
    expect([...server.stored.keys()]).toEqual([a.id, b.id]);
  });
});
