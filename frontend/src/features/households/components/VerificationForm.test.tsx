import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { VerificationForm } from './VerificationForm';

function server(sent: unknown[]) {
  return vi.fn(async (req: Request) => {
    if (req.method === 'POST' && new URL(req.url).pathname === '/api/v1/households/h1/verifications') {
      sent.push(await req.json());
      return jsonResponse({}, 201);
    }
    return jsonResponse({ title: 'Not Found', status: 404 }, 404);
  });
}

describe('VerificationForm', () => {
  it('records a visit that may also set the household status', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const onDone = vi.fn();
    renderWithApp(<VerificationForm householdId="h1" onDone={onDone} />, { fetch: server(sent) });

    expect(screen.getByLabelText('同时更新住户状态')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存核查记录' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent[0]).toMatchObject({ method: 'VISIT' });
  });

  it('offers a notice left, which hides the household status and never sends one', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    const onDone = vi.fn();
    renderWithApp(<VerificationForm householdId="h1" onDone={onDone} />, { fetch: server(sent) });

    await user.click(screen.getByLabelText('同时更新住户状态'));
    await user.click(await screen.findByTitle('无法联系'));
    await user.click(screen.getByText('留言告知'));
    expect(screen.queryByLabelText('同时更新住户状态')).not.toBeInTheDocument();
    expect(screen.getByText('留言告知只记录联系尝试，不算核查，也不改变住户状态。')).toBeInTheDocument();
    await user.type(screen.getByLabelText('核查情况'), '门上张贴告知单');
    await user.click(screen.getByRole('button', { name: '保存核查记录' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'NOTICE', findings: '门上张贴告知单' });
    expect(sent[0]).not.toHaveProperty('householdStatus');
  });
});
