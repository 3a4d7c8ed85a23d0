import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { CheckInCorrections } from './CheckInCorrections';

const SHIFT = {
  id: 's1',
  checkpointCode: 'KK1',
  businessDate: '2026-11-24',
  startsAt: '2026-11-24T08:00:00+08:00',
  endsAt: '2026-11-24T16:00:00+08:00',
  assignees: [
    { personId: 'p1', name: '张三', checkInId: 'ci1', checkInVersion: 4, checkInAt: '2026-11-24T08:20:00+08:00', lateMinutes: 20, missingCheckOut: true },
    { personId: 'p2', name: '李四', missingCheckOut: false },
  ],
};

describe('CheckInCorrections', () => {
  it('corrects a check-in with a reason and shows its history', async () => {
    const user = userEvent.setup();
    const sent: { body: unknown; ifMatch: string | null }[] = [];
    const fetch = vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      if (path === '/api/v1/duty-shifts') return jsonResponse({ items: [SHIFT] });
      if (path === '/api/v1/duty-check-ins/ci1/corrections' && req.method === 'GET')
        return jsonResponse([
          { id: 1, oldCheckInAt: '2026-11-24T08:40:00+08:00', newCheckInAt: '2026-11-24T08:20:00+08:00', reason: '手机没电，补签', correctedBy: 'leader1', correctedAt: '2026-11-24T10:00:00+08:00' },
        ]);
      sent.push({ body: await req.json(), ifMatch: req.headers.get('If-Match') });
      return jsonResponse(null, 201);
    });
    renderWithApp(<CheckInCorrections areaId="z1" />, { roles: ['grid-leader'], fetch });
    const rows = await screen.findAllByTestId('duty-checkin');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('迟到 20 分钟');
    expect(rows[0]).toHaveTextContent('未签退');

    await user.click(within(rows[0]!).getByRole('button', { name: '更正 张三 的考勤' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByTestId('duty-correction-history')).toHaveTextContent('手机没电，补签');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('请填写更正原因。')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('更正原因'), '实际 08:00 到岗');
    await user.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const body = sent[0]!.body as { checkInAt: string; reason: string; version: number };
    expect(body.reason).toBe('实际 08:00 到岗');
    expect(body.version).toBe(4);
    expect(new Date(body.checkInAt).toISOString()).toBe('2026-11-24T00:20:00.000Z');
    expect(sent[0]!.ifMatch).toBe('"4"');
  });
});
