import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStores, resetOfflineQueues } from '../../../lib/offline';
import { fakeAuth, jsonResponse, renderWithApp } from '../../../test-support/render';
import { CheckpointPage } from './CheckpointPage';

const GATE = { id: '11111111-1111-4111-8111-111111111111', code: 'BH-C001-KK4', name: '幸福里大门', kind: 'GATE' };
const PERSON = { residentId: '22222222-2222-4222-8222-222222222222', name: '王小明', householdId: '33333333-3333-4333-8333-333333333333', doorLabel: '幸福里 1栋 101', idNumberMasked: '110105********002X', underWatch: false };
const ALERT_ID = '44444444-4444-4444-8444-444444444444';

interface Item {
  id: string;
  temperature: number;
  source: string;
  direction?: string;
  checkpointId?: string;
  residentId?: string;
  visitor?: { name: string };
}

/** The server: checkpoints, the people search and the batch endpoint (a fever gets an alert). */
function server() {
  const batches: Item[][] = [];
  const searches: unknown[] = [];
  const fetch = async (req: Request) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === '/api/v1/checkpoints') return jsonResponse({ items: [GATE] });
    if (req.method === 'POST' && url.pathname === `/api/v1/checkpoints/${GATE.id}/people/search`) {
      searches.push(await req.json());
      return jsonResponse([PERSON]);
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/temperature-checks/batch') {
      const { items } = (await req.json()) as { items: Item[] };
      batches.push(items);
      return jsonResponse({
        items: items.map((i, index) => ({ index, id: i.id, status: 'CREATED', errors: [], alertId: i.temperature >= 37.3 ? ALERT_ID : undefined })),
        summary: { created: items.length, duplicate: 0, updated: 0, rejected: 0 },
      });
    }
    return jsonResponse({ title: 'Not found', status: 404 }, 404);
  };
  return { fetch, batches, searches };
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

async function pickGateAndFind(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: /BH-C001-KK4/ }));
  await user.type(screen.getByRole('textbox', { name: '姓名或身份证号' }), '王小明');
  await user.click(screen.getByRole('button', { name: /查\s*找/ }));
  return screen.findByText('王小明');
}

// Rendering antd on a busy 2-core machine is slow: these cases get 90 s each.
describe('CheckpointPage', { timeout: 90_000 }, () => {
  it('records a resident’s normal reading in two taps after the search, through the queue and the batch endpoint', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<CheckpointPage />, { auth: worker(), fetch: s.fetch });
    await pickGateAndFind(user);
    // A name goes as a name, never an ID number in a URL.
    expect(s.searches).toEqual([{ name: '王小明' }]);
    // One hit is selected already; tapping it again keeps it (tap 1), then the shortcut (tap 2).
    await user.click(screen.getByRole('button', { name: /王小明/, pressed: true }));
    await user.click(screen.getByRole('button', { name: '36.5 °C' }));

    await waitFor(() => expect(s.batches).toHaveLength(1));
    expect(s.batches[0]).toEqual([
      expect.objectContaining({ source: 'GATE', direction: 'IN', checkpointId: GATE.id, residentId: PERSON.residentId, temperature: 36.5 }),
    ]);
    expect(s.batches[0]?.[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText('已发送')).toBeInTheDocument();
    expect(screen.getByTestId('last-recorded')).toHaveTextContent('已登记 王小明 36.5 °C');
    expect(screen.getByTestId('queue-waiting')).toHaveAttribute('data-count', '0');
  });

  it('looks up an 18-character ID number in the POST body', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<CheckpointPage />, { auth: worker(), fetch: s.fetch });
    await user.click(await screen.findByRole('button', { name: /BH-C001-KK4/ }));
    await user.type(screen.getByRole('textbox', { name: '姓名或身份证号' }), '11010519900307002x');
    await user.click(screen.getByRole('button', { name: /查\s*找/ }));
    await screen.findByText('王小明');
    expect(s.searches).toEqual([{ idNumber: '11010519900307002X' }]);
  });

  it('shows a fever in red with the alert the server opened', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<CheckpointPage />, { auth: worker(), fetch: s.fetch });
    await pickGateAndFind(user);
    await user.click(screen.getByText('出', { exact: true }));
    for (const d of ['3', '8', '2']) await user.click(screen.getByRole('button', { name: d }));
    await user.click(screen.getByRole('button', { name: /记\s*录/ }));

    const fever = await screen.findByTestId('last-fever');
    expect(fever).toHaveTextContent('发热 38.2 °C：王小明');
    await waitFor(() => expect(fever).toHaveTextContent('已生成发热告警'));
    expect(screen.getByRole('link', { name: '查看告警' })).toHaveAttribute('href', `/alerts?id=${ALERT_ID}`);
    expect(s.batches[0]?.[0]).toMatchObject({ direction: 'OUT', temperature: 38.2 });
  });

  it('queues offline, says the alert comes when sent, and sends once the network is back', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<CheckpointPage />, { auth: worker(), fetch: s.fetch });
    await pickGateAndFind(user);
    online = false;
    window.dispatchEvent(new Event('offline'));

    await user.click(screen.getByRole('button', { name: '37.0 °C' }));
    await user.click(screen.getByText('访客'));
    await user.type(screen.getByLabelText('姓名'), '李访客');
    // the pad is enabled once the form reports the name (Form.useWatch, a render later): a person types slower
    // than that, a test on a busy CI core may not
    await waitFor(() => expect(screen.getByRole('button', { name: '3' })).toBeEnabled());
    for (const d of ['3', '9', '0']) await user.click(screen.getByRole('button', { name: d }));
    await user.click(screen.getByRole('button', { name: /记\s*录/ }));

    expect(await screen.findByTestId('last-fever')).toHaveTextContent('离线：发送后将生成发热告警');
    await waitFor(() => expect(screen.getByTestId('queue-waiting')).toHaveAttribute('data-count', '2'));
    expect(screen.getByTestId('queue-waiting')).toHaveTextContent('待发送 2 条');
    expect(s.batches).toEqual([]);

    online = true;
    window.dispatchEvent(new Event('online'));
    await user.click(screen.getByRole('button', { name: /立即发送/ }));
    await waitFor(() => expect(screen.getByTestId('queue-waiting')).toHaveAttribute('data-count', '0'));
    expect(s.batches).toHaveLength(1);
    expect(s.batches[0]?.map((i) => i.temperature)).toEqual([37.0, 39.0]);
    expect(s.batches[0]?.[1]?.visitor).toEqual({ name: '李访客' });
  });
});
