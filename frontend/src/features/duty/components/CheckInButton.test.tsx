import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import dayjs from 'dayjs';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import type { Shift } from '../api/duty';
import { CheckInButton } from './CheckInButton';
import { MyShiftsPage } from './MyShiftsPage';

const ME = { id: 'p1', username: 'tester', name: '张三', unit: '街道办' };

function shift(assignee: Record<string, unknown> = {}): Shift & { assignees: NonNullable<Shift['assignees']> } {
  return {
    id: 's1',
    checkpointId: 'c1',
    checkpointCode: 'CP-01',
    checkpointName: '东门',
    businessDate: dayjs().format('YYYY-MM-DD'),
    kind: 'DAY' as const,
    startsAt: dayjs().subtract(1, 'hour').toISOString(),
    endsAt: dayjs().add(7, 'hour').toISOString(),
    peopleNeeded: 2,
    assignees: [{ personId: 'p1', name: '张三', unit: '街道办', missingCheckOut: false, ...assignee }],
    gap: false,
    version: 1,
  };
}

describe('CheckInButton', () => {
  it('offers a big check-in button before arrival', () => {
    renderWithApp(<CheckInButton shift={shift()} me={shift().assignees[0]} />);
    expect(screen.getByRole('button', { name: /到岗签到/ })).toBeEnabled();
  });

  it('offers check-out once checked in, and shows lateness', () => {
    const s = shift({ checkInAt: dayjs().toISOString(), lateMinutes: 12 });
    renderWithApp(<CheckInButton shift={s} me={s.assignees[0]} />);
    expect(screen.getByRole('button', { name: /离岗签退/ })).toBeEnabled();
    expect(screen.getByTestId('duty-checked-in')).toHaveTextContent('迟到 12 分钟');
    expect(screen.queryByRole('button', { name: /到岗签到/ })).not.toBeInTheDocument();
  });

  it('is done (disabled) after check-out', () => {
    const s = shift({ checkInAt: dayjs().subtract(1, 'hour').toISOString(), checkOutAt: dayjs().toISOString() });
    renderWithApp(<CheckInButton shift={s} me={s.assignees[0]} />);
    expect(screen.getByRole('button', { name: /已签退/ })).toBeDisabled();
  });

  it('shows the server’s refusal as a problem', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn(() => Promise.resolve(jsonResponse({ title: 'Conflict', status: 409, detail: 'The shift has ended' }, 409)));
    renderWithApp(<CheckInButton shift={shift()} me={shift().assignees[0]} />, { fetch });
    await user.click(screen.getByRole('button', { name: /到岗签到/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The shift has ended');
  });
});

describe('MyShiftsPage', () => {
  it('puts the current shift first and checks in with one tap', async () => {
    const user = userEvent.setup();
    let checkedIn = false;
    const later = { ...shift(), id: 's2', businessDate: dayjs().add(1, 'day').format('YYYY-MM-DD'), startsAt: dayjs().add(1, 'day').toISOString(), endsAt: dayjs().add(1, 'day').add(8, 'hour').toISOString(), checkpointName: '西门' };
    const fetch = vi.fn((req: Request) => Promise.resolve(answer(req)));
    function answer(req: Request): Response {
      const url = new URL(req.url);
      if (url.pathname === '/api/v1/duty-people') return jsonResponse({ items: [ME] });
      if (url.pathname === '/api/v1/duty-shifts') {
        expect(url.searchParams.get('mine')).toBe('true');
        const now = checkedIn ? shift({ checkInAt: dayjs().toISOString() }) : shift();
        return jsonResponse({ items: [later, now] });
      }
      if (req.method === 'POST' && url.pathname === '/api/v1/duty-shifts/s1/check-ins') {
        checkedIn = true;
        return jsonResponse(shift({ checkInAt: dayjs().toISOString() }));
      }
      return jsonResponse({ status: 404, title: 'Not Found' }, 404);
    }
    renderWithApp(<MyShiftsPage />, { fetch });

    const items = await screen.findAllByTestId('duty-shift');
    expect(items[0]).toHaveTextContent('东门');
    expect(items[1]).toHaveTextContent('西门');
    await user.click(screen.getByRole('button', { name: /到岗签到/ }));
    expect(await screen.findByRole('button', { name: /离岗签退/ })).toBeInTheDocument();
    await waitFor(() => expect(fetch.mock.calls.some(([r]) => r.method === 'POST')).toBe(true));
  });
});
