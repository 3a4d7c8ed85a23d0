import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import dayjs from 'dayjs';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { weekStart } from './shiftUtils';
import { WeekBoard } from './WeekBoard';

const monday = weekStart(dayjs('2026-11-25'));

const SHIFT = {
  id: 's1',
  checkpointId: 'c1',
  checkpointCode: 'CP-01',
  checkpointName: '东门',
  businessDate: '2026-11-24',
  kind: 'DAY',
  startsAt: '2026-11-24T08:00:00',
  endsAt: '2026-11-24T16:00:00',
  peopleNeeded: 2,
  assignees: [{ personId: 'p1', name: '张三', unit: '街道办', missingCheckOut: false }],
  gap: false,
  version: 1,
};

function server(onAdd: () => Response, onRemove: () => Response = () => jsonResponse(null, 204)) {
  return vi.fn(async (req: Request) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/duty-shifts') {
      expect(url.searchParams.get('from')).toBe('2026-11-23');
      expect(url.searchParams.get('to')).toBe('2026-11-29');
      return jsonResponse({ items: [SHIFT] });
    }
    if (url.pathname === '/api/v1/duty-people') return jsonResponse({ items: [{ id: 'p1', name: '张三', unit: '街道办' }, { id: 'p2', name: '李四', unit: '卫生院' }] });
    if (req.method === 'POST' && url.pathname === '/api/v1/duty-shifts/s1/assignees') {
      expect(await req.json()).toEqual({ personId: 'p2' });
      return onAdd();
    }
    if (req.method === 'DELETE' && url.pathname === '/api/v1/duty-shifts/s1/assignees/p1') return onRemove();
    return jsonResponse({ status: 404, title: 'Not Found' }, 404);
  });
}

async function addLiSi(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('combobox', { name: /为 CP-01 11-24 08:00–16:00 添加人员/ }));
  await user.click(await screen.findByTitle('李四 · 卫生院'));
}

describe('WeekBoard', () => {
  it('shows posts × days with their people and how many are needed', async () => {
    renderWithApp(<WeekBoard areaId="z1" monday={monday} />, { roles: ['grid-leader'], fetch: server(() => jsonResponse(SHIFT)) });
    const cell = await screen.findByTestId('duty-board-shift');
    expect(cell).toHaveTextContent('白班 08:00–16:00 (1/2)');
    expect(within(cell).getByText('张三')).toBeInTheDocument();
    expect(screen.getByRole('rowheader')).toHaveTextContent('CP-01');
  });

  it('shows the duty rules the server says a change breaks, inline on the shift', async () => {
    const user = userEvent.setup();
    const fetch = server(() =>
      jsonResponse(
        {
          type: 'https://gridguard.example/problems/duty-rule',
          title: 'Duty rule broken',
          status: 422,
          detail: '2 duty rules would be broken',
          errors: [
            { field: 'REST', message: '李四 has only 4 h of rest after the night shift' },
            { field: 'WEEKLY_MAX', message: '李四 would work 56 h this week (max 48)' },
          ],
        },
        422,
      ),
    );
    renderWithApp(<WeekBoard areaId="z1" monday={monday} />, { roles: ['grid-leader'], fetch });
    await addLiSi(user);

    const cell = await screen.findByTestId('duty-board-shift');
    const violations = await within(cell).findByTestId('duty-violations');
    expect(within(cell).getByRole('alert')).toHaveTextContent('违反值班规则，未保存');
    expect(violations).toHaveTextContent('休息不足');
    expect(violations).toHaveTextContent('李四 has only 4 h of rest after the night shift');
    expect(violations).toHaveTextContent('超出每周上限');
    expect(violations.querySelector('[data-rule="WEEKLY_MAX"]')).not.toBeNull();
  });

  it('removes a person from a shift', async () => {
    const user = userEvent.setup();
    const onRemove = vi.fn(() => jsonResponse(null, 204));
    renderWithApp(<WeekBoard areaId="z1" monday={monday} />, { roles: ['grid-leader'], fetch: server(() => jsonResponse(SHIFT), onRemove) });
    await user.click(await screen.findByLabelText('移除 张三'));
    await vi.waitFor(() => expect(onRemove).toHaveBeenCalled());
  });
});
