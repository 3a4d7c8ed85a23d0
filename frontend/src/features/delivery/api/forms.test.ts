import { describe, expect, it } from 'vitest';
import { deliveryBody, halfLine, receivedBy, runBody, tapBody } from './forms';

describe('delivery forms', () => {
  it('names who received it by a quick choice or by the words typed under other', () => {
    expect(receivedBy({ receiver: '家属' })).toBe('家属');
    expect(receivedBy({ receiver: 'other', receiverOther: '  物业王师傅 ' })).toBe('物业王师傅');
    expect(receivedBy({ receiver: 'other', receiverOther: '  ' })).toBeUndefined();
    expect(receivedBy({})).toBeUndefined();
  });

  it('sends a delivery with the filled item lines only and no blank note', () => {
    expect(
      deliveryBody('n1', { receiver: '本人', items: [{ itemId: 'mask', quantity: 5 }, { itemId: 'rice' }, {}, { itemId: 'gel', quantity: 0 }], note: ' ' }),
    ).toEqual({ needId: 'n1', outcome: 'DELIVERED', receivedBy: '本人', items: [{ itemId: 'mask', quantity: 5 }] });
    expect(deliveryBody('n1', { receiver: '邻居', note: ' 放门口 ' })).toEqual({
      needId: 'n1',
      outcome: 'DELIVERED',
      receivedBy: '邻居',
      items: [],
      note: '放门口',
    });
  });

  it('finds a half-filled item line instead of sending nothing for it', () => {
    expect(halfLine({ items: [{ itemId: 'mask', quantity: 2 }, {}] })).toBeNull();
    expect(halfLine({ items: [{ itemId: 'mask', quantity: 2 }, { quantity: 2 }] })).toEqual({ index: 1, missing: 'itemId' });
    expect(halfLine({ items: [{ itemId: 'rice' }] })).toEqual({ index: 0, missing: 'quantity' });
    expect(halfLine({ items: [{ itemId: 'gel', quantity: 0 }] })).toEqual({ index: 0, missing: 'quantity' });
    expect(halfLine({})).toBeNull();
  });

  it('makes the one-tap drops and a run of the chosen needs', () => {
    expect(tapBody('n2', 'NOBODY_HOME')).toEqual({ needId: 'n2', outcome: 'NOBODY_HOME' });
    expect(runBody({ name: ' 3号楼 上午 ', date: '2026-12-07', placeId: 'p1', carriers: [' worker1 ', ''] }, ['a', 'b'])).toEqual({
      name: '3号楼 上午',
      date: '2026-12-07',
      placeId: 'p1',
      needIds: ['a', 'b'],
      carriers: ['worker1'],
    });
  });
});
