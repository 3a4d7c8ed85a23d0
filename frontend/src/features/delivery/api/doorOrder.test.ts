import { describe, expect, it } from 'vitest';
import { byDoor, doorLabel, inDoorOrder, naturalCompare } from './doorOrder';

describe('door order', () => {
  it('compares labels naturally', () => {
    expect(naturalCompare('2-101', '10-101')).toBeLessThan(0);
    expect(naturalCompare('1-401', '1-1201')).toBeLessThan(0);
    expect(naturalCompare('1-1201', '1-401')).toBeGreaterThan(0);
    expect(naturalCompare('007', '7')).toBe(0);
    expect(naturalCompare('1-40', '1-40A')).toBeLessThan(0);
    expect(naturalCompare(undefined, '1')).toBeGreaterThan(0);
    expect(naturalCompare('1', null)).toBeLessThan(0);
  });

  it('orders a sheet by compound, then building, then door, as the API does', () => {
    const stops = [
      { compound: '阳光小区', building: '10栋', door: '2-101' },
      { compound: '阳光小区', building: '2栋', door: '10-101' },
      { compound: '阳光小区', building: '2栋', door: '2-101' },
      { compound: 'XQ10', building: '1栋', door: '101' },
      { compound: 'XQ2', building: '1栋', door: '1-1201' },
      { compound: 'XQ2', building: '1栋', door: '1-401' },
      { compound: null, building: null, door: null },
    ];
    expect(inDoorOrder(stops).map(doorLabel)).toEqual([
      'XQ2 1栋 1-401',
      'XQ2 1栋 1-1201',
      'XQ10 1栋 101',
      '阳光小区 2栋 2-101',
      '阳光小区 2栋 10-101',
      '阳光小区 10栋 2-101',
      '',
    ]);
    expect(stops[0]).toEqual({ compound: '阳光小区', building: '10栋', door: '2-101' });
    expect(byDoor({ door: '3' }, { door: '3' })).toBe(0);
  });
});
