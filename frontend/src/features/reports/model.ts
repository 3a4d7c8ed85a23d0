import { hasAnyRole, type Role } from '../../lib/auth/roles';
import type { Language } from '../../lib/i18n/language';
import type { DailyMeasure, DailyMetrics, DailyReportFigure } from './api/types';

/** Which dashboard the caller gets: the highest of their roles decides. */
export type DashboardView = 'overview' | 'zone' | 'tasks';

export function dashboardView(roles: readonly Role[]): DashboardView {
  if (hasAnyRole(roles, ['admin', 'supervisor'])) return 'overview';
  return hasAnyRole(roles, ['grid-leader']) ? 'zone' : 'tasks';
}

/** The label in the language shown (the API sends both). */
export const labelIn = (language: Language, item: { labelZh: string; labelEn: string }): string => (language === 'en' ? item.labelEn : item.labelZh);
export const titleIn = (language: Language, item: { titleZh: string; titleEn: string }): string => (language === 'en' ? item.titleEn : item.titleZh);

/** A figure as shown: ratios as percentages with one decimal, counts and minutes as whole numbers; no figure is "—". */
export function formatFigure(value: number | null | undefined, kind: DailyReportFigure['kind']): string {
  if (value == null) return '—';
  if (kind === 'RATIO') return `${(value * 100).toFixed(1)}%`;
  return value.toLocaleString('zh-CN');
}

export type Trend = 'up' | 'down' | 'same' | 'none';

/** How a figure moved since the day before (none when either day has no figure). */
export function trendOf(value: number | null | undefined, previous: number | null | undefined): Trend {
  if (value == null || previous == null) return 'none';
  if (value === previous) return 'same';
  return value > previous ? 'up' : 'down';
}

/** The change as text: "+3", "−2", "+1.5 pt" for ratios (percentage points); "" when there is no change to show. */
export function changeText(value: number | null | undefined, previous: number | null | undefined, kind: DailyReportFigure['kind']): string {
  if (value == null || previous == null || value === previous) return '';
  const delta = kind === 'RATIO' ? Math.round((value - previous) * 1000) / 10 : value - previous;
  const sign = delta > 0 ? '+' : '−';
  return `${sign}${Math.abs(delta).toLocaleString('zh-CN')}${kind === 'RATIO' ? ' pt' : ''}`;
}

/** The measures a supervisor sees first in the trends (those the deployment has; else its first few). */
const KEY_MEASURES = ['testing.coverage', 'duty.fillRate', 'checkpoints.fevers', 'quarantine.ordersActive', 'care.needsOverdue', 'census.verifiedByPhone'];

export function defaultMeasures(measures: readonly DailyMeasure[], max = 4): string[] {
  const known = new Set(measures.map((m) => m.key));
  const picked = KEY_MEASURES.filter((k) => known.has(k));
  return (picked.length > 0 ? picked : measures.map((m) => m.key)).slice(0, max);
}

/** One chart of the trends: the ratios share one 0–100 % axis; every count or duration gets its own panel and axis. */
export interface TrendPanel {
  key: string;
  measures: DailyMeasure[];
  percent: boolean;
}

/**
 * Small multiples, so that a small count (fevers) is not flattened under a large one (households): ratios together
 * as shares, each other measure in its own panel with its own scale.
 */
export function trendPanels(metrics: Pick<DailyMetrics, 'measures'>, selected: readonly string[]): TrendPanel[] {
  const chosen = metrics.measures.filter((m) => selected.includes(m.key));
  const ratios = chosen.filter((m) => m.kind === 'RATIO');
  const others = chosen.filter((m) => m.kind !== 'RATIO').map((m) => ({ key: m.key, measures: [m], percent: false }));
  return ratios.length > 0 ? [{ key: 'ratios', measures: ratios, percent: true }, ...others] : others;
}

/** One measure's values over the days, ratios as percentages (null stays a gap in the line). */
export function seriesOf(metrics: Pick<DailyMetrics, 'days'>, measure: DailyMeasure): (number | null)[] {
  return metrics.days.map((d) => {
    const v = d.values[measure.key];
    if (v == null) return null;
    return measure.kind === 'RATIO' ? Math.round(v * 1000) / 10 : v;
  });
}

/** The `from` of the trends: 14 days up to and including `to` (YYYY-MM-DD). */
export function fourteenDaysBefore(to: string): string {
  const d = new Date(`${to}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 13);
  return d.toISOString().slice(0, 10);
}
