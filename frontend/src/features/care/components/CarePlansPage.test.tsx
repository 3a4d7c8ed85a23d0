import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { CarePlansPage } from './CarePlansPage';

const base = { residentId: 'r', categories: ['ELDERLY_ALONE'], householdId: 'h', doorLabel: '燕泉小区 3栋 502', gridCellId: 'c', responsible: 'worker1', visitEveryDays: 1, deliveryEveryDays: 7, status: 'ACTIVE', startedAt: '2026-12-01T01:00:00Z', nextDeliveryDue: '2099-01-01', deliveryMissed: false, createdBy: 'leader1', createdAt: '2026-12-01T01:00:00Z', updatedAt: '2026-12-01T01:00:00Z', version: 3, history: [] };
const LATE = { ...base, id: 'late', residentName: '王秀英', nextVisitDue: '2026-12-02', visitMissed: true };
const FINE = { ...base, id: 'fine', residentName: '李建国', nextVisitDue: '2099-01-01', visitMissed: false, lastVisitAt: '2098-12-31T02:00:00Z', lastCondition: 'WELL' };
const NOBODY = { residentId: 'r9', name: '赵桂兰', categories: ['BED_RIDDEN', 'NEEDS_DELIVERY'], gridCellId: 'c', cellName: 'G01', compound: '燕泉小区', building: '5栋', doorNumber: '101', phoneMasked: '139****0001' };

describe('CarePlansPage', { timeout: 120_000 }, () => {
  it('shows plans with their flags, the overdue alone, and starts a plan for a resident without one', async () => {
    const user = userEvent.setup();
    const posts: Request[] = [];
    const fetch = vi.fn((req: Request) => {
      const url = new URL(req.url);
      if (req.method === 'POST') {
        posts.push(req.clone());
        return Promise.resolve(
          posts.length === 1
            ? jsonResponse({ type: 'validation', title: 'Invalid input', status: 422, detail: 'responsible: not assigned', errors: [{ field: 'responsible', message: '不在本网格或片区' }] }, 422)
            : jsonResponse({ ...LATE, id: 'new' }, 201),
        );
      }
      if (url.pathname === '/api/v1/care-plans/uncovered') return Promise.resolve(jsonResponse({ items: [NOBODY] }));
      return Promise.resolve(jsonResponse({ items: [LATE, FINE] }));
    });
    renderWithApp(<CarePlansPage />, { roles: ['grid-leader'], fetch, route: '/care' });
    expect(await screen.findByText('王秀英')).toBeInTheDocument();
    expect(screen.getByText('李建国')).toBeInTheDocument();
    expect(screen.getByText(/上次探访 2098-12-31 状态良好/)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /结\s*束/ })).toHaveLength(2);

    await user.click(screen.getByText('逾期', { selector: '.ant-segmented-item-label' }));
    await waitFor(() => expect(screen.queryByText('李建国')).not.toBeInTheDocument());
    expect(screen.getByText('王秀英')).toBeInTheDocument();

    await user.click(screen.getByText('未建档'));
    expect(await screen.findByText('赵桂兰')).toBeInTheDocument();
    expect(screen.getByText('卧床')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /建立计划/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/责任人/), 'worker2');
    await user.click(within(dialog).getByRole('button', { name: /建\s*立/ }));
    expect(await within(dialog).findByText('不在本网格或片区')).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText(/责任人/));
    await user.type(within(dialog).getByLabelText(/责任人/), 'worker1');
    await user.click(within(dialog).getByRole('button', { name: /建\s*立/ }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(await posts[1]!.json()).toEqual({ residentId: 'r9', responsible: 'worker1', visitEveryDays: 1, deliveryEveryDays: 7 });
    expect(posts[1]!.headers.get('Idempotency-Key')).toBe(posts[0]!.headers.get('Idempotency-Key'));
  });

  it('lets an admin read plans and residents without one, but not start or end a plan', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn((req: Request) =>
      Promise.resolve(new URL(req.url).pathname === '/api/v1/care-plans/uncovered' ? jsonResponse({ items: [NOBODY] }) : jsonResponse({ items: [LATE] })),
    );
    renderWithApp(<CarePlansPage />, { roles: ['admin'], fetch, route: '/care' });
    expect(await screen.findByText('王秀英')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /结\s*束/ })).not.toBeInTheDocument();
    await user.click(screen.getByText('未建档'));
    expect(await screen.findByText('赵桂兰')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /建立计划/ })).not.toBeInTheDocument();
  });
});
