import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../../test-support/render';
import { LEADER_DASHBOARD, METRICS, SUPERVISOR_DASHBOARD, WORKER_DASHBOARD, routes } from '../../../test-support/reports';
import { DashboardPage } from './DashboardPage';

// The chart (ECharts on a canvas jsdom lacks) as text: its title and each line's values.
vi.mock('./TrendChart', () => ({
  default: ({ ariaLabel, lines, percent }: { ariaLabel: string; lines: { name: string; values: (number | null)[] }[]; percent: boolean }) => (
    <div role="img" aria-label={ariaLabel} data-percent={percent}>
      {lines.map((l) => `${l.name}:${l.values.join(',')}`).join(';')}
    </div>
  ),
}));

const KINDS = [
  { kind: 'FEVER', labels: { 'zh-CN': '发热', en: 'Fever' }, color: 'red', assigneeRole: 'grid-leader', transitions: {} },
  { kind: 'MISSING_REPORT', labels: { 'zh-CN': '漏报', en: 'Missing report' }, color: 'orange', assigneeRole: 'grid-leader', transitions: {} },
];

describe('dashboard', { timeout: 60_000 }, () => {
  it('shows a worker their tasks of the day as big tiles that open their lists, and nothing else', async () => {
    const seen: Request[] = [];
    renderWithApp(<DashboardPage />, { roles: ['grid-worker'], route: '/dashboard', fetch: routes({ '/api/v1/dashboard': WORKER_DASHBOARD }, seen) });
    const tiles = await screen.findAllByTestId('dashboard-tile');
    expect(tiles.map((t) => t.getAttribute('href'))).toEqual(['/quarantine-visits', '/duty']);
    expect(within(tiles[0] as HTMLElement).getByText('今日待访')).toBeInTheDocument();
    expect(within(tiles[0] as HTMLElement).getByText('需关注')).toBeInTheDocument();
    expect(tiles[0]).toHaveClass('gg-tile-WARN');
    expect(screen.getByRole('heading', { name: '今日任务' })).toBeInTheDocument();
    expect(screen.queryByText('未处理告警')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '区域' })).not.toBeInTheDocument();
    expect(seen.map((r) => new URL(r.url).pathname)).not.toContain('/api/v1/metrics/daily');
  });

  it('lets a worker with two grid cells switch between them', async () => {
    const seen: Request[] = [];
    const cell = (id: string, name: string) => ({ id, name, kind: 'GRID_CELL', children: [] });
    const tree = [{ id: 'z1', name: '一片区', kind: 'ZONE', children: [cell('g1', '第一网格'), cell('g2', '第二网格')] }];
    renderWithApp(<DashboardPage />, {
      roles: ['grid-worker'],
      route: '/dashboard',
      fetch: routes({ '/api/v1/dashboard': WORKER_DASHBOARD, '/api/v1/areas/tree': tree }, seen),
    });
    const user = userEvent.setup();
    const cells = await screen.findByTestId('my-cells');
    expect(cells).toHaveTextContent('第一网格');
    await user.click(within(cells).getByText('第二网格'));
    await waitFor(() =>
      expect(seen.map((r) => new URL(r.url)).some((u) => u.pathname === '/api/v1/dashboard' && u.searchParams.get('areaId') === 'g2')).toBe(true),
    );
  });

  it('shows a leader the zone: tiles with their totals, open alerts by kind linking to the inbox, and the reporting status', async () => {
    renderWithApp(<DashboardPage />, {
      roles: ['grid-leader'],
      route: '/dashboard',
      fetch: routes({ '/api/v1/dashboard': LEADER_DASHBOARD, '/api/v1/alert-kinds': KINDS, '/api/v1/areas/tree': [] }),
    });
    const coverage = (await screen.findAllByTestId('dashboard-tile'))[0] as HTMLElement;
    expect(coverage).toHaveTextContent('1,180');
    expect(coverage).toHaveTextContent('/ 1,200');
    const kinds = await screen.findAllByTestId('alert-kind-row');
    // most open first; a kind with nothing open is left out
    expect(kinds.map((k) => k.getAttribute('href'))).toEqual(['/alerts?kind=MISSING_REPORT', '/alerts?kind=FEVER']);
    await waitFor(() => expect(kinds[1]).toHaveTextContent('发热'));
    expect(kinds[1]).toHaveTextContent('2 条未处理');
    expect(kinds[1]).toHaveTextContent('1 条超时');
    expect(screen.getByTestId('own-status')).toHaveTextContent('尚未报送');
    expect(screen.getByRole('link', { name: '打开日报' })).toHaveAttribute('href', '/reports/daily?areaId=z1&date=2026-12-07');
    expect(screen.queryByText('近 14 天趋势')).not.toBeInTheDocument();
  });

  it('shows a supervisor the children’s submissions, 14 days of trends in small multiples and the most overdue alerts', async () => {
    const user = userEvent.setup();
    const seen: Request[] = [];
    const overdue = (id: string, dueAt: string) => ({ id, kind: 'FEVER', subjectLabel: `人员 ${id}`, areaName: '一片区', dueAt, state: 'OPEN', overdue: true });
    renderWithApp(<DashboardPage />, {
      roles: ['supervisor'],
      route: '/dashboard',
      fetch: routes(
        {
          '/api/v1/dashboard': SUPERVISOR_DASHBOARD,
          '/api/v1/alert-kinds': KINDS,
          '/api/v1/areas/tree': [],
          '/api/v1/metrics/daily': METRICS,
          // the API orders them (sort=MOST_OVERDUE): the list keeps its order
          '/api/v1/alerts': { items: [overdue('a1', '2026-12-06T03:00:00Z'), overdue('a2', '2026-12-07T03:00:00Z')] },
        },
        seen,
      ),
    });
    expect(await screen.findByRole('heading', { name: '辖区概览' })).toBeInTheDocument();
    const statuses = await screen.findAllByTestId('child-status');
    expect(statuses.map((s) => s.textContent)).toEqual(['已报送', '迟报', '未报']);
    expect(statuses[2]).toHaveClass('gg-report-status-MISSING');

    // the ratios share one percent chart; households (1,200) and fevers (2) each get their own scale
    const panels = await screen.findAllByTestId('trend-panel');
    const charts = await Promise.all(panels.map((p) => within(p).findByRole('img')));
    expect(panels.map((p) => p.querySelector('h3')?.textContent)).toEqual(['比率（%）', '发热']);
    expect(charts[0]).toHaveTextContent('采样覆盖率:50,;到岗率:90,90');
    expect(charts[0]).toHaveAttribute('data-percent', 'true');
    expect(charts[1]).toHaveTextContent('发热:0,2');
    const metrics = seen.map((r) => new URL(r.url)).find((u) => u.pathname === '/api/v1/metrics/daily');
    expect(metrics?.searchParams.get('from')).toBe('2026-11-24');
    expect(metrics?.searchParams.get('to')).toBe('2026-12-07');
    expect(metrics?.searchParams.get('areaId')).toBe('c1');

    // the selector adds a measure
    await user.click(screen.getByRole('combobox', { name: '选择指标' }));
    await user.click(await screen.findByTitle('户数'));
    await waitFor(() => expect(screen.getAllByTestId('trend-panel')).toHaveLength(3));

    const items = await screen.findAllByTestId('overdue-item');
    expect(items.map((i) => i.getAttribute('href'))).toEqual(['/alerts?kind=FEVER&id=a1', '/alerts?kind=FEVER&id=a2']);
    const alerts = seen.map((r) => new URL(r.url)).find((u) => u.pathname === '/api/v1/alerts');
    expect(alerts?.searchParams.get('escalated')).toBe('true');
    expect(alerts?.searchParams.get('overdue')).toBe('true');
    expect(alerts?.searchParams.get('sort')).toBe('MOST_OVERDUE');
    expect(alerts?.searchParams.get('limit')).toBe('8');
  });

  it('says what went wrong when the dashboard cannot be read', async () => {
    renderWithApp(<DashboardPage />, { roles: ['grid-leader'], route: '/dashboard', fetch: routes({ '/api/v1/areas/tree': [] }) });
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });
});
