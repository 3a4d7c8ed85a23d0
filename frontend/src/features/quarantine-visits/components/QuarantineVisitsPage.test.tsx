import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStores, resetOfflineQueues } from '../../../lib/offline';
import { fakeAuth, jsonResponse, renderWithApp } from '../../../test-support/render';
import { VisitQueueSync, todayInZone } from '../api/visits';
import { toggleSymptom } from './VisitEntry';
import { QuarantineVisitsPage } from './QuarantineVisitsPage';

const ORDER_A = '11111111-1111-4111-8111-111111111111';
const ORDER_B = '22222222-2222-4222-8222-222222222222';
const ALERT_ID = '44444444-4444-4444-8444-444444444444';
const today = todayInZone();

const row = (orderId: string, name: string, status: string, extra: object = {}) => ({
  orderId,
  orderNumber: `Q-${name}`,
  kind: 'HOME_ISOLATION',
  name,
  address: '幸福里 1栋 101',
  date: today,
  window: 'MORNING',
  windowStart: `${today}T00:00:00Z`, // 08:00 Asia/Shanghai
  windowEnd: `${today}T02:00:00Z`, // 10:00
  status,
  ...extra,
});

interface Posted {
  orderId: string;
  body: { clientRef: string; temperature?: number; symptoms: string[]; mode: string; window?: string; sealIntact?: boolean; needs?: { kind: string }[] };
}

/** The server: the day's visits (what was visited is DONE) and the visit endpoint (a clientRef is stored once). */
function server() {
  const posted: Posted[] = [];
  const stored = new Map<string, Posted>();
  const dueQueries: URLSearchParams[] = [];
  let down = false;
  const fetch = async (req: Request) => {
    if (down) throw new TypeError('Failed to fetch');
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === '/api/v1/quarantine-visits/due') {
      dueQueries.push(url.searchParams);
      const visited = new Set([...stored.values()].map((p) => p.orderId));
      return jsonResponse({
        items: [
          row(ORDER_A, '王小明', visited.has(ORDER_A) ? 'DONE' : 'OVERDUE'),
          row(ORDER_B, '李小红', visited.has(ORDER_B) ? 'DONE' : 'DUE', { kind: 'HOME_MONITORING', window: 'AFTERNOON', windowStart: `${today}T08:00:00Z`, windowEnd: `${today}T10:00:00Z` }),
        ],
      });
    }
    const m = /^\/api\/v1\/quarantines\/([^/]+)\/visits$/.exec(url.pathname);
    if (req.method === 'POST' && m) {
      const p: Posted = { orderId: m[1] ?? '', body: (await req.json()) as Posted['body'] };
      posted.push(p);
      const again = stored.has(p.body.clientRef);
      stored.set(p.body.clientRef, p);
      const fever = (p.body.temperature ?? 0) >= 37.3;
      return jsonResponse({ id: crypto.randomUUID(), orderId: p.orderId, fever, clientRef: p.body.clientRef, feverAlertId: fever ? ALERT_ID : undefined }, again ? 200 : 201);
    }
    return jsonResponse({ title: 'Not found', status: 404 }, 404);
  };
  return { fetch, posted, stored, dueQueries, setDown: (d: boolean) => (down = d) };
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

const rowOf = async (name: string) => (await screen.findAllByTestId('visit-row')).find((r) => r.textContent?.includes(name))!;

describe('toggleSymptom', () => {
  it('keeps NONE alone', () => {
    expect(toggleSymptom(['NONE'], 'COUGH')).toEqual(['COUGH']);
    expect(toggleSymptom(['COUGH', 'FATIGUE'], 'NONE')).toEqual(['NONE']);
    expect(toggleSymptom(['COUGH'], 'COUGH')).toEqual(['NONE']);
    expect(toggleSymptom(['COUGH'], 'FATIGUE')).toEqual(['COUGH', 'FATIGUE']);
  });
});

describe('QuarantineVisitsPage', { timeout: 90_000 }, () => {
  it('lists today’s visits with status, name, address, kind, number and window times', async () => {
    const s = server();
    renderWithApp(<QuarantineVisitsPage />, { auth: worker(), fetch: s.fetch });
    const a = await rowOf('王小明');
    expect(a).toHaveAttribute('data-status', 'OVERDUE');
    expect(a).toHaveTextContent('已超时');
    expect(a).toHaveTextContent('幸福里 1栋 101');
    expect(a).toHaveTextContent('居家隔离 · Q-王小明');
    expect(a).toHaveTextContent('上午 08:00–10:00');
    const b = await rowOf('李小红');
    expect(b).toHaveTextContent('待随访');
    expect(b).toHaveTextContent('居家健康监测');
    expect(b).toHaveTextContent('下午 16:00–18:00');
    expect(s.dueQueries[0]?.get('date')).toBe(today);
  });

  it('records a visit with symptoms, seal and needs through the queue; the row turns DONE', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<QuarantineVisitsPage />, { auth: worker(), fetch: s.fetch });
    await user.click(within(await rowOf('王小明')).getByRole('button'));

    const entry = await screen.findByTestId('visit-entry');
    await user.click(within(entry).getByText('电话'));
    // NONE is exclusive: a symptom replaces it
    expect(within(entry).getByRole('button', { name: '无症状', pressed: true })).toBeInTheDocument();
    await user.click(within(entry).getByRole('button', { name: '咳嗽' }));
    expect(within(entry).getByRole('button', { name: '无症状', pressed: false })).toBeInTheDocument();
    await user.click(within(entry).getByText('完好'));
    await user.click(within(entry).getByRole('button', { name: '药品' }));
    await user.click(within(entry).getByRole('button', { name: '36.5 °C' }));

    await waitFor(() => expect(s.posted).toHaveLength(1));
    expect(s.posted[0]).toMatchObject({
      orderId: ORDER_A,
      body: { mode: 'PHONE', temperature: 36.5, symptoms: ['COUGH'], sealIntact: true, needs: [{ kind: 'MEDICINE' }], window: 'MORNING' },
    });
    expect(s.posted[0]?.body.clientRef).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByTestId('visit-recorded')).toHaveTextContent('已登记随访 王小明 36.5 °C');
    await waitFor(async () => expect(await rowOf('王小明')).toHaveAttribute('data-status', 'DONE'));
    expect(screen.getByTestId('visit-queue-waiting')).toHaveAttribute('data-count', '0');
  });

  it('sends no seal for an order that is not home isolation', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<QuarantineVisitsPage />, { auth: worker(), fetch: s.fetch });
    await user.click(within(await rowOf('李小红')).getByRole('button'));
    const entry = await screen.findByTestId('visit-entry');
    expect(within(entry).queryByRole('radio', { name: '完好' })).toBeNull();
    await user.click(within(entry).getByRole('button', { name: '36.4 °C' }));
    await waitFor(() => expect(s.posted).toHaveLength(1));
    expect(s.posted[0]?.body).toMatchObject({ mode: 'DOOR', symptoms: ['NONE'], window: 'AFTERNOON' });
    expect(s.posted[0]?.body.sealIntact).toBeUndefined();
    await waitFor(() => expect(screen.getByTestId('visit-sent')).toHaveAttribute('data-sent', 'true'));
  });

  it('shows a fever in red with what to do, and the alert the server raised', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<QuarantineVisitsPage />, { auth: worker(), fetch: s.fetch });
    await user.click(within(await rowOf('王小明')).getByRole('button'));
    const entry = await screen.findByTestId('visit-entry');
    for (const d of ['3', '8', '2']) await user.click(within(entry).getByRole('button', { name: d }));
    await user.click(within(entry).getByRole('button', { name: /记\s*录/ }));

    const fever = await screen.findByTestId('visit-fever');
    expect(fever).toHaveTextContent('发热 38.2 °C：王小明');
    expect(fever).toHaveTextContent('不要自行外出就医');
    await waitFor(() => expect(fever).toHaveTextContent('已生成发热告警'));
    expect(screen.getByRole('link', { name: '查看告警' })).toHaveAttribute('href', `/alerts?id=${ALERT_ID}`);
  });

  it('queues a visit offline, shows the row queued, and sends it once when the network is back', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    // as in the app: the layout's sync sends queued visits when the network comes back
    renderWithApp(
      <>
        <VisitQueueSync />
        <QuarantineVisitsPage />
      </>,
      { auth: worker(), fetch: s.fetch },
    );
    await rowOf('王小明');
    online = false;
    s.setDown(true);
    window.dispatchEvent(new Event('offline'));

    await user.click(within(await rowOf('王小明')).getByRole('button'));
    await user.click(within(await screen.findByTestId('visit-entry')).getByRole('button', { name: '36.6 °C' }));
    expect(await screen.findByTestId('visit-sent')).toHaveTextContent('待发送');
    await waitFor(() => expect(screen.getByTestId('visit-queue-waiting')).toHaveAttribute('data-count', '1'));
    await waitFor(async () => expect(await rowOf('王小明')).toHaveAttribute('data-status', 'QUEUED'));
    expect(s.posted).toEqual([]);

    online = true;
    s.setDown(false);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(s.posted).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId('visit-queue-waiting')).toHaveAttribute('data-count', '0'));
    await waitFor(async () => expect(await rowOf('王小明')).toHaveAttribute('data-status', 'DONE'));
    expect(s.stored.size).toBe(1);
  });

  it('shows the day’s list kept on the device when reloaded without network', async () => {
    const s = server();
    const first = renderWithApp(<QuarantineVisitsPage />, { auth: worker(), fetch: s.fetch });
    await rowOf('王小明');
    await waitFor(() => expect(Object.keys(window.localStorage).some((k) => k.startsWith('gg.quarantine-visits.sub-worker1.'))).toBe(true));
    first.unmount();

    online = false;
    s.setDown(true);
    renderWithApp(<QuarantineVisitsPage />, { auth: worker(), fetch: s.fetch });
    expect(await rowOf('王小明')).toHaveTextContent('已超时');
    expect(await rowOf('李小红')).toBeInTheDocument();
  });
});
