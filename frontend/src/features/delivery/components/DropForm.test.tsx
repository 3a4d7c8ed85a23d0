import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { DropForm } from './DropForm';

const CATALOGUE = [{ id: '00000000-0000-0000-0000-0000000000a1', name: '口罩', unit: '个' }];

function server(answers: Response[]) {
  const sent: { key: string | null; body: unknown }[] = [];
  const fetch = vi.fn(async (req: Request) => {
    if (req.method === 'POST' && new URL(req.url).pathname === '/api/v1/delivery-runs/r1/drops') {
      sent.push({ key: req.headers.get('Idempotency-Key'), body: await req.json() });
      return answers.shift() ?? jsonResponse({}, 500);
    }
    return jsonResponse({ title: 'Not Found', status: 404 }, 404);
  });
  return { fetch, sent };
}

describe('DropForm', () => {
  it('records a delivery received by the family, and a retry after a refusal keeps its Idempotency-Key', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    const { fetch, sent } = server([
      jsonResponse({ status: 409, title: 'Conflict', detail: '口罩: 3 on hand, 5 asked' }, 409),
      jsonResponse({ id: 'd1', runId: 'r1', needId: 'n1', outcome: 'DELIVERED', items: [], recordedBy: 'w', recordedAt: '2026-12-07T02:00:00Z' }, 201),
    ]);
    renderWithApp(<DropForm runId="r1" needId="n1" catalogue={CATALOGUE} onDone={onDone} onCancel={vi.fn()} />, { fetch });

    await user.click(screen.getByText('家属'));
    await user.type(screen.getByLabelText('备注'), '放门口');
    await user.click(screen.getByRole('button', { name: '确认送达' }));
    expect(await screen.findByText('口罩: 3 on hand, 5 asked')).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: '确认送达' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent).toHaveLength(2);
    expect(sent[0]?.body).toEqual({ needId: 'n1', outcome: 'DELIVERED', receivedBy: '家属', items: [], note: '放门口' });
    expect(sent[0]?.key).toBeTruthy();
    expect(sent[1]?.key).toBe(sent[0]?.key);
  });

  it('asks who received it when "other" is chosen, before anything is sent', async () => {
    const user = userEvent.setup();
    const { fetch, sent } = server([]);
    renderWithApp(<DropForm runId="r1" needId="n1" catalogue={CATALOGUE} onDone={vi.fn()} onCancel={vi.fn()} />, { fetch });

    await user.click(screen.getByText('其他'));
    await user.click(screen.getByRole('button', { name: '确认送达' }));
    expect(await screen.findByLabelText('签收人姓名或关系')).toBeInTheDocument();
    await waitFor(() => expect(document.querySelector('.ant-form-item-explain-error')).not.toBeNull());
    expect(sent).toHaveLength(0);
  });
});
