/**
 * The pool (one tube) a worker is filling: the people the server already holds for the barcode,
 * plus those still waiting in this device's offline queue. Pure, so the screen and its tests
 * agree on when a pool is full.
 */
export interface PoolMember {
  /** The sample's client id (also the server's sample id). */
  sampleId: string;
  name: string;
  residentId?: string;
  kind: 'ORDINARY' | 'RETEST' | 'MAKEUP';
  /** Only in this device's queue so far. */
  pending: boolean;
  /** The server refused it (it sits in "needs attention"): not counted in the pool. */
  rejected?: boolean;
  flagReason?: string;
}

export interface PoolState {
  members: PoolMember[];
  /** People counted in the tube: stored or waiting to be sent. */
  count: number;
  capacity: number;
  full: boolean;
  closed: boolean;
  /** Free places left. */
  left: number;
}

/** Barcodes the server accepts (4 to 64 letters, digits or dashes). */
export const BARCODE = /^[A-Za-z0-9-]{4,64}$/;

export const normaliseBarcode = (raw: string): string => raw.trim();

export const isBarcode = (raw: string): boolean => BARCODE.test(normaliseBarcode(raw));

/**
 * Merges the server's members with this device's queued ones (a queued entry the server already
 * stored appears once, as stored) and says whether the pool is full. `outOfReach` are members the
 * server counts but does not show this worker (a central site's pool shared with other cells).
 */
export function poolState(stored: PoolMember[], queued: PoolMember[], capacity: number, serverStatus?: string, outOfReach = 0): PoolState {
  const seen = new Set(stored.map((m) => m.sampleId));
  const members = [...stored, ...queued.filter((m) => !seen.has(m.sampleId))];
  const count = members.filter((m) => !m.rejected).length + outOfReach;
  const closed = serverStatus === 'CLOSED';
  return { members, count, capacity, full: count >= capacity, closed, left: Math.max(0, capacity - count) };
}

/**
 * Whether a person may still be added: a free place, an open pool, and not the same resident twice
 * in this tube (the server would refuse it: already-in-pool).
 */
export function canAdd(state: PoolState, residentId?: string): { ok: true } | { ok: false; reason: 'full' | 'closed' | 'already' } {
  if (state.closed) return { ok: false, reason: 'closed' };
  if (state.full) return { ok: false, reason: 'full' };
  if (residentId && state.members.some((m) => !m.rejected && m.residentId === residentId)) return { ok: false, reason: 'already' };
  return { ok: true };
}
