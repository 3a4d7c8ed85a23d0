import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { ORDER } from '../../../test-support/quarantine';
import { OrdersPage } from './OrdersPage';


function server() {
  const requests: Request[] = [];
  const fetch = vi.fn((req: Request) => Promise.resolve(answer(req)));
  const answer = (req: Request): Response => {
    requests.push(req.clone());
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/areas/tree' || url.pathname === '/api/v1/quarantine-sites') return jsonResponse(url.pathname.endsWith('tree') ? [] : { items: [] });
    if (req.method === 'GET' && url.pathname === '/api/v1/quarantines') return jsonResponse({ items: [ORDER], next: null });
    if (req.method === 'POST' && url.pathname === '/api/v1/residents/search') {
      return jsonResponse({ items: [{ id: 'r1', name: '张三', idNumber: '1101**********1234', phone: '138****0000' }] });
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/quarantines') return jsonResponse(ORDER, 201);
    return jsonResponse({ title: 'Not Found', status: 404 }, 404);
  };
  return { fetch, requests };
}

// antd forms and pickers in jsdom are slow on a busy machine
describe('OrdersPage', { timeout: 120_000 }, () => {
  it('lists the active orders and filters by kind', async () => {
    const user = userEvent.setup();
    const { fetch, requests } = server();
    renderWithApp(<OrdersPage />, { roles: ['grid-leader'], fetch });
    expect(await screen.findByRole('link', { name: 'Q20261207-1' })).toBeInTheDocument();
    expect(screen.getByText('张三')).toBeInTheDocument();
    const first = requests.find((r) => r.url.includes('/api/v1/quarantines?'));
    expect(new URL(first!.url).searchParams.get('status')).toBe('ACTIVE');
    await user.click(screen.getByRole('combobox', { name: '类型' }));
    await user.click(await screen.findByTitle('居家健康监测'));
    await waitFor(() => expect(requests.some((r) => new URL(r.url).searchParams.get('kind') === 'HOME_MONITORING')).toBe(true));
  });

  it('puts a resident found with the census search under an order, with an Idempotency-Key', async () => {
    const user = userEvent.setup();
    const { fetch, requests } = server();
    renderWithApp(
      <Routes>
        <Route path="/quarantines" element={<OrdersPage />} />
        <Route path="/quarantines/:id" element={<p>order page</p>} />
      </Routes>,
      { roles: ['grid-leader'], fetch, route: '/quarantines' },
    );
    await user.click(await screen.findByRole('button', { name: /新建隔离/ }));
    await user.type(screen.getByRole('textbox', { name: '身份证号或手机号' }), '13800000000');
    await user.click(screen.getByRole('button', { name: /搜\s*索|search/i }));
    await user.click(await screen.findByRole('radio', { name: /张三/ }));
    await user.click(screen.getByRole('button', { name: /创\s*建/ }));
    expect(await screen.findByText('order page')).toBeInTheDocument();
    const post = requests.find((r) => r.method === 'POST' && new URL(r.url).pathname === '/api/v1/quarantines');
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy();
    const body = (await post!.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ residentId: 'r1', kind: 'HOME_ISOLATION', reason: 'CLOSE_CONTACT' });
    expect(body.startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const search = requests.find((r) => new URL(r.url).pathname === '/api/v1/residents/search');
    expect(await search!.json()).toEqual({ phone: '13800000000' });
  });

  it('shows no create button to a worker', async () => {
    const { fetch } = server();
    renderWithApp(<OrdersPage />, { roles: ['grid-worker'], fetch });
    expect(await screen.findByRole('link', { name: 'Q20261207-1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /新建隔离/ })).toBeNull();
  });
});
