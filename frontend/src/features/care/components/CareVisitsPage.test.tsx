import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { CareVisitsPage } from './CareVisitsPage';

const PLAN = {
  id: 'p1',
  residentId: 'r1',
  residentName: '王秀英',
  categories: ['ELDERLY_ALONE'],
  householdId: 'h1',
  doorLabel: '燕泉小区 3栋 502',
  gridCellId: 'c1',
  phoneMasked: '138****1234',
  responsible: 'worker1',
  visitEveryDays: 1,
  deliveryEveryDays: 7,
  status: 'ACTIVE',
  startedAt: '2026-12-01T01:00:00Z',
  nextVisitDue: '2026-12-03',
  visitMissed: true,
  nextDeliveryDue: '2026-12-08',
  deliveryMissed: false,
  createdBy: 'leader1',
  createdAt: '2026-12-01T01:00:00Z',
  updatedAt: '2026-12-01T01:00:00Z',
  version: 0,
  history: [],
};

describe('CareVisitsPage', { timeout: 120_000 }, () => {
  it("lists my due visits, overdue flagged, and records one with a need in a few taps, with one key for retries", async () => {
    const user = userEvent.setup();
    const posts: Request[] = [];
    const lists: URL[] = [];
    const fetch = vi.fn((req: Request) => {
      const url = new URL(req.url);
      if (req.method === 'POST') {
        posts.push(req.clone());
        return Promise.resolve(jsonResponse({ id: 'v1', planId: 'p1', visitedAt: '2026-12-07T02:00:00Z', mode: 'DOOR', condition: 'NEEDS_HELP', needIds: ['n1'], recordedBy: 'worker1', recordedAt: '2026-12-07T02:00:00Z' }, 201));
      }
      lists.push(url);
      return Promise.resolve(jsonResponse({ items: posts.length ? [] : [PLAN] }));
    });
    renderWithApp(<CareVisitsPage />, { roles: ['grid-worker'], fetch, route: '/care-visits' });
    expect(await screen.findByText('王秀英')).toBeInTheDocument();
    expect(screen.getByText('逾期')).toBeInTheDocument();
    expect(lists[0]!.searchParams.get('mine')).toBe('true');
    expect(lists[0]!.searchParams.get('due')).toBe('true');
    expect(lists[0]!.searchParams.get('status')).toBe('ACTIVE');

    await user.click(screen.getByRole('button', { name: /王秀英/ }));
    const save = screen.getByRole('button', { name: /保存探访/ });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('radio', { name: '上门' }).closest('label')!);
    await user.click(screen.getByRole('button', { name: '需要帮助' }));
    await user.click(screen.getByRole('button', { name: '药品' }));
    await user.type(screen.getByLabelText('备注'), ' 腿疼 ');
    await user.click(save);
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(new URL(posts[0]!.url).pathname).toBe('/api/v1/care-plans/p1/visits');
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await posts[0]!.json()).toEqual({ mode: 'DOOR', condition: 'NEEDS_HELP', note: '腿疼', needs: [{ kind: 'MEDICINE', urgency: 'TODAY' }] });
    expect(await screen.findByText('已记录 1 次探访')).toBeInTheDocument();
  });
});
