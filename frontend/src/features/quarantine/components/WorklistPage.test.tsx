import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { WorklistPage } from './WorklistPage';

const ITEM = { id: 'w1', name: '赵六', docMasked: '4310**********0011', compound: '燕泉小区', building: '3栋', door: '502', kind: 'HOME_ISOLATION', reason: 'CLOSE_CONTACT', startsOn: '2026-12-07', endsOn: '2026-12-20', status: 'OPEN', listReference: 'WJW-1207' };

describe('WorklistPage', { timeout: 120_000 }, () => {
  it('lists the unmatched people and resolves one as moved away with a note', async () => {
    const user = userEvent.setup();
    const posts: Request[] = [];
    const fetch = vi.fn((req: Request) => {
      const url = new URL(req.url);
      if (req.method === 'POST') {
        posts.push(req.clone());
        return Promise.resolve(jsonResponse({ ...ITEM, status: 'MOVED_AWAY' }));
      }
      return Promise.resolve(url.pathname === '/api/v1/quarantine-worklist' ? jsonResponse({ items: [ITEM] }) : jsonResponse({ items: [] }));
    });
    renderWithApp(<WorklistPage />, { roles: ['grid-leader'], fetch, route: '/quarantines/worklist' });
    expect(await screen.findByText(/燕泉小区 3栋 502/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /处\s*理/ }));
    await user.click(await within(await screen.findByRole('dialog')).findByText('已搬离'));
    await user.type(await screen.findByLabelText('说明'), '已搬至外地');
    await user.click(screen.getByRole('button', { name: /OK|确\s*定/ }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(new URL(posts[0]!.url).pathname).toBe('/api/v1/quarantine-worklist/w1/resolve');
    expect(await posts[0]!.json()).toEqual({ status: 'MOVED_AWAY', note: '已搬至外地' });
  });
});
