import { describe, expect, it } from 'vitest';
import { METRICS } from '../../test-support/reports';
import { changeText, dashboardView, defaultMeasures, formatFigure, fourteenDaysBefore, seriesOf, trendOf, trendPanels } from './model';

describe('report model', () => {
  it('gives each role its dashboard: the highest role decides', () => {
    expect(dashboardView(['grid-worker'])).toBe('tasks');
    expect(dashboardView(['grid-leader', 'grid-worker'])).toBe('zone');
    expect(dashboardView(['supervisor'])).toBe('overview');
    expect(dashboardView(['admin'])).toBe('overview');
  });

  it('shows ratios as percentages, counts as numbers, a missing figure as a dash', () => {
    expect(formatFigure(0.9833, 'RATIO')).toBe('98.3%');
    expect(formatFigure(1200, 'LEVEL')).toBe('1,200');
    expect(formatFigure(null, 'COUNT')).toBe('—');
  });

  it('says how a figure moved since the day before, ratios in percentage points', () => {
    expect(trendOf(1200, 1198)).toBe('up');
    expect(trendOf(1, 3)).toBe('down');
    expect(trendOf(2, 2)).toBe('same');
    expect(trendOf(0.5, null)).toBe('none');
    expect(changeText(1200, 1198, 'LEVEL')).toBe('+2');
    expect(changeText(1, 3, 'COUNT')).toBe('−2');
    expect(changeText(0.9, 0.85, 'RATIO')).toBe('+5 pt');
    expect(changeText(2, 2, 'COUNT')).toBe('');
  });

  it('puts the ratios on one percent chart and every other measure on its own, so small counts stay readable', () => {
    const panels = trendPanels(METRICS, ['census.households', 'checkpoints.fevers', 'testing.coverage', 'duty.fillRate']);
    expect(panels.map((p) => [p.key, p.percent, p.measures.map((m) => m.key)])).toEqual([
      ['ratios', true, ['testing.coverage', 'duty.fillRate']],
      ['census.households', false, ['census.households']],
      ['checkpoints.fevers', false, ['checkpoints.fevers']],
    ]);
    const coverage = METRICS.measures.find((m) => m.key === 'testing.coverage');
    expect(coverage && seriesOf(METRICS, coverage)).toEqual([50, null]);
  });

  it('starts the trends on the key measures the deployment has, and counts 14 days back', () => {
    expect(defaultMeasures(METRICS.measures)).toEqual(['testing.coverage', 'duty.fillRate', 'checkpoints.fevers']);
    expect(defaultMeasures([{ key: 'x.y', labelZh: '', labelEn: '', kind: 'COUNT', unit: 'count' }])).toEqual(['x.y']);
    expect(fourteenDaysBefore('2026-12-07')).toBe('2026-11-24');
    expect(fourteenDaysBefore('2026-03-01')).toBe('2026-02-16');
  });
});
