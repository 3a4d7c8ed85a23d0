import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import type { Figures, Round } from '../api/testing';
import { CoverageView } from './CoverageView';
import { byBuilding } from './MissingList';

const ROUND = { id: 'r1', name: '第 3 轮', status: 'CLOSED', scope: [], modes: ['CENTRAL'], poolSize: 10, labs: [] } as unknown as Round;
const fig = (sampled: number, expected = 10): Figures => ({
  residents: expected, exempt: 0, expected, sampled, makeup: 0, missing: expected - sampled, pending: sampled, negative: 0, positive: 0, coveragePct: (100 * sampled) / expected,
});

describe('CoverageView', { timeout: 90_000 }, () => {
  it('drills down community → grid cell → compound by clicking a row, and back with the breadcrumb', async () => {
    const asked: string[] = [];
    const fetch = (req: Request) => {
      const url = new URL(req.url);
      const level = url.searchParams.get('level');
      const areaId = url.searchParams.get('areaId');
      asked.push(`${level}:${areaId ?? ''}`);
      const rows =
        level === 'COMMUNITY'
          ? [{ areaId: 'c1', level, name: '幸福社区', figures: fig(4) }]
          : level === 'GRID_CELL'
            ? [{ areaId: 'g1', level, name: 'G01 网格', figures: fig(3), previousCoveragePct: 80 }]
            : [{ areaId: 'x1', level, name: '幸福里', figures: fig(3) }];
      return Promise.resolve(jsonResponse({ roundId: 'r1', areaId, level, total: fig(4), rows, asOf: '2026-11-24T01:00:00Z', stale: false, lagSeconds: 0 }));
    };
    const user = userEvent.setup({ delay: null });
    renderWithApp(<CoverageView round={ROUND} />, { roles: ['supervisor'], fetch });
    await user.click(await screen.findByRole('button', { name: '幸福社区' }, { timeout: 15_000 }));
    const cell = await screen.findByRole('button', { name: 'G01 网格' }, { timeout: 15_000 });
    const row = cell.closest<HTMLElement>('[data-testid="coverage-row"]');
    expect(row).not.toBeNull();
    expect(within(row!).getByTestId('coverage-sampled')).toHaveTextContent('3');
    expect(within(row!).getByText('80.0%')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'G01 网格' }));
    expect(await screen.findByRole('button', { name: '幸福里' }, { timeout: 15_000 })).toBeInTheDocument();
    expect(asked).toEqual(['COMMUNITY:', 'GRID_CELL:c1', 'COMPOUND:g1']);
    // back to the community level through the breadcrumb
    await user.click(screen.getByRole('button', { name: '全部' }));
    await waitFor(() => expect(screen.getByRole('button', { name: '幸福社区' })).toBeInTheDocument());
  });
});

describe('CoverageView freshness', { timeout: 90_000 }, () => {
  const answer = (stale: boolean, lagSeconds: number) => (req: Request) => {
    const level = new URL(req.url).searchParams.get('level');
    return Promise.resolve(
      jsonResponse({ roundId: 'r1', areaId: null, level, total: fig(4), rows: [{ areaId: 'c1', level, name: '幸福社区', figures: fig(4) }], asOf: '2026-11-24T01:00:00Z', stale, lagSeconds }),
    );
  };

  it('says the figures are still being counted, and how far behind, when the server says they are stale', async () => {
    renderWithApp(<CoverageView round={{ ...ROUND, status: 'SAMPLING' }} />, { roles: ['supervisor'], fetch: answer(true, 754) });
    const banner = await screen.findByTestId('coverage-stale', {}, { timeout: 15_000 });
    expect(banner).toHaveTextContent('正在统计，落后 12 分钟');
    expect(banner).toHaveTextContent('请勿作为当前数字上报');
    expect(screen.getByTestId('coverage-as-of')).toHaveTextContent('正在统计，落后 12 分钟');
    expect(screen.getByTestId('coverage-as-of')).not.toHaveTextContent('每 5 秒刷新');
  });

  it('counts seconds under a minute, and shows fresh figures as live', async () => {
    const { unmount } = renderWithApp(<CoverageView round={{ ...ROUND, status: 'SAMPLING' }} />, { roles: ['supervisor'], fetch: answer(true, 42) });
    expect(await screen.findByTestId('coverage-stale', {}, { timeout: 15_000 })).toHaveTextContent('正在统计，落后 42 秒');
    unmount();
    renderWithApp(<CoverageView round={{ ...ROUND, status: 'SAMPLING' }} />, { roles: ['supervisor'], fetch: answer(false, 1) });
    await waitFor(() => expect(screen.getByTestId('coverage-as-of')).toHaveTextContent('每 5 秒刷新'), { timeout: 15_000 });
    expect(screen.queryByTestId('coverage-stale')).toBeNull();
  });
});

describe('byBuilding', () => {
  it('groups the worklist by building in the server’s order', () => {
    const p = (name: string, buildingName: string, doorNumber: string) => ({ residentId: name, name, buildingName, doorNumber, householdId: doorNumber, gridCellId: 'g1' });
    const groups = byBuilding([p('a', '1栋', '101'), p('b', '1栋', '102'), p('c', '2栋', '101')]);
    expect(groups.map((g) => [g.building, g.people.map((x) => x.name)])).toEqual([['1栋', ['a', 'b']], ['2栋', ['c']]]);
  });
});
