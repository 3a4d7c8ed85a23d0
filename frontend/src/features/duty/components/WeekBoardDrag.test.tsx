import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import dayjs from 'dayjs';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { applyMove, type Shift } from '../api/duty';
import { weekStart } from './shiftUtils';
import { WeekBoard } from './WeekBoard';

const monday = weekStart(dayjs('2026-11-25'));
const shift = (id: string, code: string, assignees: Shift['assignees']): Shift => ({
  id,
  checkpointId: `c-${code}`,
  checkpointCode: code,
  checkpointName: code,
  businessDate: '2026-11-24',
  kind: 'DAY',
  startsAt: '2026-11-24T08:00:00',
  endsAt: '2026-11-24T16:00:00',
  peopleNeeded: 1,
  assignees,
  gap: false,
  version: 1,
});
const S1 = shift('s1', 'CP-01', [{ personId: 'p1', name: '张三', unit: '街道办', missingCheckOut: false }]);
const S2 = shift('s2', 'CP-02', []);
const PEOPLE = [
  { id: 'p1', name: '张三', unit: '街道办' },
  { id: 'p2', name: '李四', unit: '卫生院' },
];

/** jsdom lays nothing out: give each shift a box of its own (s1 at x 0–100, s2 at 200–300), the people list at x -300. */
const BOXES: Record<string, number> = { s1: 0, s2: 200 };
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const id = this.closest('[data-shift-id]')?.getAttribute('data-shift-id');
    const left = id ? (BOXES[id] ?? -1000) : this.closest('[data-testid="duty-people"]') ? -300 : -1000;
    return { x: left, y: 0, left, top: 0, right: left + 100, bottom: 100, width: 100, height: 100, toJSON: () => ({}) };
  });
});
afterEach(() => vi.restoreAllMocks());

/** A mouse drag as dnd-kit's MouseSensor sees it: press, move past the 6 px threshold, move over the target, release. */
async function drag(chip: HTMLElement, toX: number) {
  const step = async (fire: () => void) => {
    await act(async () => {
      fire();
      await new Promise((r) => setTimeout(r, 10));
    });
  };
  await step(() => fireEvent.mouseDown(chip, { button: 0, clientX: 50, clientY: 50 }));
  await step(() => fireEvent.mouseMove(document, { clientX: 60, clientY: 50 }));
  await step(() => fireEvent.mouseMove(document, { clientX: toX, clientY: 50 }));
  await step(() => fireEvent.mouseUp(document, { clientX: toX, clientY: 50 }));
}

function server(onPost: (body: unknown, path: string) => Response | Promise<Response>) {
  let shifts = [S1, S2];
  return vi.fn(async (req: Request) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/duty-shifts') return jsonResponse({ items: shifts });
    if (url.pathname === '/api/v1/duty-people') return jsonResponse({ items: PEOPLE });
    if (req.method === 'POST' && url.pathname.endsWith('/assignees')) {
      const body = (await req.json()) as { personId: string; fromShiftId?: string };
      const answer = await onPost(body, url.pathname);
      if (answer.ok) {
        const name = PEOPLE.find((p) => p.id === body.personId)?.name ?? '';
        shifts = applyMove(shifts, { personId: body.personId, fromShiftId: body.fromShiftId, toShiftId: url.pathname.split('/')[4] ?? '', assignee: { personId: body.personId, name } });
      }
      return answer;
    }
    return jsonResponse({ status: 404, title: 'Not Found' }, 404);
  });
}

const cell = (id: string) => screen.getAllByTestId('duty-board-shift').find((c) => c.dataset.shiftId === id) as HTMLElement;

describe('WeekBoard drag and drop', () => {
  it('moves a person to another shift in one request, showing it at once', async () => {
    let release: (r: Response) => void = () => undefined;
    const posts: { body: unknown; path: string }[] = [];
    const fetch = server((body, path) => {
      posts.push({ body, path });
      return new Promise((r) => (release = r));
    });
    renderWithApp(<WeekBoard areaId="z1" monday={monday} />, { roles: ['grid-leader'], fetch });
    await screen.findAllByTestId('duty-board-shift');

    await drag(within(cell('s1')).getByText('张三'), 250);

    await waitFor(() => expect(posts).toEqual([{ path: '/api/v1/duty-shifts/s2/assignees', body: { personId: 'p1', fromShiftId: 's1' } }]));
    // optimistic: on the target, gone from the source, before the server has answered
    expect(within(cell('s2')).getByText('张三')).toBeInTheDocument();
    expect(within(cell('s1')).queryByText('张三')).toBeNull();
    release(jsonResponse({ ...S2, assignees: [{ personId: 'p1', name: '张三' }] }));
    await waitFor(() => expect(within(cell('s2')).getByText('张三')).toBeInTheDocument());
  });

  it('puts the board back and shows the broken rule on the target when the server refuses', async () => {
    const fetch = server(() =>
      jsonResponse(
        {
          type: '/problems/duty-rule-violation',
          title: 'Duty rule broken',
          status: 422,
          detail: '张三 lacks the skill medical',
          errors: [{ field: 'SKILLS', message: '张三 lacks the skill medical' }],
        },
        422,
      ),
    );
    renderWithApp(<WeekBoard areaId="z1" monday={monday} />, { roles: ['grid-leader'], fetch });
    await screen.findAllByTestId('duty-board-shift');

    await drag(within(cell('s1')).getByText('张三'), 250);

    const violations = await within(cell('s2')).findByTestId('duty-violations');
    expect(violations).toHaveTextContent('缺少所需技能');
    expect(violations).toHaveTextContent('张三 lacks the skill medical');
    expect(within(cell('s1')).getByText('张三')).toBeInTheDocument();
    expect(within(cell('s2')).queryByText('张三')).toBeNull();
  });

  it('adds someone dragged from the people list (no fromShiftId), and ignores a drop back on the same shift', async () => {
    const posts: unknown[] = [];
    const fetch = server((body) => {
      posts.push(body);
      return jsonResponse(S2);
    });
    renderWithApp(<WeekBoard areaId="z1" monday={monday} />, { roles: ['grid-leader'], fetch });
    await screen.findAllByTestId('duty-board-shift');

    await drag(within(cell('s1')).getByText('张三'), 50);
    const people = await screen.findByTestId('duty-people');
    await drag(await within(people).findByText('李四'), 250);

    await waitFor(() => expect(posts).toEqual([{ personId: 'p2' }]));
    await waitFor(() => expect(within(cell('s2')).getByText('李四')).toBeInTheDocument());
  });

  it('says so when the person is already on the target shift', async () => {
    const posts: unknown[] = [];
    const fetch = server((body) => {
      posts.push(body);
      return jsonResponse(S1);
    });
    renderWithApp(<WeekBoard areaId="z1" monday={monday} />, { roles: ['grid-leader'], fetch });
    const people = await screen.findByTestId('duty-people');
    await drag(await within(people).findByText('张三'), 50);
    expect(await within(cell('s1')).findByRole('alert')).toHaveTextContent('张三 已在这个班次上。');
    expect(posts).toEqual([]);
  });
});
