import { describe, expect, it } from 'vitest';
import { canAdd, isBarcode, poolState, type PoolMember } from './pool';

const m = (sampleId: string, extra: Partial<PoolMember> = {}): PoolMember => ({ sampleId, name: sampleId, kind: 'ORDINARY', pending: false, ...extra });

describe('pool filling', () => {
  it('counts stored and queued people once each and is full at its capacity', () => {
    const stored = [m('a', { residentId: 'r1' }), m('b', { residentId: 'r2' })];
    // 'b' was queued and already stored: the server's copy wins, it is not counted twice
    const queued = [m('b', { pending: true, residentId: 'r2' }), m('c', { pending: true, residentId: 'r3' })];
    const s = poolState(stored, queued, 3);
    expect(s.members.map((x) => x.sampleId)).toEqual(['a', 'b', 'c']);
    expect(s.members[1]?.pending).toBe(false);
    expect(s.count).toBe(3);
    expect(s.full).toBe(true);
    expect(s.left).toBe(0);
    expect(canAdd(s, 'r4')).toEqual({ ok: false, reason: 'full' });
  });

  it('does not count a refused entry, so its place is free again', () => {
    const s = poolState([m('a')], [m('x', { pending: true, rejected: true })], 2);
    expect(s.count).toBe(1);
    expect(s.full).toBe(false);
    expect(canAdd(s).ok).toBe(true);
  });

  it('refuses the same resident twice in one tube, but not a visitor or another resident', () => {
    const s = poolState([m('a', { residentId: 'r1' })], [], 10);
    expect(canAdd(s, 'r1')).toEqual({ ok: false, reason: 'already' });
    expect(canAdd(s, 'r2').ok).toBe(true);
    expect(canAdd(s).ok).toBe(true);
  });

  it('a pool closed by hand takes no one, even with free places', () => {
    const s = poolState([m('a')], [], 10, 'CLOSED');
    expect(s.closed).toBe(true);
    expect(s.full).toBe(false);
    expect(canAdd(s, 'r9')).toEqual({ ok: false, reason: 'closed' });
  });

  it('counts the members the server does not show this worker (a shared site pool)', () => {
    const s = poolState([m('a')], [m('x', { pending: true })], 5, 'OPEN', 3);
    expect(s.count).toBe(5);
    expect(s.full).toBe(true);
    expect(s.left).toBe(0);
  });

  it('a pool of one is full with its first person', () => {
    expect(poolState([], [m('a', { pending: true })], 1).full).toBe(true);
  });

  it('accepts barcodes of 4 to 64 letters, digits or dashes (trimmed)', () => {
    expect(isBarcode(' TB-2022-0001 ')).toBe(true);
    expect(isBarcode('abc')).toBe(false);
    expect(isBarcode('TB 0001')).toBe(false);
    expect(isBarcode('A'.repeat(65))).toBe(false);
  });
});
