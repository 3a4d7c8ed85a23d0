import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { HouseholdForm } from './HouseholdForm';

const CELL = '00000000-0000-0000-0000-00000000000b';
const BUILDING = '00000000-0000-0000-0000-00000000000d';
const TREE = [
  {
    id: CELL,
    kind: 'GRID_CELL',
    code: 'G1',
    name: '第1网格',
    children: [{ id: '00000000-0000-0000-0000-00000000000c', kind: 'COMPOUND', code: 'XQ1', name: '燕泉小区', children: [{ id: BUILDING, kind: 'BUILDING', code: 'B1', name: '1栋', children: [] }] }],
  },
];
const HOUSEHOLD = { id: 'h1', areaId: BUILDING, doorNumber: '1-101', livingCount: 3, tenantCount: 0, status: 'OCCUPIED' as const, version: 4 };

function server(onWrite: (req: Request, body: unknown) => Response) {
  return vi.fn(async (req: Request) => {
    const path = new URL(req.url).pathname;
    if (req.method === 'GET' && path === '/api/v1/areas/tree') return jsonResponse(TREE);
    if (req.method === 'POST' || req.method === 'PATCH') return onWrite(req, await req.json());
    return jsonResponse({ title: 'Not Found', status: 404 }, 404);
  });
}

const fieldOf = (label: string) => within(screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement);

describe('HouseholdForm', () => {
  it('checks required fields before anything is sent', async () => {
    const user = userEvent.setup();
    const fetch = server(() => jsonResponse({}, 201));
    renderWithApp(<HouseholdForm onDone={vi.fn()} onCancel={vi.fn()} />, { fetch });

    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请选择所在楼栋、小区或网格。')).toBeInTheDocument();
    expect(screen.getByText('请输入门牌号。')).toBeInTheDocument();
    expect(fetch.mock.calls.filter(([r]) => r.method !== 'GET')).toHaveLength(0);
  });

  it('registers a household under a client id and hands it back', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    const sent: unknown[] = [];
    const fetch = server((req, body) => {
      sent.push(body);
      expect(req.headers.get('Idempotency-Key')).toBe((body as { id: string }).id);
      return jsonResponse({}, 201);
    });
    renderWithApp(<HouseholdForm defaultAreaId={BUILDING} onDone={onDone} onCancel={vi.fn()} />, { fetch });

    await user.type(screen.getByLabelText('门牌号'), ' 2-202 ');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const body = sent[0] as Record<string, unknown>;
    expect(body).toMatchObject({ areaId: BUILDING, doorNumber: '2-202', status: 'OCCUPIED' });
    expect(body).not.toHaveProperty('livingCount'); // counted from the residents (ADR 0056)
    expect(body).not.toHaveProperty('tenantCount');
    expect(onDone).toHaveBeenCalledWith(body.id);
  });

  it('shows the server’s validation errors on the fields they belong to', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    const fetch = server(() =>
      jsonResponse(
        {
          type: 'https://gridguard.example/problems/validation',
          title: 'Invalid input',
          status: 400,
          errors: [
            { field: 'create.body.doorNumber', message: 'this door number is already registered in the building' },
            { field: 'create.body.contactName', message: 'contact name too long' },
          ],
        },
        400,
      ),
    );
    renderWithApp(<HouseholdForm defaultAreaId={BUILDING} onDone={onDone} onCancel={vi.fn()} />, { fetch });

    await user.type(screen.getByLabelText('门牌号'), '1-101');
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect(await fieldOf('门牌号').findByText('this door number is already registered in the building')).toBeInTheDocument();
    expect(fieldOf('联系人').getByText('contact name too long')).toBeInTheDocument();
    expect(screen.queryByRole('alert', { name: /提交的内容有误/ })).not.toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('edits with If-Match and asks to reload when someone else changed the household (412)', async () => {
    const user = userEvent.setup();
    const onReload = vi.fn();
    let ifMatch: string | null = null;
    let sent: unknown;
    const fetch = server((req, body) => {
      ifMatch = req.headers.get('If-Match');
      sent = body;
      return jsonResponse({ type: 'https://gridguard.example/problems/stale-version', title: 'Precondition failed', status: 412, detail: 'The current version is 5' }, 412);
    });
    renderWithApp(<HouseholdForm household={HOUSEHOLD} onDone={vi.fn()} onCancel={vi.fn()} onReload={onReload} />, { fetch });

    const door = screen.getByLabelText('门牌号');
    await user.clear(door);
    await user.type(door, '1-102');
    await user.click(screen.getByRole('button', { name: '保存' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('数据已被他人修改，请刷新后再试。');
    expect(ifMatch).toBe('"4"');
    expect(sent).toMatchObject({ doorNumber: '1-102', version: 4 });
    await user.click(within(alert).getByRole('button', { name: '刷新' }));
    expect(onReload).toHaveBeenCalled();
  });
});
