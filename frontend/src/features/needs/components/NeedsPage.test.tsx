import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { byUrgency, nextSteps, type Need } from '../api/needs';
import { NeedsPage } from './NeedsPage';

const NEED: Need = {
  id: 'n1',
  kind: 'MEDICINE',
  medicineName: '硝苯地平缓释片',
  medicineQuantity: '2盒',
  urgency: 'URGENT_MEDICAL',
  source: 'QUARANTINE_VISIT',
  status: 'ASSIGNED',
  doorLabel: '燕泉小区 3栋 502',
  cellName: '第一网格',
  areaId: 'a1',
  gridCellId: 'c1',
  hasPrescription: false,
  assignedTo: 'worker1',
  createdBy: 'worker1',
  createdAt: '2026-12-07T01:00:00Z',
  updatedAt: '2026-12-07T01:00:00Z',
  version: 1,
  history: [],
};

describe('needs', { timeout: 120_000 }, () => {
  it('offers only the steps a status allows, urgent and oldest first', () => {
    expect(nextSteps('OPEN')).toEqual(['assign', 'cancel']);
    expect(nextSteps('OUT_FOR_DELIVERY')).toEqual(['deliver', 'reopen', 'cancel']);
    expect(nextSteps('DELIVERED')).toEqual([]);
    const routine = { ...NEED, id: 'r', urgency: 'ROUTINE' as const, createdAt: '2026-12-06T00:00:00Z' };
    const later = { ...NEED, id: 'l', createdAt: '2026-12-07T05:00:00Z' };
    expect([routine, later, NEED].sort(byUrgency).map((n) => n.id)).toEqual(['n1', 'l', 'r']);
  });

  it('lets a worker hand a need over with one tap on who received it, sending the version seen', async () => {
    const user = userEvent.setup();
    const posts: Request[] = [];
    const fetch = vi.fn((req: Request) => {
      if (req.method === 'POST') {
        posts.push(req.clone());
        return Promise.resolve(jsonResponse({ ...NEED, status: 'DELIVERED', receivedBy: '家属', version: 2 }));
      }
      return Promise.resolve(jsonResponse({ items: [NEED] }));
    });
    renderWithApp(<NeedsPage />, { roles: ['grid-worker'], fetch, route: '/needs' });
    const card = await screen.findByTestId('need-card');
    expect(within(card).getByText(/硝苯地平缓释片 2盒/)).toBeInTheDocument();
    expect(within(card).getByText('燕泉小区 3栋 502')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: /^送\s*达$/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByText('家属'));
    await user.click(within(dialog).getByRole('button', { name: /OK|确\s*定/ }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(new URL(posts[0]!.url).pathname).toBe('/api/v1/needs/n1/deliver');
    expect(posts[0]!.headers.get('If-Match')).toBe('"1"');
    expect(await posts[0]!.json()).toEqual({ receivedBy: '家属', version: 1 });
  });

  it('shows a leader the board by urgency', async () => {
    const fetch = vi.fn(() => Promise.resolve(jsonResponse({ items: [NEED, { ...NEED, id: 'n2', urgency: 'ROUTINE', status: 'OPEN' }] })));
    renderWithApp(<NeedsPage />, { roles: ['grid-leader'], fetch, route: '/needs' });
    expect(await screen.findByText('紧急就医 · 1')).toBeInTheDocument();
    expect(screen.getByText('常规 · 1')).toBeInTheDocument();
    expect(screen.getByText('今日 · 0')).toBeInTheDocument();
  });
});
