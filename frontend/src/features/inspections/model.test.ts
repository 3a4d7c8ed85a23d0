import { describe, expect, it } from 'vitest';
import type { PlaceView, TaskView, TemplateItem, TemplateView } from './api/types';
import { base64Of, decodedSize, expectedResult, firstOpen, inspectionBody, isAnswered, lateness, missingForFail, progress, recheckable, walkOrder } from './model';

const item = (id: string, position: number, parentId?: string): TemplateItem => ({ id, position, parentId, text: `item ${id}`, severity: parentId ? 'MINOR' : 'MAJOR' });
const ITEMS = [item('c', 3, 'a'), item('a', 1), item('b', 2, 'a'), item('d', 4)];
const task = (id: string, itemId: string, extra: Partial<TaskView> = {}): TaskView => ({
  id,
  kind: 'RECTIFY',
  placeKind: 'AREA',
  placeId: 'p',
  placeName: '幸福里',
  itemId,
  dueAt: '2026-12-07T00:00:00Z',
  status: 'OPEN',
  ...extra,
});

describe('inspection rules on the phone', () => {
  it('a FAIL needs its reason and responsible person; PASS and NA need nothing more', () => {
    expect(missingForFail({ result: 'FAIL' })).toEqual(['reason', 'responsibleName']);
    expect(missingForFail({ result: 'FAIL', reason: '  ', responsibleName: '张三' })).toEqual(['reason']);
    expect(missingForFail({ result: 'FAIL', reason: '未登记', responsibleName: '' })).toEqual(['responsibleName']);
    expect(isAnswered({ result: 'FAIL', reason: '未登记', responsibleName: '张三' })).toBe(true);
    expect(isAnswered({ result: 'FAIL', reason: '未登记' })).toBe(false);
    expect(isAnswered({ result: 'PASS' })).toBe(true);
    expect(isAnswered({ result: 'NA' })).toBe(true);
    expect(isAnswered(undefined)).toBe(false);
  });

  it('walks items by position, and a recheck walks the rechecked items first', () => {
    expect(walkOrder(ITEMS).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(walkOrder(ITEMS, new Set(['d', 'b'])).map((i) => i.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('counts progress as items answered out of all, and finds the first one left', () => {
    const walk = walkOrder(ITEMS);
    const drafts = { a: { result: 'PASS' as const }, b: { result: 'FAIL' as const }, c: { result: 'NA' as const } };
    expect(progress(walk, drafts)).toEqual({ done: 2, total: 4 });
    expect(firstOpen(walk, drafts)).toBe(1); // b failed without a reason
    expect(firstOpen(walk, { ...drafts, b: { result: 'FAIL', reason: 'x', responsibleName: 'y' }, d: { result: 'PASS' } })).toBe(-1);
  });

  it('rechecks only open rectification findings that name an item', () => {
    const tasks = [task('t1', 'a'), task('t2', 'b', { status: 'OVERDUE' }), task('t3', 'c', { status: 'CLOSED' }), task('t4', '', { kind: 'FIRST_CHECK', itemId: null })];
    expect(recheckable(tasks).map((t) => t.id)).toEqual(['t1', 't2']);
    expect(recheckable(undefined)).toEqual([]);
  });

  it('builds the body: every item once in template order, reasons only on FAILs, the PNG without its data-URL prefix', () => {
    const place: PlaceView = { placeKind: 'AREA', placeId: 'p', name: '幸福里', placeType: 'COMPOUND', areaId: 'z', areaName: '人民路' };
    const template = { id: 'tpl', items: ITEMS } as TemplateView;
    const body = inspectionBody({
      place,
      template,
      drafts: { a: { result: 'PASS', reason: 'left over' }, b: { result: 'FAIL', reason: ' 未测温 ', responsibleName: '张三' }, c: { result: 'NA' }, d: { result: 'PASS' } },
      recheckOf: [task('t1', 'b')],
      note: '  ',
      signOff: { name: ' 李四 ', phone: '13800000000', signature: 'data:image/png;base64,iVBORw0KGgo=', responsibleUser: '' },
      inspectedAt: new Date('2026-12-07T02:00:00Z'),
    });
    expect(body).toEqual({
      placeKind: 'AREA',
      placeId: 'p',
      templateId: 'tpl',
      inspectedAt: '2026-12-07T02:00:00.000Z',
      answers: [
        { itemId: 'a', result: 'PASS', reason: null, responsibleName: null },
        { itemId: 'b', result: 'FAIL', reason: '未测温', responsibleName: '张三' },
        { itemId: 'c', result: 'NA', reason: null, responsibleName: null },
        { itemId: 'd', result: 'PASS', reason: null, responsibleName: null },
      ],
      recheckOf: ['t1'],
      note: null,
      signOff: { name: '李四', phone: '13800000000', signaturePng: 'iVBORw0KGgo=' },
      responsibleUser: null,
    });
  });

  it('says FAILED as soon as one item failed', () => {
    expect(expectedResult({ a: { result: 'PASS' }, b: { result: 'NA' } })).toBe('PASSED');
    expect(expectedResult({ a: { result: 'PASS' }, b: { result: 'FAIL' } })).toBe('FAILED');
  });

  it('measures a signature as decoded bytes and lateness in days and hours', () => {
    expect(base64Of('data:image/png;base64,QUJD')).toBe('QUJD');
    expect(decodedSize('QUJD')).toBe(3);
    expect(decodedSize('QUI=')).toBe(2);
    expect(lateness('2026-12-05T00:00:00Z', new Date('2026-12-06T05:30:00Z'))).toEqual({ days: 1, hours: 5 });
    expect(lateness('2026-12-06T05:00:00Z', new Date('2026-12-06T05:10:00Z'))).toEqual({ days: 0, hours: 1 });
  });
});
