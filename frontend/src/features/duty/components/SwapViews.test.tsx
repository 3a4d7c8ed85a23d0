import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { MySwaps, SwapApprovals, SwapRequestButton } from './SwapViews';

const SWAP = {
  id: 'w1',
  shiftId: 's1',
  personId: 'p1',
  otherPersonId: 'p2',
  state: 'REQUESTED',
  reason: '家中有事',
  personName: '张三',
  otherPersonName: '李四',
  checkpointCode: 'CP-01',
  checkpointName: '东门',
  startsAt: '2026-11-24T08:00:00',
  endsAt: '2026-11-24T16:00:00',
  version: 0,
};
/** A fake server answering synchronously. */
const answer = (f: (req: Request) => Response) => vi.fn((req: Request) => Promise.resolve(f(req)));
const SHIFT = { id: 's1', checkpointCode: 'CP-01', startsAt: '2026-11-24T08:00:00', endsAt: '2026-11-24T16:00:00' };

describe('swaps', () => {
  it('lets a worker ask someone to take their shift', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const fetch = vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/duty-people') return jsonResponse({ items: [{ id: 'p1', name: '张三', unit: '街道办' }, { id: 'p2', name: '李四', unit: '卫生院' }] });
      if (req.method === 'POST' && path === '/api/v1/duty-swaps') {
        sent.push(await req.json());
        return jsonResponse(SWAP, 201);
      }
      return jsonResponse([]);
    });
    renderWithApp(<SwapRequestButton shift={SHIFT} me={{ id: 'p1', name: '张三' }} />, { fetch });
    await user.click(screen.getByRole('button', { name: /换班/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('combobox', { name: '请谁替班' }));
    expect(screen.queryByTitle('张三 · 街道办')).toBeNull();
    await user.click(await screen.findByTitle('李四 · 卫生院'));
    await user.type(within(dialog).getByLabelText('原因'), '家中有事');
    await user.click(within(dialog).getByRole('button', { name: '发送请求' }));
    await waitFor(() => expect(sent).toEqual([{ shiftId: 's1', personId: 'p1', otherPersonId: 'p2', reason: '家中有事' }]));
    expect(await screen.findByText('换班请求已发送，等待对方同意。')).toBeInTheDocument();
  });

  it('lets the person asked accept or decline', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    let state = 'REQUESTED';
    const fetch = answer((req: Request) => {
      const path = new URL(req.url).pathname;
      if (req.method === 'POST') {
        calls.push(path);
        state = 'ACCEPTED';
        return jsonResponse({ ...SWAP, state });
      }
      if (path === '/api/v1/duty-swaps') return jsonResponse([{ ...SWAP, state }]);
      return jsonResponse({}, 404);
    });
    renderWithApp(<MySwaps me={{ id: 'p2', name: '李四' }} />, { fetch });
    const item = await screen.findByTestId('duty-swap');
    expect(item).toHaveTextContent('CP-01 东门 · 11-24 08:00–16:00');
    expect(item).toHaveTextContent('张三 → 李四');
    expect(within(item).getByTestId('duty-swap-state')).toHaveTextContent('待对方同意');
    expect(within(item).getByRole('button', { name: '婉拒' })).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: '同意替班' }));
    await waitFor(() => expect(calls).toEqual(['/api/v1/duty-swaps/w1/accept']));
    await waitFor(() => expect(within(screen.getByTestId('duty-swap')).getByTestId('duty-swap-state')).toHaveTextContent('待网格长批准'));
    expect(screen.queryByRole('button', { name: '同意替班' })).toBeNull();
  });

  it('shows the leader the rules an approval would break, and lets them reject', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    const fetch = answer((req: Request) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/duty-swaps') return jsonResponse([{ ...SWAP, state: 'ACCEPTED' }]);
      if (path === '/api/v1/duty-people') return jsonResponse({ items: [] });
      calls.push(path);
      if (path.endsWith('/approve'))
        return jsonResponse({ type: '/problems/duty-rule-violation', title: 'Duty rule broken', status: 422, detail: 'rest', errors: [{ field: 'REST', message: '李四 has only 0 h of rest' }] }, 422);
      return jsonResponse({ ...SWAP, state: 'REJECTED' });
    });
    renderWithApp(<SwapApprovals areaId="z1" />, { roles: ['grid-leader'], fetch });
    const item = await screen.findByTestId('duty-swap');
    await user.click(within(item).getByRole('button', { name: '批准' }));
    const violations = await within(item).findByTestId('duty-violations');
    expect(violations).toHaveTextContent('休息不足');
    expect(violations).toHaveTextContent('李四 has only 0 h of rest');
    await user.click(within(item).getByRole('button', { name: '驳回' }));
    await waitFor(() => expect(calls).toEqual(['/api/v1/duty-swaps/w1/approve', '/api/v1/duty-swaps/w1/reject']));
  });
});
