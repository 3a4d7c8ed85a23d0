import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { StatsPage } from './StatsPage';

vi.mock('./Chart', () => ({
  Chart: ({ ariaLabel, series }: { ariaLabel: string; series: { name: string; values: number[] }[] }) => (
    <div role="img" aria-label={ariaLabel}>
      {series.map((s) => `${s.name}:${s.values.join(',')}`).join(';')}
    </div>
  ),
}));

const DAY = { active: { HOME_ISOLATION: 3, HOME_MONITORING: 1, CENTRAL_ISOLATION: 2 }, started: 2, released: 1, hospital: 0, visitsDue: 12, visitsDone: 10, visitsMissed: 2, fevers: 1, symptoms: 0, breaches: 0 };
const METRICS = {
  areaId: 'c1',
  from: '2026-12-06',
  to: '2026-12-07',
  days: [
    { ...DAY, date: '2026-12-06' },
    { ...DAY, date: '2026-12-07', active: { HOME_ISOLATION: 4 }, started: 1 },
  ],
  totals: { ...DAY, active: { HOME_ISOLATION: 4 }, started: 3, visitsDue: 24 },
};

describe('StatsPage', { timeout: 120_000 }, () => {
  it('charts active orders by kind per day and tables the day counts with their totals', async () => {
    const requests: URL[] = [];
    const fetch = vi.fn((req: Request) => {
      const url = new URL(req.url);
      requests.push(url);
      return Promise.resolve(url.pathname === '/api/v1/metrics/quarantine' ? jsonResponse(METRICS) : jsonResponse([]));
    });
    renderWithApp(<StatsPage />, { roles: ['supervisor'], fetch, route: '/quarantines/stats' });
    expect(await screen.findByText(/居家隔离:3,4/)).toBeInTheDocument();
    expect(screen.getByText(/集中隔离:2,0/)).toBeInTheDocument();
    const total = (await screen.findByText('合计')).closest('tr') as HTMLElement;
    expect(within(total).getByText('24')).toBeInTheDocument();
    const q = requests.find((u) => u.pathname === '/api/v1/metrics/quarantine')!;
    expect(q.searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(q.searchParams.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
