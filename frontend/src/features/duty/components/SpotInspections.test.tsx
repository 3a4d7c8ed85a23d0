import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { SpotInspections } from './SpotInspections';

describe('SpotInspections', () => {
  it('records an inspection of a post and lists today’s', async () => {
    const user = userEvent.setup();
    const sent: unknown[] = [];
    let list = [{ id: 'i1', checkpointId: 'c1', checkpointCode: 'KK1', inspectedAt: '2026-11-24T09:30:00+08:00', inspector: 'leader1', present: 2, staffed: true, note: '秩序良好' }];
    const fetch = vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/checkpoints') return jsonResponse({ items: [{ id: 'c1', code: 'KK1', name: '北门' }, { id: 'c2', code: 'KK2', name: '南门' }] });
      if (req.method === 'POST') {
        const body = (await req.json()) as unknown;
        sent.push(body);
        list = [...list, { id: 'i2', checkpointId: 'c2', checkpointCode: 'KK2', inspectedAt: '2026-11-24T15:00:00+08:00', inspector: 'leader1', present: 0, staffed: false, note: '无人值守' }];
        return jsonResponse(list[1], 201);
      }
      return jsonResponse(list);
    });
    renderWithApp(<SpotInspections areaId="z1" />, { roles: ['grid-leader'], fetch });
    expect(await screen.findByText('秩序良好')).toBeInTheDocument();
    expect(screen.getByTestId('duty-inspections-today')).toHaveTextContent('今日抽查 1 次');

    // getByRole is slow on a page with a table: find the fields by their labels
    await user.click(screen.getByLabelText('卡口'));
    await user.click(await screen.findByTitle('KK2 南门'));
    const present = screen.getByLabelText('在岗人数');
    fireEvent.change(present, { target: { value: '0' } });
    fireEvent.blur(present);
    fireEvent.change(screen.getByLabelText('发现的问题'), { target: { value: '无人值守' } });
    await user.click(screen.getByText('保存抽查记录'));
    await waitFor(() => expect(sent).toEqual([{ checkpointId: 'c2', present: 0, staffed: false, note: '无人值守' }]));
    await waitFor(() => expect(screen.getByTestId('duty-inspections-today')).toHaveTextContent('今日抽查 2 次'));
  }, 180_000); // a form, a select and a table: the first render alone takes ~13 s on a 2-core machine under load
});
