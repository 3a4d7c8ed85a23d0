import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test-support/render';
import { JobProgress } from './JobProgress';

describe('JobProgress', () => {
  it('polls the job until it has finished and shows its report', async () => {
    const states = [
      { id: 'j1', kind: 'CENSUS_IMPORT', status: 'RUNNING', progress: 40 },
      { id: 'j1', kind: 'CENSUS_IMPORT', status: 'SUCCEEDED', progress: 100, report: { created: 120, rejected: 3 } },
    ];
    const fetch = vi.fn(() => Promise.resolve(jsonResponse(states.length > 1 ? states.shift() : states[0])));
    renderWithApp(<JobProgress jobId="j1" pollMs={20} />, { roles: ['grid-leader'], fetch });

    expect(await screen.findByText('进行中')).toBeInTheDocument();
    expect(await screen.findByText('已完成')).toBeInTheDocument();
    expect(screen.getByText('120')).toBeInTheDocument();
    const calls = fetch.mock.calls.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(fetch.mock.calls.length).toBe(calls); // stopped polling
  });

  it('shows a failed job as an exception with its error', async () => {
    const fetch = vi.fn(() => Promise.resolve(jsonResponse({ id: 'j2', status: 'FAILED', progress: 60, error: 'Line 12: bad ID number' })));
    renderWithApp(<JobProgress jobId="j2" />, { roles: ['grid-leader'], fetch });
    expect(await screen.findByText('失败')).toBeInTheDocument();
    expect(screen.getByText('Line 12: bad ID number')).toBeInTheDocument();
  });
});
