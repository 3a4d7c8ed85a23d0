import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import type { Enterprise } from '../api/enterprises';
import { EnterprisesPage } from './EnterprisesPage';

const SHOP: Enterprise = {
  id: 'e1',
  name: '燕泉惠民超市',
  creditCode: '91440300708461136T',
  kind: 'SHOP',
  areaId: 'a1',
  areaName: '燕泉花园',
  employees: 8,
  resumedOn: '2026-12-07',
  status: 'RESUMED',
  resumingToday: true,
  contactName: '王建国',
  contactPhoneMasked: '138****8001',
  createdBy: 'demo',
  createdAt: '2026-12-07T00:00:00Z',
  updatedBy: 'demo',
  updatedAt: '2026-12-07T00:00:00Z',
  version: 0,
};
const FACTORY: Enterprise = { ...SHOP, id: 'e2', name: '华兴服装厂', kind: 'FACTORY', creditCode: '914403001922038216', resumingToday: false, resumedOn: '2026-12-01' };

describe('enterprises', { timeout: 120_000 }, () => {
  it('shows today’s resuming enterprises first and highlighted, and leaders only read', async () => {
    const fetch = vi.fn(() => Promise.resolve(jsonResponse({ items: [FACTORY, SHOP] })));
    renderWithApp(<EnterprisesPage />, { roles: ['grid-leader'], fetch, route: '/enterprises' });
    const today = await screen.findByTestId('enterprise-today');
    expect(within(today).getByText('燕泉惠民超市')).toBeInTheDocument();
    expect(today).toHaveClass('gg-enterprise-today');
    expect(screen.getByText('今日有 1 家企业复工，需当天首次检查')).toBeInTheDocument();
    expect(screen.getAllByRole('row')[1]).toBe(today);
    expect(screen.queryByRole('button', { name: /登记企业/ })).not.toBeInTheDocument();
  });

  it('checks the credit code while typing and sends a cleaned code once', async () => {
    const user = userEvent.setup();
    const posts: Request[] = [];
    const fetch = vi.fn((req: Request) => {
      if (req.method === 'POST') {
        posts.push(req.clone());
        return Promise.resolve(jsonResponse({ ...SHOP, id: 'e3' }, 201));
      }
      if (req.url.includes('/areas/tree')) return Promise.resolve(jsonResponse([{ id: 'a1', kind: 'COMPOUND', name: '燕泉花园', children: [] }]));
      return Promise.resolve(jsonResponse({ items: [] }));
    });
    renderWithApp(<EnterprisesPage />, { roles: ['inspector'], fetch, route: '/enterprises' });
    await user.click(await screen.findByRole('button', { name: /登记企业/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('企业名称'), '宏图物流');
    const code = within(dialog).getByLabelText('统一社会信用代码');
    await user.type(code, '91440300708461136X');
    expect(await within(dialog).findByText('校验位不符（GB 32100-2015），应为 T，请核对')).toBeInTheDocument();
    await user.clear(code);
    await user.type(code, '９１４４０３００７０８４６１１３６ｔ');
    await waitFor(() => expect(within(dialog).queryByText(/校验位不符/)).not.toBeInTheDocument());
    await user.click(within(dialog).getByLabelText('所属区域'));
    await user.click(await screen.findByTitle('燕泉花园'));
    await user.click(within(dialog).getByRole('button', { name: /OK|确\s*定/ }));
    await waitFor(() => expect(posts).toHaveLength(1));
    const body = (await posts[0]!.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ name: '宏图物流', creditCode: '91440300708461136T', areaId: 'a1', kind: 'SHOP', status: 'PENDING' });
    expect(posts[0]!.headers.get('Idempotency-Key')).toBeTruthy();
  });
});
