import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { AlertInboxPage } from './AlertInboxPage';

/** The kinds as the server declares them: the web app holds no list of its own. */
const KINDS = [
  { kind: 'FEVER', labels: { 'zh-CN': '发热', en: 'Fever' }, color: 'red', assigneeRole: 'grid-leader', transitions: {} },
  { kind: 'QUARANTINE_VISIT_MISSED', labels: { 'zh-CN': '漏访', en: 'Missed visit' }, color: 'volcano', assigneeRole: 'grid-leader', transitions: {} },
];

const alert = (id: string, kind: string, label: string) => ({
  id, kind, state: 'OPEN', subjectType: 'RESIDENT', subjectLabel: label, areaId: 'a', areaName: '第一网格',
  raisedAt: '2026-12-06T01:00:00Z', dueAt: '2026-12-06T03:00:00Z', overdue: false, assignees: ['leader1'], nextStates: [], version: 0,
});

function server() {
  const asked: (string | null)[] = [];
  const answer = (req: Request): Response => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/alert-kinds') return jsonResponse(KINDS);
    if (url.pathname === '/api/v1/alerts') {
      const kind = url.searchParams.get('kind');
      asked.push(kind);
      const all = [alert('1', 'FEVER', '张*'), alert('2', 'QUARANTINE_VISIT_MISSED', '李*')];
      return jsonResponse({ items: kind ? all.filter((a) => a.kind === kind) : all, next: null });
    }
    return jsonResponse({}, 404);
  };
  const fetch = (req: Request) => Promise.resolve(answer(req));
  return { fetch, asked };
}

describe('AlertInboxPage', () => {
  it('labels and colours every kind as the server declares it, a kind added by a new feature included', async () => {
    const s = server();
    renderWithApp(<AlertInboxPage />, { roles: ['grid-leader'], route: '/alerts', fetch: s.fetch });
    const tags = await screen.findAllByTestId('alert-kind');
    expect(tags.map((t) => t.textContent)).toEqual(['发热', '漏访']);
    expect(tags[1]?.className).toContain('volcano');
    // the filter offers the new kind too, and asks the server for it
    await userEvent.click(screen.getByText('漏访', { selector: '.ant-segmented-item-label' }));
    await waitFor(() => expect(s.asked).toContain('QUARANTINE_VISIT_MISSED'));
    await waitFor(() => expect(screen.getAllByTestId('alert')).toHaveLength(1));
    expect(within(screen.getByTestId('alert')).getByText('李*')).toBeTruthy();
  });

  it('shows the code of a kind the server does not describe rather than nothing', async () => {
    const s = server();
    const fetch = (req: Request) =>
      new URL(req.url).pathname === '/api/v1/alerts'
        ? Promise.resolve(jsonResponse({ items: [alert('3', 'NEW_KIND', '王*')], next: null }))
        : s.fetch(req);
    renderWithApp(<AlertInboxPage />, { roles: ['grid-leader'], route: '/alerts', fetch });
    expect((await screen.findByTestId('alert-kind')).textContent).toBe('NEW_KIND');
  });
});
