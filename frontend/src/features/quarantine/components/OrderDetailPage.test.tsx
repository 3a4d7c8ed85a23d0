import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { chainTree } from './ChainView';
import { OrderDetailPage } from './OrderDetailPage';
import { ORDER } from '../../../test-support/quarantine';

const CHAIN = {
  orderId: 'o1',
  rootCaseRef: 'CASE-9',
  hiddenCount: 2,
  nodes: [
    { id: 'c0', number: 'Q-CASE', depth: -1, personName: '李四', kind: 'CENTRAL_ISOLATION', reason: 'OTHER', status: 'HOSPITAL' },
    { id: 'o1', number: ORDER.number, sourceOrderId: 'c0', depth: 0, personName: '张三', kind: 'HOME_ISOLATION', reason: 'CLOSE_CONTACT', status: 'ACTIVE' },
    { id: 's1', number: 'Q-SEC', sourceOrderId: 'o1', depth: 1, personName: '王五', kind: 'HOME_MONITORING', reason: 'SECONDARY_CONTACT', status: 'ACTIVE' },
  ],
};

function server(order: Record<string, unknown>) {
  const requests: Request[] = [];
  const fetch = vi.fn((req: Request) => Promise.resolve(answer(req)));
  const answer = (req: Request): Response => {
    requests.push(req.clone());
    const path = new URL(req.url).pathname;
    if (path === '/api/v1/quarantines/o1') return jsonResponse(order);
    if (path === '/api/v1/quarantines/o1/events') return jsonResponse([{ action: 'CREATED', toStatus: 'ACTIVE', actor: 'leader1', at: '2026-12-07T01:00:00Z', reason: '流调' }]);
    if (path === '/api/v1/quarantines/o1/chain') return jsonResponse(CHAIN);
    if (path === '/api/v1/quarantines/o1/extend') return jsonResponse({ ...order, endsOn: '2026-12-27', version: 4 });
    if (path === '/api/v1/quarantine-sites') return jsonResponse({ items: [] });
    if (path === '/api/v1/quarantines/o1/release-notice.pdf') return new Response('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf' } });
    return jsonResponse({ title: 'Not Found', status: 404 }, 404);
  };
  return { fetch, requests };
}

// antd forms and pickers in jsdom are slow on a busy machine
describe('OrderDetailPage', { timeout: 120_000 }, () => {
  it('shows the order, its history and its chain with the orders outside the area counted', async () => {
    const { fetch } = server(ORDER);
    renderWithApp(<OrderDetailPage />, { roles: ['grid-leader'], fetch, route: '/quarantines/o1', path: '/quarantines/:id' });
    expect(await screen.findByText('Q20261207-1 · 张三')).toBeInTheDocument();
    expect(await screen.findByText(/流调/)).toBeInTheDocument();
    expect(await screen.findByText('另有 2 人在您的辖区外')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Q-SEC' })).toHaveAttribute('href', '/quarantines/s1');
  });

  it('extends with a reason and the version seen (If-Match)', async () => {
    const user = userEvent.setup();
    const { fetch, requests } = server(ORDER);
    renderWithApp(<OrderDetailPage />, { roles: ['grid-leader'], fetch, route: '/quarantines/o1', path: '/quarantines/:id' });
    await user.click(await screen.findByRole('button', { name: /延\s*期/ }));
    const date = await screen.findByLabelText('新的结束日期');
    await user.click(date);
    await user.type(date, '2026-12-27{Enter}');
    await user.type(screen.getByLabelText('原因'), '复核阳性');
    await user.click(screen.getAllByRole('button', { name: /延\s*期/ }).at(-1)!);
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/extend'))).toBe(true));
    const post = requests.find((r) => r.url.endsWith('/extend'))!;
    expect(post.headers.get('If-Match')).toBe('"3"');
    expect(await post.json()).toEqual({ endsOn: '2026-12-27', reason: '复核阳性', version: 3 });
  });

  it('offers the notice of a released order, with its check code and the link to check it', async () => {
    const user = userEvent.setup();
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:pdf'), revokeObjectURL: vi.fn() });
    const { fetch, requests } = server({ ...ORDER, status: 'RELEASED', releasedAt: '2026-12-20T02:00:00Z', noticeCode: 'AB12CD34' });
    renderWithApp(<OrderDetailPage />, { roles: ['grid-worker'], fetch, route: '/quarantines/o1', path: '/quarantines/:id' });
    expect(await screen.findByText('AB12CD34')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '验证' })).toHaveAttribute('href', '/verify?number=Q20261207-1&code=AB12CD34');
    expect(screen.queryByRole('button', { name: /延\s*期/ })).toBeNull();
    // 已解除 in the contrast-safe colours (axe flagged antd's preset green on the real stack)
    expect(document.querySelector('.gg-page-head .gg-q-status-RELEASED')).toHaveTextContent('已解除');
    expect(document.querySelector('.ant-tag-green')).toBeNull();
    await user.click(screen.getByRole('button', { name: /下载 PDF/ }));
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/release-notice.pdf'))).toBe(true));
  });
});

describe('chainTree', () => {
  it('hangs each order under its source, and orders whose source is hidden at the top', () => {
    const tree = chainTree([...CHAIN.nodes, { ...CHAIN.nodes[2], id: 'x', number: 'Q-X', sourceOrderId: 'hidden' }] as never, (n) => n.number);
    expect(tree.map((n) => n.key)).toEqual(['c0', 'x']);
    expect(tree[0]!.children?.[0]!.key).toBe('o1');
    expect(tree[0]!.children?.[0]!.children?.[0]!.key).toBe('s1');
  });
});
