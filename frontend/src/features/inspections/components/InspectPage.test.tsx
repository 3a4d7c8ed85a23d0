import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeStores, resetOfflineQueues } from '../../../lib/offline';
import { fakeAuth, jsonResponse, renderWithApp } from '../../../test-support/render';
import { InspectionQueueSync } from '../api/queue';
import type { NewInspection, TaskView } from '../api/types';
import { InspectPage } from './InspectPage';

// The canvas needs a real browser (the e2e spec draws on it); here a tap "draws".
vi.mock('./SignatureField', () => ({
  SignatureField: ({ onChange }: { onChange: (png: string) => void }) => (
    <button type="button" onClick={() => onChange('data:image/png;base64,iVBORw0KGgo=')}>
      draw
    </button>
  ),
}));

const PLACE = { placeKind: 'AREA', placeId: '11111111-1111-4111-8111-111111111111', name: '幸福里小区', placeType: 'COMPOUND', areaId: 'z', areaName: '人民路街道' };
const TEMPLATE = {
  id: '22222222-2222-4222-8222-222222222222',
  key: 'k',
  version: 1,
  name: '小区',
  placeType: 'COMPOUND',
  example: true,
  retired: false,
  createdAt: '2026-12-01T00:00:00Z',
  items: [
    { id: 'i-a', position: 1, parentId: null, text: '出入口有人值守', severity: 'MAJOR' },
    { id: 'i-b', position: 2, parentId: 'i-a', text: '进出人员逐一登记', severity: 'MINOR' },
    { id: 'i-c', position: 3, parentId: null, text: '公共区域每日消毒', severity: 'MAJOR' },
  ],
};
const openTask: TaskView = { id: 'task-c', kind: 'RECTIFY', placeKind: 'AREA', placeId: PLACE.placeId, placeName: PLACE.name, itemId: 'i-c', itemText: '公共区域每日消毒', severity: 'MAJOR', reason: '未消毒', dueAt: '2026-12-06T00:00:00Z', status: 'OVERDUE' };

interface Posted {
  key: string | null;
  body: NewInspection;
}

/** The server: places, templates, the place page, and POST /inspections (an Idempotency-Key records once). */
function server(openTasks: TaskView[] = []) {
  const posted: Posted[] = [];
  const stored = new Map<string, Posted>();
  let down = false;
  const fetch = async (req: Request) => {
    if (down) throw new TypeError('Failed to fetch');
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/inspection-places') return jsonResponse([PLACE]);
    if (url.pathname === `/api/v1/inspection-places/AREA/${PLACE.placeId}`) return jsonResponse({ place: PLACE, inspections: [], openTasks });
    if (url.pathname === '/api/v1/inspection-templates') return jsonResponse([TEMPLATE]);
    if (req.method === 'POST' && url.pathname === '/api/v1/inspections') {
      const p: Posted = { key: req.headers.get('Idempotency-Key'), body: (await req.json()) as NewInspection };
      posted.push(p);
      if (!stored.has(p.key ?? '')) stored.set(p.key ?? '', p);
      const fails = p.body.answers.filter((a) => a.result === 'FAIL');
      return jsonResponse(
        { id: 'insp-1', placeKind: 'AREA', placeId: PLACE.placeId, placeName: PLACE.name, result: fails.length ? 'FAILED' : 'PASSED', answers: [], signature: true, tasksOpened: fails.map((a) => ({ ...openTask, id: `t-${a.itemId}`, status: 'OPEN' })), tasksClosed: [], version: 0 },
        201,
      );
    }
    return jsonResponse({ title: 'Not found', status: 404 }, 404);
  };
  return { fetch, posted, stored, setDown: (d: boolean) => (down = d) };
}

function leader() {
  const auth = fakeAuth(['grid-leader'], 'leader1');
  Object.assign(auth.user!.profile, { sub: 'sub-leader1' });
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

const progress = () => screen.getByTestId('item-progress').textContent;

/** Picks the place, walks the checklist (b fails with a reason), signs off. */
async function inspect(user: UserEvent, start = '开始检查') {
  await user.click(await screen.findByText('幸福里小区'));
  await user.click(await screen.findByRole('button', { name: start }));
}

async function signOff(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: '请负责人签字' }));
  await user.type(screen.getByLabelText('负责人姓名'), '王物业');
  await user.type(screen.getByLabelText('负责人电话'), '13800138000');
  await user.click(screen.getByRole('button', { name: 'draw' }));
  await user.click(screen.getByRole('button', { name: '提交检查' }));
}

describe('InspectPage, the inspector’s phone flow', { timeout: 90_000 }, () => {
  it('walks every item with progress; a FAIL cannot go on without reason and responsible person; signs and sends once', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<InspectPage />, { auth: leader(), fetch: s.fetch });
    await inspect(user);

    await waitFor(() => expect(progress()).toBe('1 / 3'));
    await user.click(screen.getByRole('button', { name: '合格' }));
    await waitFor(() => expect(progress()).toBe('2 / 3'));
    expect(screen.getByText('出入口有人值守')).toBeInTheDocument(); // a minor item shows its major one

    await user.click(screen.getByRole('button', { name: '不合格' }));
    const next = screen.getByRole('button', { name: '下一项' });
    expect(next).toBeDisabled();
    expect(screen.getByText('不合格项必须写明原因')).toBeInTheDocument();
    await user.type(screen.getByLabelText('问题原因'), '外卖员未登记');
    expect(next).toBeDisabled();
    expect(screen.getByText('不合格项必须填写责任人')).toBeInTheDocument();
    await user.type(screen.getByLabelText('责任人'), '保安张三');
    await user.click(screen.getByRole('button', { name: '下一项' }));
    await waitFor(() => expect(progress()).toBe('3 / 3'));

    await user.click(screen.getByRole('button', { name: '不适用' }));
    const summary = await screen.findByTestId('summary-step');
    expect(within(summary).getByTestId('summary-result')).toHaveTextContent('未通过');
    expect(summary).toHaveTextContent('不合格 1 项');
    expect(summary).toHaveTextContent('外卖员未登记 · 责任人: 保安张三');

    // no signature yet: refused on the phone
    await user.click(screen.getByRole('button', { name: '请负责人签字' }));
    await user.type(screen.getByLabelText('负责人姓名'), '王物业');
    await user.type(screen.getByLabelText('负责人电话'), '13800138000');
    await user.click(screen.getByRole('button', { name: '提交检查' }));
    expect(await screen.findByText('请负责人在签名区签名')).toBeInTheDocument();
    expect(s.posted).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'draw' }));
    await user.click(screen.getByRole('button', { name: '提交检查' }));

    await waitFor(() => expect(screen.getByTestId('inspection-sent')).toHaveAttribute('data-sent', 'true'));
    expect(screen.getByTestId('inspection-result')).toHaveAttribute('data-result', 'FAILED');
    expect(screen.getByTestId('inspection-tasks')).toHaveAttribute('data-count', '1');
    expect(s.posted).toHaveLength(1);
    const { key, body } = s.posted[0]!;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toMatchObject({
      placeKind: 'AREA',
      placeId: PLACE.placeId,
      templateId: TEMPLATE.id,
      answers: [
        { itemId: 'i-a', result: 'PASS', reason: null, responsibleName: null },
        { itemId: 'i-b', result: 'FAIL', reason: '外卖员未登记', responsibleName: '保安张三' },
        { itemId: 'i-c', result: 'NA' },
      ],
      recheckOf: [],
      signOff: { name: '王物业', phone: '13800138000', signaturePng: 'iVBORw0KGgo=' },
    });
  });

  it('without a network keeps the inspection on the device and sends it once when the network is back', async () => {
    const s = server();
    const user = userEvent.setup({ delay: null });
    renderWithApp(
      <>
        <InspectPage />
        <InspectionQueueSync />
      </>,
      { auth: leader(), fetch: s.fetch },
    );
    await inspect(user);
    for (const answer of ['合格', '合格', '合格']) await user.click(screen.getByRole('button', { name: answer }));
    online = false;
    s.setDown(true);
    await signOff(user);

    expect(await screen.findByTestId('inspection-sent')).toHaveAttribute('data-sent', 'false');
    expect(await screen.findByTestId('inspection-queue')).toHaveAttribute('data-count', '1');
    expect(s.posted).toHaveLength(0);

    online = true;
    s.setDown(false);
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(screen.queryByTestId('inspection-queue')).not.toBeInTheDocument());
    act(() => void window.dispatchEvent(new Event('online')));
    await new Promise((r) => setTimeout(r, 50));
    expect(s.posted).toHaveLength(1);
    expect(s.posted[0]?.body.signOff?.signaturePng).toBe('iVBORw0KGgo=');
  });

  it('offers 复查 at a place with open findings: those items come first and the body names the tasks', async () => {
    const s = server([openTask]);
    const user = userEvent.setup({ delay: null });
    renderWithApp(<InspectPage />, { auth: leader(), fetch: s.fetch });
    await inspect(user, '复查（1 项优先）');

    await waitFor(() => expect(progress()).toBe('1 / 3'));
    const step = screen.getByTestId('item-step');
    expect(step).toHaveAttribute('data-item-id', 'i-c');
    expect(within(step).getByText('复查')).toBeInTheDocument();
    for (const answer of ['合格', '合格', '合格']) await user.click(screen.getByRole('button', { name: answer }));
    await signOff(user);

    await waitFor(() => expect(s.posted).toHaveLength(1));
    expect(s.posted[0]?.body.recheckOf).toEqual(['task-c']);
    expect(s.posted[0]?.body.answers.map((a) => a.itemId)).toEqual(['i-a', 'i-b', 'i-c']);
    expect(await screen.findByTestId('inspection-result')).toHaveAttribute('data-result', 'PASSED');
  });
});
