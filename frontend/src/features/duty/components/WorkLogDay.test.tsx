import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import dayjs from 'dayjs';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { WorkLogDay } from './WorkLogDay';

const LOGS = [
  { id: 'l1', personId: 'p1', personName: '张三', workDate: '2026-11-24', description: '电话排查', hours: 3, householdsPhoned: 40, householdsVisited: 0, status: 'SUBMITTED', version: 2 },
  { id: 'l2', personId: 'p2', personName: '李四', workDate: '2026-11-24', description: '上门走访', hours: 2.5, householdsPhoned: 0, householdsVisited: 12, status: 'APPROVED', version: 1 },
];

describe('WorkLogDay', () => {
  it('lists the day’s logs with their figures and approves one with the version seen', async () => {
    const user = userEvent.setup();
    const decisions: { body: unknown; ifMatch: string | null; path: string }[] = [];
    let logs = LOGS;
    const fetch = vi.fn(async (req: Request) => {
      const url = new URL(req.url);
      if (req.method === 'GET' && url.pathname === '/api/v1/work-logs') {
        expect(url.searchParams.get('areaId')).toBe('z1');
        expect(url.searchParams.get('date')).toBe(dayjs().format('YYYY-MM-DD'));
        return jsonResponse(logs);
      }
      decisions.push({ body: await req.json(), ifMatch: req.headers.get('If-Match'), path: url.pathname });
      logs = logs.map((l) => (l.id === 'l1' ? { ...l, status: 'APPROVED', version: 3 } : l));
      return jsonResponse(logs[0]);
    });
    renderWithApp(<WorkLogDay areaId="z1" />, { roles: ['grid-leader'], fetch });
    const rows = await screen.findAllByTestId('duty-worklog');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('电话排查');
    expect(screen.getByTestId('duty-worklog-hours')).toHaveTextContent('5.5 (已通过 2.5)');
    expect(within(rows[0]!).getByText('40')).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button')).toBeNull();

    await user.click(within(rows[0]!).getByRole('button', { name: '通过 张三 的日志' }));
    await waitFor(() => expect(decisions).toEqual([{ path: '/api/v1/work-logs/l1/decision', body: { approve: true, version: 2 }, ifMatch: '"2"' }]));
    await waitFor(() => expect(screen.getByTestId('duty-worklog-hours')).toHaveTextContent('5.5 (已通过 5.5)'));
    expect(within(screen.getAllByTestId('duty-worklog')[0]!).getByTestId('duty-worklog-status')).toHaveTextContent('已通过');
  });

  it('shows a stale decision as a conflict on the row', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn((req: Request) =>
      Promise.resolve(req.method === 'GET' ? jsonResponse(LOGS) : jsonResponse({ title: 'Precondition Failed', status: 412, detail: 'The work log changed' }, 412)),
    );
    renderWithApp(<WorkLogDay areaId="z1" />, { roles: ['grid-leader'], fetch });
    const rows = await screen.findAllByTestId('duty-worklog');
    await user.click(within(rows[0]!).getByRole('button', { name: '不通过 张三 的日志' }));
    expect(await within(rows[0]!).findByRole('alert')).toHaveTextContent('The work log changed');
  });
});
