import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { AssignmentForm } from './AssignmentForm';

const ZONE = '00000000-0000-0000-0000-00000000000a';
const CELL = '00000000-0000-0000-0000-00000000000b';
const TREE = [
  {
    id: '00000000-0000-0000-0000-000000000001',
    kind: 'COMMUNITY',
    code: 'C1',
    name: '东湖社区',
    children: [{ id: ZONE, kind: 'ZONE', code: 'Z1', name: '一片区', children: [{ id: CELL, kind: 'GRID_CELL', code: 'G1', name: '第一网格', children: [] }] }],
  },
];

function server(onPost: (body: unknown) => Response) {
  return vi.fn(async (req: Request) => {
    const path = new URL(req.url).pathname;
    if (req.method === 'GET' && path === '/api/v1/areas/tree') return jsonResponse(TREE);
    if (req.method === 'POST' && path === '/api/v1/assignments') return onPost(await req.json());
    return jsonResponse({ title: 'Not Found', status: 404 }, 404);
  });
}

async function fill(user: ReturnType<typeof userEvent.setup>, principal: string, roleLabel: string, nodeLabel: string) {
  await user.type(screen.getByLabelText('用户名'), principal);
  await user.click(screen.getByRole('combobox', { name: '角色' }));
  await user.click(await screen.findByTitle(roleLabel));
  await user.click(screen.getByRole('combobox', { name: '区域' }));
  await user.click(await screen.findByTitle(nodeLabel));
}

const fieldError = (label: string) => {
  const item = screen.getByLabelText(label).closest('.ant-form-item');
  return within(item as HTMLElement);
};

describe('AssignmentForm', () => {
  it('validates on the client before anything is sent', async () => {
    const user = userEvent.setup();
    const fetch = server(() => jsonResponse({}, 201));
    renderWithApp(<AssignmentForm onDone={vi.fn()} onCancel={vi.fn()} />, { roles: ['admin'], fetch });

    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('请输入账号。')).toBeInTheDocument();
    expect(screen.getByText('请选择角色。')).toBeInTheDocument();
    expect(screen.getByText('请选择区域。')).toBeInTheDocument();

    await user.type(screen.getByLabelText('用户名'), 'zhang san');
    expect(await screen.findByText('账号只能包含字母、数字和 . _ @ -，不能有空格。')).toBeInTheDocument();

    expect(fetch.mock.calls.filter(([r]) => r.method === 'POST')).toHaveLength(0);
  });

  it('checks that the role fits the kind of area', async () => {
    const user = userEvent.setup();
    const fetch = server(() => jsonResponse({}, 201));
    renderWithApp(<AssignmentForm onDone={vi.fn()} onCancel={vi.fn()} />, { roles: ['admin'], fetch });

    await fill(user, 'worker9', '网格员 (grid-worker)', '一片区 · 片区');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await fieldError('区域').findByText('网格员只能分配到：网格。')).toBeInTheDocument();
    expect(fetch.mock.calls.filter(([r]) => r.method === 'POST')).toHaveLength(0);
  });

  it('sends a valid assignment and reports success', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const onDone = vi.fn();
    const fetch = server((body) => {
      sent.push(body);
      return jsonResponse({ id: 'new' }, 201);
    });
    renderWithApp(<AssignmentForm onDone={onDone} onCancel={vi.fn()} />, { roles: ['admin'], fetch });

    await fill(user, 'worker9', '网格员 (grid-worker)', '第一网格 · 网格');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent).toEqual([{ principalType: 'USER', principal: 'worker9', role: 'grid-worker', nodeId: CELL }]);
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
            { field: 'create.body.principal', message: 'no such user in the realm' },
            { field: 'create.body.nodeId', message: 'grid-worker needs a grid cell' },
          ],
        },
        400,
      ),
    );
    renderWithApp(<AssignmentForm onDone={onDone} onCancel={vi.fn()} />, { roles: ['admin'], fetch });

    await fill(user, 'ghost', '网格员 (grid-worker)', '第一网格 · 网格');
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect(await fieldError('用户名').findByText('no such user in the realm')).toBeInTheDocument();
    expect(fieldError('区域').getByText('grid-worker needs a grid cell')).toBeInTheDocument();
    // Everything was shown on a field: no separate message repeats it.
    expect(screen.queryByText('提交的内容有误，请按提示修改。')).not.toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows a problem without field errors (403 outside jurisdiction) as a message', async () => {
    const user = userEvent.setup();
    const fetch = server(() => jsonResponse({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Node outside your zone' }, 403));
    renderWithApp(<AssignmentForm onDone={vi.fn()} onCancel={vi.fn()} />, { roles: ['grid-leader'], fetch });

    await fill(user, 'worker9', '网格员 (grid-worker)', '第一网格 · 网格');
    await user.click(screen.getByRole('button', { name: '保存' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('您没有权限执行此操作。');
    expect(alert).toHaveTextContent('Node outside your zone');
  });
});
