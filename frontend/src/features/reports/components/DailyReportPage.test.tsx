import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { LIVE_REPORT, SUBMISSION, SUPERVISOR_DASHBOARD, routes } from '../../../test-support/reports';
import type { DailyReport } from '../api/types';
import { DailyReportPage } from './DailyReportPage';

const ROUTE = '/reports/daily?areaId=z1&date=2026-12-07';

/** Types a text into a field in one go (a paste: typing key by key is slow in jsdom under load). */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}
const FROZEN: DailyReport = { ...LIVE_REPORT, source: 'SUBMITTED', version: 1, submittable: false, submission: SUBMISSION };

describe('daily report', { timeout: 120_000 }, () => {
  beforeAll(() => {
    // jsdom has no object URLs
    if (!('createObjectURL' in URL)) Object.assign(URL, { createObjectURL: () => 'blob:report', revokeObjectURL: () => undefined });
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows each figure of the day beside the day before with the change, and the submission form for its submitter', async () => {
    renderWithApp(<DailyReportPage />, {
      roles: ['grid-leader'],
      route: ROUTE,
      fetch: routes({ '/api/v1/daily-reports': LIVE_REPORT, '/api/v1/daily-reports/submissions': { items: [] }, '/api/v1/areas/tree': [] }),
    });
    const census = await screen.findByText('人口');
    const table = census.closest('[data-testid="report-section"]') as HTMLElement;
    const households = within(table).getByText('户数').closest('tr') as HTMLElement;
    expect(within(households).getAllByRole('cell').map((c) => c.textContent?.trim())).toEqual(['户数', '1,200', '1,198', '+2']);
    expect(within(households).getByRole('img', { name: '上升' })).toBeInTheDocument();
    const removed = within(table).getByText('迁出人数').closest('tr') as HTMLElement;
    expect(within(removed).getByRole('img', { name: '下降' })).toBeInTheDocument();
    const coverage = screen.getByText('采样覆盖率').closest('tr') as HTMLElement;
    expect(within(coverage).getAllByRole('cell').map((c) => c.textContent?.trim())).toEqual(['采样覆盖率', '98.3%', '—', '—']);
    expect(within(table).getByRole('columnheader', { name: '前一日（12-06）' })).toBeInTheDocument();
    expect(screen.getByTestId('report-source')).toHaveTextContent('实时');
    expect(screen.getByTestId('submit-form')).toBeInTheDocument();
    expect(screen.queryByLabelText('更正原因')).not.toBeInTheDocument();
  });

  it('submits with one Idempotency-Key per attempt (a retry after a failure reuses it) and then shows the frozen version', async () => {
    const user = userEvent.setup({ delay: null });
    const posts: { key: string | null; body: unknown }[] = [];
    const answers = [jsonResponse({ title: 'Service Unavailable', status: 503 }, 503), jsonResponse(FROZEN, 201)];
    const seen: Request[] = [];
    renderWithApp(<DailyReportPage />, {
      roles: ['grid-leader'],
      route: ROUTE,
      fetch: routes(
        {
          '/api/v1/daily-reports': LIVE_REPORT,
          'GET /api/v1/daily-reports/submissions': { items: [] },
          'POST /api/v1/daily-reports/submissions': async (req: Request) => {
            posts.push({ key: req.headers.get('Idempotency-Key'), body: await req.json() });
            return answers.shift();
          },
          '/api/v1/daily-reports/submissions/s1': FROZEN,
          '/api/v1/areas/tree': [],
        },
        seen,
      ),
    });
    const form = await screen.findByTestId('submit-form');
    await user.click(within(form).getByRole('button', { name: '报送' }));
    expect(await within(form).findByText('请填写今日亮点。')).toBeInTheDocument();
    expect(posts).toEqual([]);

    await fill(user, within(form).getByLabelText('今日亮点'), '  完成入户 120 户 ');
    await fill(user, within(form).getByLabelText('需上级协调事项'), '需要口罩 200 只');
    await user.click(within(form).getByRole('button', { name: '报送' }));
    expect(await within(form).findByRole('alert')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: '报送' }));

    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[0]?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]?.key).toBe(posts[0]?.key);
    expect(posts[1]?.body).toEqual({ areaId: 'z1', date: '2026-12-07', highlights: '完成入户 120 户', problems: null, requests: '需要口罩 200 只', reason: null });
    expect(await screen.findByText('已报送 v1', { selector: '[data-testid="report-source"]' })).toBeInTheDocument();
    expect(seen.some((r) => new URL(r.url).pathname === '/api/v1/daily-reports/submissions/s1')).toBe(true);
    expect(screen.queryByTestId('submit-form')).not.toBeInTheDocument();
  });

  it('asks for the reason of a correction and shows the server’s field errors under their fields', async () => {
    const user = userEvent.setup({ delay: null });
    const corrected = { ...LIVE_REPORT, submission: SUBMISSION };
    renderWithApp(<DailyReportPage />, {
      roles: ['grid-leader'],
      route: ROUTE,
      fetch: routes({
        '/api/v1/daily-reports': corrected,
        'GET /api/v1/daily-reports/submissions': { items: [SUBMISSION] },
        'POST /api/v1/daily-reports/submissions': () =>
          jsonResponse({ title: 'Unprocessable', status: 422, errors: [{ field: 'submit.body.reason', message: '更正需说明原因' }] }, 422),
        '/api/v1/areas/tree': [],
      }),
    });
    const form = await screen.findByTestId('submit-form');
    expect(within(form).getByText('更正已报送的日报')).toBeInTheDocument();
    await fill(user, within(form).getByLabelText('今日亮点'), '补报');
    await user.click(within(form).getByRole('button', { name: '报送更正' }));
    expect(await within(form).findByText('请填写更正原因。')).toBeInTheDocument();
    await fill(user, within(form).getByLabelText('更正原因'), ' ');
    await fill(user, within(form).getByLabelText('更正原因'), '户数录错');
    await user.click(within(form).getByRole('button', { name: '报送更正' }));
    expect(await within(form).findByText('更正需说明原因')).toBeInTheDocument();
    // the narrative of the latest version and the versions list
    expect(screen.getByText('需要口罩 200 只')).toBeInTheDocument();
    expect(await screen.findAllByTestId('report-version')).toHaveLength(1);
  });

  it('lists the children’s status for a community, opens a version, and hides the form from who cannot submit', async () => {
    const user = userEvent.setup({ delay: null });
    const community: DailyReport = { ...LIVE_REPORT, areaId: 'c1', areaName: '幸福社区', areaKind: 'COMMUNITY', submittable: false, children: SUPERVISOR_DASHBOARD.reports?.children ?? [] };
    const v2 = { ...SUBMISSION, id: 's2', version: 2, late: true, reason: '户数录错' };
    const seen: Request[] = [];
    renderWithApp(<DailyReportPage />, {
      roles: ['admin'],
      route: '/reports/daily?areaId=c1&date=2026-12-07',
      fetch: routes(
        {
          '/api/v1/daily-reports': community,
          'GET /api/v1/daily-reports/submissions': { items: [v2, SUBMISSION] },
          '/api/v1/daily-reports/submissions/s2': { ...FROZEN, version: 2 },
          '/api/v1/areas/tree': [],
        },
        seen,
      ),
    });
    const statuses = await screen.findAllByTestId('child-status');
    expect(statuses.map((s) => s.textContent)).toEqual(['已报送', '迟报', '未报']);
    expect(screen.getByRole('link', { name: /三片区/ })).toHaveAttribute('href', '/reports/daily?areaId=z3&date=2026-12-07');
    expect(screen.queryByTestId('submit-form')).not.toBeInTheDocument();
    const versions = await screen.findAllByTestId('report-version');
    expect(versions[0]).toHaveTextContent('v2');
    expect(versions[0]).toHaveTextContent('迟报');
    expect(versions[0]).toHaveTextContent('更正原因：户数录错');
    await user.click(within(versions[0] as HTMLElement).getByRole('button', { name: '查看' }));
    expect(await screen.findByText('已报送 v2')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回当日实时日报' })).toBeInTheDocument();
  });

  it('downloads PDF, XLSX and CSV with the token, in the format asked, under the server’s file name', async () => {
    const user = userEvent.setup({ delay: null });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const names: string[] = [];
    click.mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const asked: Request[] = [];
    renderWithApp(<DailyReportPage />, {
      roles: ['supervisor'],
      route: ROUTE,
      fetch: routes({
        '/api/v1/daily-reports': (req: Request, url: URL) => {
          const format = url.searchParams.get('format');
          if (!format) return LIVE_REPORT;
          asked.push(req);
          return new Response(new Blob(['x']), { status: 200, headers: { 'Content-Disposition': `attachment; filename="daily-report-2026-12-07.${format}"` } });
        },
        '/api/v1/daily-reports/submissions': { items: [] },
        '/api/v1/areas/tree': [],
      }),
    });
    for (const name of [/下载 PDF/, /下载 Excel/, /下载 CSV/]) await user.click(await screen.findByRole('button', { name }));
    await waitFor(() => expect(names).toEqual(['daily-report-2026-12-07.pdf', 'daily-report-2026-12-07.xlsx', 'daily-report-2026-12-07.csv']));
    expect(asked.map((r) => r.headers.get('Accept')?.split(',')[0])).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv',
    ]);
    expect(asked.every((r) => r.headers.get('Authorization')?.startsWith('Bearer '))).toBe(true);
    expect(new URL(asked[0]?.url ?? '').searchParams.get('areaId')).toBe('z1');
  });
});
