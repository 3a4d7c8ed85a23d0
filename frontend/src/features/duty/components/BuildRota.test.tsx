import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import dayjs from 'dayjs';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { BuildRota } from './BuildRota';
import { weekStart } from './shiftUtils';

const monday = weekStart(dayjs('2026-11-25'));
const BASE = { id: 'r1', areaId: 'z1', from: '2026-11-23', to: '2026-11-29', jobId: 'j1', version: 0 };
const UNFILLED = {
  shiftId: 's9',
  checkpointCode: 'CP-03',
  startsAt: '2026-11-24T00:00:00+08:00',
  kind: 'NIGHT',
  needed: 2,
  assigned: 1,
  short: 1,
  candidates: 5,
  blockedBy: { SKILLS: 5 },
  why: 'Short by 1 of 2: nobody free has the skill medical',
};

describe('BuildRota', () => {
  it('generates the week, follows the job, explains unfilled shifts and publishes', async () => {
    const user = userEvent.setup();
    const rosterStates = [
      { ...BASE, status: 'SOLVING' },
      { ...BASE, status: 'PROPOSED', score: '0hard/-2medium/-340soft', proposal: [{ shiftId: 's1', personIds: ['p1', 'p2'] }], unfilled: [UNFILLED] },
    ];
    const calls: string[] = [];
    const fetch = vi.fn(async (req: Request) => {
      const path = new URL(req.url).pathname;
      calls.push(`${req.method} ${path}`);
      if (req.method === 'POST' && path === '/api/v1/duty-shifts/generate') {
        expect(await req.json()).toEqual({ areaId: 'z1', from: '2026-11-23', to: '2026-11-29' });
        return jsonResponse({ created: 168, existing: 0, checkpoints: 8 });
      }
      if (req.method === 'POST' && path === '/api/v1/rosters') return jsonResponse({ ...BASE, status: 'SOLVING' }, 202);
      if (path === '/api/v1/jobs/j1') return jsonResponse({ id: 'j1', status: rosterStates.length > 1 ? 'RUNNING' : 'SUCCEEDED', progress: 50, report: { score: '0hard/-2medium/-340soft' } });
      if (req.method === 'GET' && path === '/api/v1/rosters/r1') return jsonResponse(rosterStates.length > 1 ? rosterStates.shift() : rosterStates[0]);
      if (req.method === 'POST' && path === '/api/v1/rosters/r1/publish') return jsonResponse({ ...rosterStates[0], status: 'PUBLISHED' });
      return jsonResponse({ status: 404, title: 'Not Found' }, 404);
    });
    renderWithApp(<BuildRota areaId="z1" monday={monday} pollMs={20} />, { roles: ['grid-leader'], fetch });

    await user.click(screen.getByRole('button', { name: '自动排班' }));
    expect(await screen.findByText('任务进度')).toBeInTheDocument();
    expect(await screen.findByTestId('duty-rota-score')).toHaveTextContent('0hard/-2medium/-340soft');
    expect(screen.getByTestId('duty-rota-status')).toHaveTextContent('待发布');
    expect(screen.getByText('Short by 1 of 2: nobody free has the skill medical')).toBeInTheDocument();
    expect(screen.getByText('SKILLS × 5')).toBeInTheDocument();
    expect(calls.indexOf('POST /api/v1/duty-shifts/generate')).toBeLessThan(calls.indexOf('POST /api/v1/rosters'));

    await user.click(screen.getByRole('button', { name: '发布排班' }));
    await waitFor(() => expect(calls).toContain('POST /api/v1/rosters/r1/publish'));
    expect(await screen.findByText('排班已发布。')).toBeInTheDocument();
  });

  it('shows the refusal when the area is outside the leader’s jurisdiction', async () => {
    const user = userEvent.setup();
    const fetch = vi.fn(() => Promise.resolve(jsonResponse({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such area in your jurisdiction' }, 404)));
    renderWithApp(<BuildRota areaId="other" monday={monday} />, { roles: ['grid-leader'], fetch });
    await user.click(screen.getByRole('button', { name: '自动排班' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('找不到该数据，或它不在您的辖区内。');
    expect(alert).toHaveTextContent('No such area in your jurisdiction');
  });
});
