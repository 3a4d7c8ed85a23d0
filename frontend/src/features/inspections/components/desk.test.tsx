import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeAuth, jsonResponse, renderWithApp } from '../../../test-support/render';
import type { InspectionView, TaskView } from '../api/types';
import { InspectionDetailPage } from './InspectionDetailPage';
import { percent, ResultsPage } from './ResultsPage';
import { PlacePage } from './PlacePage';
import { TasksBoardPage } from './TasksBoardPage';

const HOUR = 3_600_000;
const task = (id: string, status: TaskView['status'], dueAt: string): TaskView => ({
  id,
  kind: 'RECTIFY',
  placeKind: 'AREA',
  placeId: 'place-1',
  placeName: '幸福里小区',
  itemId: 'i',
  itemText: '出入口有人值守',
  severity: 'MAJOR',
  reason: '夜间无人',
  responsibleName: '保安张三',
  dueAt,
  status,
});

const VIEW: InspectionView = {
  id: 'insp-1',
  placeKind: 'AREA',
  placeId: 'place-1',
  placeName: '幸福里小区',
  placeType: 'COMPOUND',
  templateId: 't',
  templateName: '小区',
  templateVersion: 1,
  inspector: 'leader1',
  inspectedAt: '2026-12-07T02:00:00Z',
  result: 'FAILED',
  answers: [{ itemId: 'i', text: '出入口有人值守', severity: 'MAJOR', result: 'FAIL', reason: '夜间无人', responsibleName: '保安张三' }],
  signedBy: { name: '王物业', phoneMasked: '138****8000' },
  signature: true,
  responsibleUser: 'site1',
  tasksOpened: [task('t1', 'OPEN', '2026-12-08T02:00:00Z')],
  tasksClosed: [],
  version: 0,
};

describe('findings board', { timeout: 60_000 }, () => {
  it('shows open, overdue and closed findings in tabs; an overdue one in red with how late; a tap opens the place', async () => {
    const user = userEvent.setup({ delay: null });
    const asked: string[] = [];
    const overdue = task('t-late', 'OVERDUE', new Date(Date.now() - 27 * HOUR - 60_000).toISOString());
    renderWithApp(<TasksBoardPage />, {
      roles: ['grid-leader'],
      fetch: (req) => {
        const url = new URL(req.url);
        if (url.pathname === '/api/v1/inspection-places') return Promise.resolve(jsonResponse([]));
        const status = url.searchParams.get('status') ?? '';
        asked.push(status);
        return Promise.resolve(jsonResponse({ items: status === 'OVERDUE' ? [overdue] : [] }));
      },
    });
    await user.click(await screen.findByRole('tab', { name: '已逾期' }));
    const row = await screen.findByTestId('task-row');
    expect(within(row).getByTestId('task-late')).toHaveTextContent('已逾期 1 天 3 小时');
    expect(within(row).getByTestId('task-late')).toHaveClass('gg-overdue');
    expect(within(row).getByRole('link', { name: '幸福里小区' })).toHaveAttribute('href', '/inspection-places/AREA/place-1');
    expect(asked).toEqual(expect.arrayContaining(['OPEN', 'OVERDUE']));
  });
});

describe('inspection detail', { timeout: 60_000 }, () => {
  beforeAll(() => {
    // jsdom has no object URLs
    if (!('createObjectURL' in URL)) Object.assign(URL, { createObjectURL: () => 'blob:signature', revokeObjectURL: () => undefined });
  });
  const serve = (confirmed: { n: number }) => (req: Request) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/inspections/insp-1/signature') return Promise.resolve(new Response(new Blob(['png']), { status: 200, headers: { 'Content-Type': 'image/png' } }));
    if (req.method === 'POST' && url.pathname === '/api/v1/inspections/insp-1/confirm') {
      confirmed.n++;
      return Promise.resolve(jsonResponse({ ...VIEW, confirmedBy: 'site1', confirmedAt: '2026-12-07T03:00:00Z' }));
    }
    return Promise.resolve(jsonResponse(VIEW));
  };

  it('shows the answers and the signature; only the named responsible user gets 确认', async () => {
    const confirmed = { n: 0 };
    const mine = renderWithApp(<InspectionDetailPage />, { auth: fakeAuth(['site-staff'], 'site1'), route: '/inspections/insp-1', path: '/inspections/:id', fetch: serve(confirmed) });
    expect(await screen.findByTestId('detail-result')).toHaveTextContent('未通过');
    expect(screen.getAllByText('夜间无人').length).toBeGreaterThan(0);
    expect(await screen.findByTestId('signature-image')).toHaveAttribute('src', expect.stringMatching(/^blob:/));
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: '确认' }));
    expect(await screen.findByText(/site1 已于 .* 确认/)).toBeInTheDocument();
    expect(confirmed.n).toBe(1);
    mine.unmount();

    renderWithApp(<InspectionDetailPage />, { auth: fakeAuth(['grid-leader'], 'leader1'), route: '/inspections/insp-1', path: '/inspections/:id', fetch: serve(confirmed) });
    expect(await screen.findByTestId('detail-result')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('王物业 · 138****8000')).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: '确认' })).not.toBeInTheDocument();
  });
});

describe('place page', { timeout: 60_000 }, () => {
  it('shows the place’s open findings and its inspections, each opening its detail', async () => {
    renderWithApp(<PlacePage />, {
      roles: ['grid-leader'],
      route: '/inspection-places/AREA/place-1',
      path: '/inspection-places/:kind/:id',
      fetch: (req) =>
        Promise.resolve(
          new URL(req.url).pathname === '/api/v1/inspection-places/AREA/place-1'
            ? jsonResponse({
                place: { placeKind: 'AREA', placeId: 'place-1', name: '幸福里小区', placeType: 'COMPOUND', areaId: 'z', areaName: 'G01' },
                inspections: [{ id: 'insp-1', placeKind: 'AREA', placeId: 'place-1', placeName: '幸福里小区', templateName: '小区', templateVersion: 2, inspector: 'leader1', inspectedAt: '2026-12-07T02:00:00Z', result: 'FAILED', failedItems: 1 }],
                openTasks: [task('t1', 'OPEN', '2099-01-01T00:00:00Z')],
              })
            : jsonResponse({ title: 'Not found', status: 404 }, 404),
        ),
    });
    expect(await screen.findByRole('heading', { name: '幸福里小区' })).toBeInTheDocument();
    const row = await screen.findByTestId('inspection-row');
    expect(row).toHaveAttribute('data-result', 'FAILED');
    expect(within(row).getByRole('link')).toHaveAttribute('href', '/inspections/insp-1');
    expect(row).toHaveTextContent('不合格 1 项');
    expect(screen.getByText('未整改问题（1）')).toBeInTheDocument();
    expect(screen.getByTestId('task-row')).toHaveTextContent('夜间无人');
    expect(screen.getByRole('button', { name: '检查此处' })).toBeInTheDocument();
  });
});

describe('results', { timeout: 60_000 }, () => {
  it('asks for the chosen days and shows the figures, overdue findings included', async () => {
    const asked: URLSearchParams[] = [];
    renderWithApp(<ResultsPage />, {
      roles: ['supervisor'],
      fetch: (req) => {
        const url = new URL(req.url);
        if (url.pathname !== '/api/v1/metrics/inspections') return Promise.resolve(jsonResponse([]));
        asked.push(url.searchParams);
        return Promise.resolve(
          jsonResponse({
            from: '2026-11-08',
            to: '2026-12-07',
            inspections: 12,
            passed: 9,
            failed: 3,
            passRate: 0.75,
            openTasks: 4,
            overdueTasks: 2,
            byTemplate: [{ templateId: 't', templateName: '小区', version: 1, answered: 96, passed: 90, failed: 6, passRate: 0.9375, items: [] }],
          }),
        );
      },
    });
    expect(await screen.findByText('检查次数')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('12')).toBeInTheDocument());
    expect(screen.getByText('75')).toBeInTheDocument();
    expect(asked[0]?.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(asked[0]?.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await screen.findByText('各检查表合格率')).toBeInTheDocument();
  });

  it('shows a pass rate as a percentage with one decimal, none as 0', () => {
    expect(percent(0.8333)).toBe(83.3);
    expect(percent(1)).toBe(100);
    expect(percent(null)).toBe(0);
  });
});
