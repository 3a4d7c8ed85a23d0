import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeAuth, jsonResponse, renderWithApp } from '../../../test-support/render';
import { ExportsPage } from './ExportsPage';

const PENDING_MINE = { id: 'r1', areaId: 'z2', people: 3400, fields: ['PHONE'], reason: '疫苗接种通知', requestedBy: 'sup-a', status: 'PENDING' };
const PENDING_THEIRS = { ...PENDING_MINE, id: 'r2', requestedBy: 'sup-b' };
const APPROVED_MINE = { ...PENDING_MINE, id: 'r3', status: 'APPROVED', decidedBy: 'sup-b' };

/** A fake API: a clear export is refused for approval; requests can be asked, approved and downloaded. */
function server(requests: Record<string, unknown>[]) {
  const calls: string[] = [];
  const fetch = vi.fn((req: Request) => Promise.resolve(answer(req)));
  const answer = (req: Request): Response => {
    const url = new URL(req.url);
    calls.push(`${req.method} ${url.pathname}`);
    if (req.method === 'GET' && url.pathname === '/api/v1/areas/tree') return jsonResponse([]);
    if (req.method === 'GET' && url.pathname === '/api/v1/census/export-requests') return jsonResponse(requests);
    if (req.method === 'POST' && url.pathname === '/api/v1/exports/residents') {
      return new Response(
        JSON.stringify({ type: 'https://gridguard.example/problems/export-approval-required', title: 'Approval required', status: 403, people: 3400 }),
        { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/census/export-requests') {
      requests.unshift(PENDING_MINE);
      return jsonResponse(PENDING_MINE, 202);
    }
    if (req.method === 'POST' && url.pathname.endsWith('/approve')) return jsonResponse({ ...PENDING_THEIRS, status: 'APPROVED' });
    if (req.method === 'POST' && url.pathname.endsWith('/download')) {
      return new Response('\uFEFFid,phone\r\n', { headers: { 'Content-Type': 'text/csv; charset=UTF-8' } });
    }
    return jsonResponse({ title: 'Not Found', status: 404 }, 404);
  };
  return { fetch, calls };
}

describe('ExportsPage', () => {
  it('offers to ask for approval when a clear export is too big, then lists the request as waiting', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = server([]);
    renderWithApp(<ExportsPage />, { roles: ['supervisor'], fetch, auth: fakeAuth(['supervisor'], 'sup-a') });
    await user.click(screen.getByRole('checkbox', { name: '联系电话' }));
    await user.type(screen.getByRole('textbox', { name: '事由' }), '疫苗接种通知');
    await user.click(screen.getByRole('button', { name: /导出$/ }));
    expect(await screen.findByText(/需要另一名主管审批/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '申请审批' }));
    expect(await screen.findByText(/已提交申请/)).toBeInTheDocument();
    expect(calls).toContain('POST /api/v1/census/export-requests');
    // the requester's own pending request cannot be approved by them
    const row = (await screen.findByText('等待另一名主管审批')).closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).queryByRole('button', { name: '批准' })).toBeNull();
  });

  it('lets another supervisor approve, and the requester download an approved request', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = server([PENDING_THEIRS, APPROVED_MINE]);
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:csv'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderWithApp(<ExportsPage />, { roles: ['supervisor'], fetch, auth: fakeAuth(['supervisor'], 'sup-a') });
    await user.click(await screen.findByRole('button', { name: '批准' }));
    await waitFor(() => expect(calls).toContain('POST /api/v1/census/export-requests/r2/approve'));
    await user.click(screen.getByRole('button', { name: /下载$/ }));
    await waitFor(() => expect(calls).toContain('POST /api/v1/census/export-requests/r3/download'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    click.mockRestore();
  });
});
