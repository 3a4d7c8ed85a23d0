import { describe, expect, it } from 'vitest';
import { DEFAULT_REMEMBERED, clockInZone, dayInZone, loadRemembered, parseTimes, roundProblems, saveRemembered } from './roundRules';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
}

describe('the disinfection record form rules', () => {
  it('accepts a round with an area and a concentration above 0 and an agent', () => {
    expect(roundProblems({ areaM2: 1200.5, agent: '含氯消毒剂 84', concentrationMgL: 500 })).toEqual({});
  });

  it('names each field that is missing, not above 0 or too precise', () => {
    expect(roundProblems({})).toEqual({ areaM2: 'required', agent: 'required', concentrationMgL: 'required' });
    expect(roundProblems({ areaM2: -5, agent: '  ', concentrationMgL: 0 })).toEqual({ areaM2: 'positive', agent: 'required', concentrationMgL: 'positive' });
    expect(roundProblems({ areaM2: 10.123, agent: '84', concentrationMgL: 500.001 })).toEqual({ areaM2: 'decimals', concentrationMgL: 'decimals' });
    expect(roundProblems({ areaM2: 0.01, agent: 'x'.repeat(101), concentrationMgL: 0.5 })).toEqual({ agent: 'tooLong' });
  });

  it('remembers the last agent and concentration, and falls back to 84 at 500 mg/L', () => {
    const storage = memoryStorage();
    expect(loadRemembered(storage)).toEqual(DEFAULT_REMEMBERED);
    saveRemembered({ agent: ' 过氧乙酸 ', concentrationMgL: 2000 }, storage);
    expect(loadRemembered(storage)).toEqual({ agent: '过氧乙酸', concentrationMgL: 2000 });
    storage.setItem('gg.disinfection.last', '{"agent":"","concentrationMgL":-1}');
    expect(loadRemembered(storage)).toEqual(DEFAULT_REMEMBERED);
    storage.setItem('gg.disinfection.last', 'not json');
    expect(loadRemembered(storage)).toEqual(DEFAULT_REMEMBERED);
  });

  it('counts days and times in Asia/Shanghai whatever the device zone', () => {
    expect(dayInZone(new Date('2032-03-09T16:30:00Z'))).toBe('2032-03-10');
    expect(clockInZone('2032-03-10T00:00:00Z')).toBe('08:00');
  });

  it('reads times of day as typed, sorted, or refuses them', () => {
    expect(parseTimes('16:00, 8:00')).toEqual(['08:00', '16:00']);
    expect(parseTimes('8:00，8:00 12:30')).toEqual(['08:00', '12:30']);
    expect(parseTimes('25:00')).toBeUndefined();
    expect(parseTimes('noon')).toBeUndefined();
    expect(parseTimes(' ')).toBeUndefined();
  });
});
