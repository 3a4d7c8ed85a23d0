import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { unmaskableFields } from '../api/residents';
import { RevealValue } from './RevealValue';

const CLEAR_PHONE = '13812341234';

const bodies: unknown[] = [];

function server(status = 200) {
  bodies.length = 0;
  return vi.fn(async (req: Request) => {
    const path = new URL(req.url).pathname;
    if (req.method === 'POST' && path === '/api/v1/residents/r1/unmask') {
      const body = (await req.json()) as { fields: string[]; reason: string };
      bodies.push(body);
      if (status !== 200) return jsonResponse({ type: 'about:blank', title: 'Too Many Requests', status, detail: 'Unmask limit reached' }, status);
      return jsonResponse({ id: 'r1', phone: body.fields.includes('PHONE') ? CLEAR_PHONE : undefined });
    }
    return jsonResponse({ title: 'Not Found', status: 404 }, 404);
  });
}

describe('unmask (show a masked phone or ID number)', () => {
  it('follows the role table: leaders and supervisors both, workers phones only, admins none', () => {
    expect(unmaskableFields(['supervisor'])).toEqual(['ID_NUMBER', 'PHONE']);
    expect(unmaskableFields(['grid-leader'])).toEqual(['ID_NUMBER', 'PHONE']);
    expect(unmaskableFields(['grid-worker'])).toEqual(['PHONE']);
    expect(unmaskableFields(['admin'])).toEqual([]);
  });

  it('offers no show action to a role that may not see the field', () => {
    renderWithApp(<RevealValue residentId="r1" field="ID_NUMBER" masked="110105********002X" allowed={false} />, { fetch: server() });
    expect(screen.getByText('110105********002X')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /显示/ })).not.toBeInTheDocument();
  });

  it('requires a reason, shows the clear value in the component only, and forgets it on unmount', async () => {
    const user = userEvent.setup();
    const fetch = server();
    const { unmount, queryClient } = renderWithApp(<RevealValue residentId="r1" field="PHONE" masked="138****1234" allowed />, { roles: ['grid-worker'], fetch });

    await user.click(screen.getByRole('button', { name: '显示联系电话' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '显示' }));
    expect(await within(dialog).findByText('请填写查看原因（至少 2 个字）。')).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();

    await user.type(within(dialog).getByLabelText('查看原因'), '电话核实居住情况');
    await user.click(within(dialog).getByRole('button', { name: '显示' }));

    expect(await screen.findByText(CLEAR_PHONE)).toBeInTheDocument();
    expect(bodies[0]).toEqual({ fields: ['PHONE'], reason: '电话核实居住情况' });
    // Never in TanStack Query's caches, never in storage.
    const caches = JSON.stringify([queryClient.getQueryCache().getAll().map((q) => q.state.data), queryClient.getMutationCache().getAll().map((m) => m.state.data)]);
    expect(caches).not.toContain(CLEAR_PHONE);
    expect(JSON.stringify({ ...window.localStorage })).not.toContain(CLEAR_PHONE);
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain(CLEAR_PHONE);

    // Hide puts the mask back; showing again would need a new, audited call.
    await user.click(screen.getByRole('button', { name: '隐藏联系电话' }));
    expect(screen.queryByText(CLEAR_PHONE)).not.toBeInTheDocument();
    expect(screen.getByText('138****1234')).toBeInTheDocument();

    unmount();
    expect(document.body).not.toHaveTextContent(CLEAR_PHONE);
  });

  it('clears the value when the screen closes', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithApp(<RevealValue residentId="r1" field="PHONE" masked="138****1234" allowed />, { fetch: server() });
    await user.click(screen.getByRole('button', { name: '显示联系电话' }));
    await user.type(within(await screen.findByRole('dialog')).getByLabelText('查看原因'), '回访');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '显示' }));
    expect(await screen.findByText(CLEAR_PHONE)).toBeInTheDocument();
    unmount();
    await waitFor(() => expect(document.body).not.toHaveTextContent(CLEAR_PHONE));
  });

  it('says "too many" when the unmask rate is exceeded (429)', async () => {
    const user = userEvent.setup();
    renderWithApp(<RevealValue residentId="r1" field="PHONE" masked="138****1234" allowed />, { fetch: server(429) });
    await user.click(screen.getByRole('button', { name: '显示联系电话' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('查看原因'), '电话核实');
    await user.click(within(dialog).getByRole('button', { name: '显示' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('请求过于频繁，请稍后再试。');
    expect(screen.getAllByText('138****1234').length).toBeGreaterThan(0);
  });
});
