import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStores, resetOfflineQueues } from '../../../lib/offline';
import { fakeAuth, jsonResponse, renderWithApp } from '../../../test-support/render';
import type { NewSample, Round } from '../api/testing';
import { SampleTab } from './SampleTab';

const ROUND: Round = {
  id: '11111111-1111-4111-8111-111111111111',
  name: '第 3 轮',
  scope: [],
  roundDate: '2026-11-24',
  samplingFrom: '2026-11-24T00:00:00Z',
  samplingTo: '2026-11-24T12:00:00Z',
  modes: ['DOOR_TO_DOOR'],
  poolSize: 5,
  labs: ['lab-demo'],
  status: 'SAMPLING',
  version: 1,
  createdBy: 'supervisor',
  createdAt: '2026-11-23T00:00:00Z',
};

/** The server: tubes by barcode, built from the samples the batch endpoint accepted. The second name is flagged as sampled twice. */
function server(poolSize = ROUND.poolSize) {
  const batches: NewSample[][] = [];
  const stored: NewSample[] = [];
  const fetch = async (req: Request) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === `/api/v1/test-rounds/${ROUND.id}/sites`) return jsonResponse([]);
    if (req.method === 'GET' && url.pathname === `/api/v1/test-rounds/${ROUND.id}/tubes`) {
      const barcode = url.searchParams.get('barcode');
      const people = stored.filter((s) => s.barcode === barcode);
      if (people.length === 0) return jsonResponse({ title: 'Not found', status: 404 }, 404);
      return jsonResponse({
        id: 'tube-1', roundId: ROUND.id, barcode, capacity: poolSize, members: people.length, membersOutOfReach: 0, status: 'OPEN', openedBy: 'worker1', openedAt: '2026-11-24T01:00:00Z', version: 1,
        people: people.map((p) => ({ sampleId: p.id, name: p.visitor?.name ?? '', kind: p.kind ?? 'ORDINARY', visitor: true, flagged: p.visitor?.name === '李四', flagReason: p.visitor?.name === '李四' ? 'SECOND_ORDINARY_SAMPLE' : undefined })),
      });
    }
    if (req.method === 'POST' && url.pathname === `/api/v1/test-rounds/${ROUND.id}/samples/batch`) {
      const { items } = (await req.json()) as { items: NewSample[] };
      batches.push(items);
      stored.push(...items);
      return jsonResponse({ items: items.map((i, index) => ({ index, id: i.id, status: 'CREATED', errors: [] })), summary: { created: items.length, duplicate: 0, updated: 0, rejected: 0 } });
    }
    return jsonResponse({ title: 'Not found', status: 404 }, 404);
  };
  return { fetch, batches };
}

function worker() {
  const auth = fakeAuth(['grid-worker'], 'worker1');
  Object.assign(auth.user!.profile, { sub: 'sub-worker1' });
  return auth;
}

let online = true;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
});
afterEach(async () => {
  vi.restoreAllMocks();
  resetOfflineQueues();
  await closeStores();
});

async function addVisitor(user: ReturnType<typeof userEvent.setup>, name: string) {
  const field = screen.getByRole('textbox', { name: '访客姓名' });
  await user.type(field, name);
  await user.click(screen.getByRole('button', { name: /加\s*入/ }));
}

describe('SampleTab', { timeout: 90_000 }, () => {
  it('fills a pool from a scanned barcode through the offline queue, shows the server’s flag, and keeps offline people as waiting', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SampleTab round={ROUND} />, { auth: worker(), fetch: s.fetch });
    // the wedge scanner types into the focused field, then Enter
    await waitFor(() => expect(screen.getByRole('textbox', { name: '试管条码' })).toHaveFocus());
    await user.keyboard('TB-0001{Enter}');
    expect(await screen.findByTestId('pool-barcode')).toHaveTextContent('TB-0001');
    expect(screen.getByTestId('pool-count')).toHaveTextContent('0 / 5');

    await user.click(screen.getByText('访客'));
    await addVisitor(user, '张三');
    await waitFor(() => expect(screen.getByTestId('pool-count')).toHaveTextContent('1 / 5'));
    await addVisitor(user, '李四');
    await waitFor(() => expect(s.batches).toHaveLength(2));
    expect(s.batches.map((b) => b.map((i) => [i.barcode, i.visitor?.name, i.kind]))).toEqual([[['TB-0001', '张三', 'ORDINARY']], [['TB-0001', '李四', 'ORDINARY']]]);
    // the server said 李四 was sampled twice this round: flagged, not hidden
    expect(await screen.findByTestId('pool-member-flag')).toHaveTextContent('本轮重复采样');

    // offline: the person counts in the pool at once, waiting on the device; nothing is sent
    online = false;
    await addVisitor(user, '王五');
    await waitFor(() => expect(screen.getByTestId('pool-count')).toHaveTextContent('3 / 5'));
    expect(within(screen.getAllByTestId('pool-member')[2]!).getByText('待上传')).toBeInTheDocument();
    expect(screen.getByTestId('sample-queue-waiting')).toHaveAttribute('data-count', '1');
    expect(s.batches).toHaveLength(2);
  });

  it('shows the full-pool state and stops taking people when the pool reaches its size', async () => {
    const s = server(1);
    const user = userEvent.setup({ delay: null });
    renderWithApp(<SampleTab round={{ ...ROUND, poolSize: 1 }} />, { auth: worker(), fetch: s.fetch });
    await waitFor(() => expect(screen.getByRole('textbox', { name: '试管条码' })).toHaveFocus());
    await user.keyboard('TB-0009{Enter}');
    await user.click(await screen.findByText('访客'));
    await addVisitor(user, '赵六');
    expect(await screen.findByTestId('pool-full')).toHaveTextContent('本管已满');
    await waitFor(() => expect(s.batches).toHaveLength(1));
    expect(screen.queryByRole('textbox', { name: '访客姓名' })).toBeNull();
    expect(screen.getByTestId('pool')).toHaveAttribute('data-full', 'true');
  });
});
