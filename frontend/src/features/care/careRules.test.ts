import { describe, expect, it } from 'vitest';
import { addressOf, missedPlans, planFlag, toggleNeed, visitBody } from './careRules';
import type { CarePlan } from './api/care';

const plan = (p: Partial<CarePlan>) => ({ status: 'ACTIVE', visitMissed: false, deliveryMissed: false, nextVisitDue: '2026-12-08', ...p }) as CarePlan;

describe('care rules', () => {
  it('flags a plan missed, due or fine for today', () => {
    expect(planFlag(plan({ visitMissed: true }), '2026-12-07')).toBe('missed');
    expect(planFlag(plan({ deliveryMissed: true }), '2026-12-07')).toBe('missed');
    expect(planFlag(plan({ nextVisitDue: '2026-12-07' }), '2026-12-07')).toBe('due');
    expect(planFlag(plan({ nextVisitDue: '2026-12-06' }), '2026-12-07')).toBe('due');
    expect(planFlag(plan({}), '2026-12-07')).toBe('ok');
    expect(planFlag(plan({ status: 'ENDED', visitMissed: true }), '2026-12-07')).toBe('ok');
  });

  it('keeps only active plans with a missed cadence in the missed list', () => {
    const a = plan({ id: 'a', visitMissed: true });
    const b = plan({ id: 'b' });
    const c = plan({ id: 'c', status: 'ENDED', deliveryMissed: true });
    const d = plan({ id: 'd', deliveryMissed: true });
    expect(missedPlans([a, b, c, d]).map((p) => p.id)).toEqual(['a', 'd']);
  });

  it('builds the visit body: no blank note, routine needs unless medicine for somebody who needs help', () => {
    expect(visitBody({ mode: 'PHONE', condition: 'WELL', note: '  ', needs: [] })).toEqual({ mode: 'PHONE', condition: 'WELL' });
    expect(
      visitBody({
        mode: 'DOOR',
        condition: 'NEEDS_HELP',
        note: ' 腿疼 ',
        needs: [{ kind: 'MEDICINE', detail: ' 降压药 ' }, { kind: 'FOOD' }, { kind: 'OTHER', urgency: 'URGENT_MEDICAL', detail: '' }],
      }),
    ).toEqual({
      mode: 'DOOR',
      condition: 'NEEDS_HELP',
      note: '腿疼',
      needs: [
        { kind: 'MEDICINE', urgency: 'TODAY', detail: '降压药' },
        { kind: 'FOOD', urgency: 'ROUTINE' },
        { kind: 'OTHER', urgency: 'URGENT_MEDICAL' },
      ],
    });
    expect(visitBody({ mode: 'PHONE', condition: 'WELL', needs: [{ kind: 'MEDICINE' }] }).needs).toEqual([{ kind: 'MEDICINE', urgency: 'ROUTINE' }]);
  });

  it('toggles a need with one tap each way and writes the address on one line', () => {
    expect(toggleNeed([], 'FOOD')).toEqual([{ kind: 'FOOD' }]);
    expect(toggleNeed([{ kind: 'FOOD' }, { kind: 'MEDICINE' }], 'FOOD')).toEqual([{ kind: 'MEDICINE' }]);
    expect(addressOf({ compound: '燕泉小区', building: '3栋', doorNumber: '502' })).toBe('燕泉小区 3栋 502');
    expect(addressOf({ compound: '燕泉小区' })).toBe('燕泉小区');
  });
});
