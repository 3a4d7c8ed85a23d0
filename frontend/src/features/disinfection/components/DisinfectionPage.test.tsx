import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStores, resetOfflineQueues } from '../../../lib/offline';
import { fakeAuth, jsonResponse, renderWithApp } from '../../../test-support/render';
import { DisinfectionPage } from './DisinfectionPage';

const DAY = {
  scheduleId: 's1',
  placeKind: 'AREA',
  placeId: 'xq1',
  placeName: '燕泉小区',
  areaId: 'xq1',
  slots: [
    { at: '2026-12-07T00:00:00Z', windowStart: '2026-12-06T23:00:00Z', windowEnd: '2026-12-07T01:00:00Z', status: 'MISSED' },
    { at: '2026-12-07T08:00:00Z', windowStart: '2026-12-07T07:00:00Z', windowEnd: '2026-12-07T09:00:00Z', status: 'DUE' },
  ],
};
const PLACE = { placeKind: 'AREA', placeId: 'xq1', name: '燕泉小区', type: 'COMPOUND', areaId: 'xq1', scheduleId: 's1' };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  window.localStorage.clear();
});
afterEach(async () => {
  vi.restoreAllMocks();
  resetOfflineQueues();
  await closeStores();
});

describe('DisinfectionPage', { timeout: 120_000 }, () => {
  it("shows today's slots, refuses a negative area, and records the round once with the last agent remembered", async () => {
    const user = userEvent.setup();
    const posts: Request[] = [];
    const fetch = vi.fn((req: Request) => {
      const url = new URL(req.url);
      if (req.method === 'POST') {
        posts.push(req.clone());
        return Promise.resolve(jsonResponse({ id: 'r1', placeKind: 'AREA', placeId: 'xq1', placeName: '燕泉小区', areaId: 'xq1', doneAt: '2026-12-07T08:10:00Z', areaM2: 1200, agent: '过氧乙酸', concentrationMgL: 2000, recordedBy: 'worker1', recordedAt: '2026-12-07T08:10:00Z' }, 201));
      }
      if (url.pathname.endsWith('/disinfection-places')) return Promise.resolve(jsonResponse([PLACE]));
      if (url.pathname.endsWith('/disinfection-slots')) return Promise.resolve(jsonResponse({ items: [DAY] }));
      return Promise.resolve(jsonResponse({ items: [] }));
    });
    const auth = fakeAuth(['grid-worker'], 'worker1');
    Object.assign(auth.user!.profile, { sub: 'sub-worker1' });
    renderWithApp(<DisinfectionPage />, { auth, fetch, route: '/disinfection' });
    const slots = await screen.findAllByTestId('disinfection-slot');
    expect(slots.map((s) => s.dataset.status)).toEqual(['MISSED', 'DUE']);
    expect(slots[0]).toHaveTextContent('✗ 08:00 未完成');
    expect(slots[1]).toHaveTextContent('16:00 待消杀');

    const row = screen.getByText('燕泉小区').closest('tr')!;
    await user.click(within(row).getByRole('button', { name: '记录消杀' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('消毒剂')).toHaveValue('含氯消毒剂 84');
    expect(within(dialog).getByLabelText('浓度')).toHaveValue('500');
    await user.type(within(dialog).getByLabelText('消杀面积'), '-5');
    await user.clear(within(dialog).getByLabelText('消毒剂'));
    await user.type(within(dialog).getByLabelText('消毒剂'), '过氧乙酸');
    await user.clear(within(dialog).getByLabelText('浓度'));
    await user.type(within(dialog).getByLabelText('浓度'), '2000');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('须大于 0')).toBeInTheDocument();
    expect(posts).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText('消杀面积'));
    await user.type(within(dialog).getByLabelText('消杀面积'), '1200');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    const sent = posts[0]!;
    expect(sent.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await sent.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ placeKind: 'AREA', placeId: 'xq1', scheduleId: 's1', areaM2: 1200, agent: '过氧乙酸', concentrationMgL: 2000 });
    expect(typeof body.doneAt).toBe('string');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // the next record starts with the agent and concentration of this one
    await user.click(screen.getAllByRole('button', { name: '记录消杀' })[0]!);
    const next = await screen.findByRole('dialog');
    expect(within(next).getByLabelText('消毒剂')).toHaveValue('过氧乙酸');
    expect(within(next).getByLabelText('浓度')).toHaveValue('2000');
  });
});
