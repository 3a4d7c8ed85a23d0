import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStores, resetOfflineQueues } from '../../../lib/offline';
import { fakeAuth, jsonResponse, renderWithApp } from '../../../test-support/render';
import { CheckpointPage } from './CheckpointPage';

const GATE = { id: '11111111-1111-4111-8111-111111111111', code: 'BH-C001-KK4', name: '幸福里大门', kind: 'GATE' };
const ORDER = { orderId: '55555555-5555-4555-8555-555555555555', number: 'Q20261207-7', kind: 'HOME_ISOLATION', endsOn: '2026-12-19' };
const ISOLATED = {
  residentId: '22222222-2222-4222-8222-222222222222',
  name: '李隔离',
  householdId: '33333333-3333-4333-8333-333333333333',
  doorLabel: '幸福里 1栋 101',
  underWatch: false,
  quarantine: ORDER,
};
const FREE = { ...ISOLATED, residentId: '66666666-6666-4666-8666-666666666666', name: '王自由', quarantine: undefined };

/** The server: checkpoints, the people search (one person under order, one not) and the breach endpoint. */
function server() {
  const breaches: { path: string; body: unknown; key: string | null }[] = [];
  const fetch = async (req: Request) => {
    const url = new URL(req.url);
    if (req.method === 'GET' && url.pathname === '/api/v1/checkpoints') return jsonResponse({ items: [GATE] });
    if (req.method === 'POST' && url.pathname === `/api/v1/checkpoints/${GATE.id}/people/search`) {
      const body = (await req.json()) as { name?: string };
      return jsonResponse(body.name === '王自由' ? [FREE] : [ISOLATED]);
    }
    if (req.method === 'POST' && url.pathname === `/api/v1/quarantines/${ORDER.orderId}/breaches`) {
      breaches.push({ path: url.pathname, body: await req.json(), key: req.headers.get('Idempotency-Key') });
      return jsonResponse(
        { id: '77777777-7777-4777-8777-777777777777', orderId: ORDER.orderId, orderNumber: ORDER.number, checkpointId: GATE.id, at: '2026-12-07T02:00:00Z', recordedBy: 'worker1', alertId: '88888888-8888-4888-8888-888888888888' },
        201,
      );
    }
    return jsonResponse({ title: 'Not found', status: 404 }, 404);
  };
  return { fetch, breaches };
}

function worker() {
  const auth = fakeAuth(['grid-worker'], 'worker1');
  Object.assign(auth.user!.profile, { sub: 'sub-worker1' });
  return auth;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => true);
});
afterEach(async () => {
  vi.restoreAllMocks();
  resetOfflineQueues();
  await closeStores();
});

async function find(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: /BH-C001-KK4/ }));
  await user.type(screen.getByRole('textbox', { name: '姓名或身份证号' }), name);
  await user.click(screen.getByRole('button', { name: /查\s*找/ }));
}

// Rendering antd on a busy 2-core machine is slow: these cases get 90 s each.
describe('HomeOrderBanner at the checkpoint', { timeout: 90_000 }, () => {
  it('shows the blocking red banner for a person under a home order, blocks the way out, and records the attempt', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<CheckpointPage />, { auth: worker(), fetch: s.fetch });
    await find(user, '李隔离');
    const banner = await screen.findByTestId('home-order-banner');
    expect(banner).toHaveTextContent('居家隔离中，不得外出');
    expect(banner).toHaveTextContent('Q20261207-7');
    expect(banner).toHaveTextContent('2026-12-19');
    expect(screen.getByText('居家隔离', { selector: '.ant-tag' })).toBeInTheDocument();
    // coming in is recorded as usual; the way out is blocked: every one-tap temperature is disabled
    const shortcuts = () => screen.getAllByRole('button', { name: /°C$/ });
    expect(shortcuts()[0]).toBeEnabled();
    await user.click(screen.getByText('出'));
    expect(screen.getByText('隔离期间不能登记外出')).toBeInTheDocument();
    for (const b of shortcuts()) expect(b).toBeDisabled();

    await user.click(screen.getByRole('button', { name: /记录外出尝试/ }));
    expect(await screen.findByTestId('breach-recorded')).toHaveTextContent('已记录外出尝试，已通知网格长。');
    expect(s.breaches).toHaveLength(1);
    expect(s.breaches[0]?.body).toEqual({ checkpointId: GATE.id });
    expect(s.breaches[0]?.key).toBeTruthy();
  });

  it('shows no banner for a person without an order', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<CheckpointPage />, { auth: worker(), fetch: s.fetch });
    await find(user, '王自由');
    expect(await screen.findByTestId('person-selected')).toHaveTextContent('王自由');
    expect(screen.queryByTestId('home-order-banner')).not.toBeInTheDocument();
  });
});
