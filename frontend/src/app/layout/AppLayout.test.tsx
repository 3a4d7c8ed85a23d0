import { useState } from 'react';
import { act, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test-support/render';
import { MUTE_STORAGE_KEY, resetAudio } from '../../components/alerts/urgent';
import { LANGUAGE_STORAGE_KEY } from '../../lib/i18n/language';
import { AppLayout } from './AppLayout';
import { NAV_ITEMS, PHONE_TABS, homePath, phoneNav, visibleNavItems, type NavItem } from './nav';

const navLinks = () =>
  within(screen.getByRole('navigation', { name: '主导航' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('role-gated navigation', () => {
  it('shows a grid worker their day (概览) and daily tools first on the phone, without assignments or imports', () => {
    renderWithApp(<AppLayout />, { roles: ['grid-worker'], route: '/me' });
    expect(navLinks()).toEqual(['概览', '值班', '测温', '隔离']);
    expect(screen.getByRole('button', { name: '更多' })).toBeInTheDocument();
  });

  it('shows the census import to leaders and supervisors only', () => {
    expect(visibleNavItems(['grid-leader']).map((i) => i.key)).toContain('imports');
    expect(visibleNavItems(['supervisor']).map((i) => i.key)).toContain('imports');
    expect(visibleNavItems(['admin']).map((i) => i.key)).not.toContain('imports');
    expect(visibleNavItems(['grid-worker']).map((i) => i.key)).not.toContain('imports');
  });

  it('shows assignments to leaders, supervisors and admins (under "More" on a phone)', async () => {
    const user = userEvent.setup();
    for (const role of ['grid-leader', 'supervisor', 'admin'] as const) {
      const { unmount } = renderWithApp(<AppLayout />, { roles: [role] });
      expect(navLinks()).not.toContain('辖区分配');
      await user.click(screen.getByRole('button', { name: '更多' }));
      const more = await screen.findByRole('navigation', { name: '更多功能' });
      expect(within(more).getByRole('link', { name: '辖区分配' })).toBeInTheDocument();
      unmount();
    }
  });

  it('never puts more than five entries on a phone, whatever is added later', () => {
    const extra: NavItem[] = ['a', 'b', 'c'].map((k, n) => ({ key: k, path: `/${k}`, labelKey: 'nav.me', icon: null, roles: ['grid-worker'], priority: { worker: n === 0 ? 1.5 : undefined } }));
    const items = [...NAV_ITEMS, ...extra];
    for (const roles of [['grid-worker'], ['grid-leader'], ['supervisor'], ['admin']] as const) {
      const { tabs, more } = phoneNav(roles, items);
      expect(tabs.length + (more.length > 0 ? 1 : 0)).toBeLessThanOrEqual(PHONE_TABS);
      expect([...tabs, ...more].map((i) => i.key).sort()).toEqual(visibleNavItems(roles).concat(extra.filter(() => roles[0] === 'grid-worker')).map((i) => i.key).sort());
    }
    // a worker's new daily tool (priority 1.5) comes after their dashboard, shifts, the gate and quarantine visits: no
    // room left, it waits under "More" with the rest, in menu order
    const worker = phoneNav(['grid-worker'], items);
    expect(worker.tabs.map((i) => i.key)).toEqual(['dashboard', 'duty', 'checkpoint', 'quarantine-visits']);
    expect(worker.more.map((i) => i.key)).toEqual(['grid-cells', 'households', 'areas', 'sampling', 'needs', 'delivery', 'care-visits', 'disinfection', 'me', 'a', 'b', 'c']);
    // site staff have one screen: their site's guests
    expect(phoneNav(['site-staff']).tabs.map((i) => i.key)).toEqual(['quarantine-sites', 'quarantine-visits']);
  });

  it('gives the inspection team 检查, 整改 and 检查结果 and starts them at 检查; leaders inspect too, supervisors also see the results', () => {
    expect(phoneNav(['inspector']).tabs.map((i) => i.key)).toEqual(['inspect', 'inspection-tasks', 'inspection-results', 'enterprises']);
    expect(homePath(['inspector'])).toBe('/inspections/new');
    expect(homePath(['grid-leader'])).toBe('/dashboard');
    const leader = visibleNavItems(['grid-leader']).map((i) => i.key);
    expect(leader).toEqual(expect.arrayContaining(['inspect', 'inspection-tasks']));
    expect(leader).not.toContain('inspection-results');
    expect(visibleNavItems(['supervisor']).map((i) => i.key)).toEqual(expect.arrayContaining(['inspect', 'inspection-tasks', 'inspection-results']));
    expect(visibleNavItems(['grid-worker']).map((i) => i.key)).not.toContain('inspect');
    expect(visibleNavItems(['admin']).map((i) => i.key)).not.toContain('inspect');
  });

  it('marks "More" as current when the section is inside it', () => {
    renderWithApp(<AppLayout />, { roles: ['grid-leader'], route: '/imports' });
    expect(screen.getByRole('button', { name: '更多' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows nothing to partner clients, who have no screens', () => {
    expect(visibleNavItems(['lab', 'agency'])).toEqual([]);
    expect(visibleNavItems([])).toEqual([]);
  });

  it('marks the current section', () => {
    renderWithApp(<AppLayout />, { roles: ['grid-worker'], route: '/quarantine-visits' });
    expect(screen.getByRole('link', { current: 'page' })).toHaveTextContent('隔离');
  });
});

describe('language switch', () => {
  it('starts in Chinese, switches the menu to English and remembers the choice', async () => {
    const user = userEvent.setup();
    renderWithApp(<AppLayout />, { roles: ['grid-leader'] });
    expect(navLinks()).toEqual(['概览', '排班', '告警', '值班']);

    await user.click(screen.getByText('English'));

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Overview', 'Rota', 'Alerts', 'Duty']);
    await user.click(within(nav).getByRole('button', { name: 'More' }));
    const more = await screen.findByRole('navigation', { name: 'More sections' });
    expect(within(more).getAllByRole('link').map((a) => a.textContent)).toEqual(['Daily report', 'Grid cells', 'Households', 'Areas', 'Assignments', 'Import', 'Checks', 'Quarantine', 'Sampling', 'Test rounds', 'Quarantine orders', 'Isolation sites', 'Needs', 'Deliveries', 'Care plans', 'Care', 'Enterprises', 'Disinfection', 'Supplies', 'Inspect', 'Findings', 'Me']);
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

    await user.click(screen.getByText('中文'));
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });
});

/** A matchMedia for a window of `width` px whose queries fire "change" when `resize` is called (antd's Grid listens). */
function resizableWindow(width: number) {
  const lists: { query: string; matches: boolean; listeners: Set<(e: { matches: boolean }) => void> }[] = [];
  const evaluate = (query: string, w: number) => {
    const min = /min-width:\s*(\d+)px/.exec(query);
    const max = /max-width:\s*(\d+)px/.exec(query);
    return (!min || w >= Number(min[1])) && (!max || w <= Number(max[1]));
  };
  const original = Object.getOwnPropertyDescriptor(window, 'matchMedia');
  window.matchMedia = ((query: string) => {
    const list = { query, matches: evaluate(query, width), listeners: new Set<(e: { matches: boolean }) => void>() };
    lists.push(list);
    return {
      media: query,
      get matches() {
        return list.matches;
      },
      onchange: null,
      addListener: (l: (e: { matches: boolean }) => void) => list.listeners.add(l),
      removeListener: (l: (e: { matches: boolean }) => void) => list.listeners.delete(l),
      addEventListener: (_: string, l: (e: { matches: boolean }) => void) => list.listeners.add(l),
      removeEventListener: (_: string, l: (e: { matches: boolean }) => void) => list.listeners.delete(l),
      dispatchEvent: () => true,
    };
  }) as unknown as typeof window.matchMedia;
  return {
    resize(w: number) {
      for (const list of lists) {
        const matches = evaluate(list.query, w);
        if (matches !== list.matches) {
          list.matches = matches;
          list.listeners.forEach((l) => l({ matches }));
        }
      }
    },
    restore() {
      if (original) Object.defineProperty(window, 'matchMedia', original);
    },
  };
}

function Counter() {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      count {n}
    </button>
  );
}

describe('switching between the desk and the phone layout', () => {
  it('keeps the page and what the user was doing (a tablet turned, a window resized, a full-page screenshot)', async () => {
    const user = userEvent.setup();
    const media = resizableWindow(1440);
    try {
      renderWithApp(
        <Routes>
          <Route element={<AppLayout />}>
            <Route path="*" element={<Counter />} />
          </Route>
        </Routes>,
        { roles: ['grid-worker'] },
      );
      expect(await screen.findByText('退出登录')).toBeInTheDocument(); // the desk's header says it in words
      await user.click(screen.getByRole('button', { name: 'count 0' }));
      await user.click(screen.getByRole('button', { name: 'count 1' }));
      act(() => media.resize(1));
      expect(await screen.findByRole('button', { name: '更多' })).toBeInTheDocument(); // the phone's tab bar
      expect(screen.getByRole('button', { name: 'count 2' })).toBeInTheDocument();
      act(() => media.resize(1440));
      expect(await screen.findByText('退出登录')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'count 2' })).toBeInTheDocument();
    } finally {
      media.restore();
    }
  });
});

/** A Web Audio context that lets sound play and counts the tones started. */
function fakeAudio() {
  const tones: number[] = [];
  class FakeAudioContext {
    state = 'running';
    currentTime = 0;
    destination = {};
    resume = () => Promise.resolve();
    createOscillator = () => ({ type: '', frequency: { value: 0 }, connect: (next: unknown) => next, start: (at: number) => tones.push(at), stop: () => undefined });
    createGain = () => ({ gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }, connect: (next: unknown) => next });
  }
  vi.stubGlobal('AudioContext', FakeAudioContext);
  return tones;
}

describe('urgent alerts while the app is open', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    resetAudio();
  });
  const KINDS = [
    { kind: 'FEVER', labels: { 'zh-CN': '发热', en: 'Fever' }, color: 'red', assigneeRole: 'grid-leader', transitions: {} },
    { kind: 'POSITIVE_POOL', labels: { 'zh-CN': '混检阳性', en: 'Positive pool' }, color: 'magenta', assigneeRole: 'grid-leader', transitions: {} },
    { kind: 'MISSING_REPORT', labels: { 'zh-CN': '漏报', en: 'Missing report' }, color: 'orange', assigneeRole: 'grid-leader', transitions: {} },
  ];
  const serve = (open: Record<string, string[]>, asked: string[]) => (req: Request) => {
    const url = new URL(req.url);
    if (url.pathname === '/api/v1/alert-kinds') {
      asked.push('kinds');
      return Promise.resolve(jsonResponse(KINDS));
    }
    if (url.pathname === '/api/v1/alerts') {
      const kind = url.searchParams.get('kind') ?? '';
      asked.push(`${kind}:${url.searchParams.getAll('state').join('|')}`);
      return Promise.resolve(jsonResponse({ items: (open[kind] ?? []).map((id) => ({ id, kind, state: 'OPEN' })) }));
    }
    return Promise.resolve(jsonResponse({}, 404));
  };

  it('counts the open urgent alerts on 告警, beeps for a new one after the first load (not for those already there), and stays quiet when muted', async () => {
    const tones = fakeAudio();
    const user = userEvent.setup();
    const open: Record<string, string[]> = { FEVER: ['f1'], POSITIVE_POOL: ['p1'], MISSING_REPORT: ['m1', 'm2'] };
    const asked: string[] = [];
    const { queryClient } = renderWithApp(<AppLayout />, { roles: ['grid-leader'], fetch: serve(open, asked) });
    await user.click(screen.getByRole('button', { name: '紧急告警提示音静音' })); // a first gesture lets the page play sound…
    await user.click(screen.getByRole('button', { name: '紧急告警提示音静音' })); // …and the second click turns the sound back on

    const alertsLink = within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: /告警/ });
    expect(await within(alertsLink).findByTestId('urgent-badge')).toHaveTextContent('2');
    expect(tones).toEqual([]);
    // only the urgent kinds (red, or health emergencies) are polled, open states only
    expect(new Set(asked.filter((a) => a !== 'kinds').map((a) => a.split(':')[0]))).toEqual(new Set(['FEVER', 'POSITIVE_POOL']));
    expect(asked.find((a) => a.startsWith('FEVER'))).toContain('OPEN|ACKNOWLEDGED');

    open.FEVER = ['f2', 'f1'];
    await act(() => queryClient.invalidateQueries({ queryKey: ['alerts'] }));
    expect(await within(alertsLink).findByText('3')).toBeInTheDocument();
    await waitFor(() => expect(tones.length).toBe(2)); // two short tones
    // the same alerts again: no sound
    await act(() => queryClient.invalidateQueries({ queryKey: ['alerts'] }));
    expect(tones.length).toBe(2);

    await user.click(screen.getByRole('button', { name: '紧急告警提示音静音' }));
    expect(screen.getByRole('button', { name: '紧急告警提示音静音' })).toHaveAttribute('aria-pressed', 'true');
    expect(window.localStorage.getItem(MUTE_STORAGE_KEY)).toBe('1');
    open.POSITIVE_POOL = ['p2', 'p1'];
    await act(() => queryClient.invalidateQueries({ queryKey: ['alerts'] }));
    expect(await within(alertsLink).findByText('4')).toBeInTheDocument();
    expect(tones.length).toBe(2);
  });

  it('is silent, without an error, while the browser blocks sound (no gesture yet), and polls nothing for workers', async () => {
    const tones = fakeAudio();
    const open: Record<string, string[]> = { FEVER: ['f1'] };
    const asked: string[] = [];
    const { queryClient } = renderWithApp(<AppLayout />, { roles: ['grid-leader'], fetch: serve(open, asked) });
    const alertsLink = within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: /告警/ });
    expect(await within(alertsLink).findByTestId('urgent-badge')).toHaveTextContent('1');
    open.FEVER = ['f2', 'f1'];
    await act(() => queryClient.invalidateQueries({ queryKey: ['alerts'] }));
    expect(await within(alertsLink).findByText('2')).toBeInTheDocument();
    expect(tones).toEqual([]);

    const worker: string[] = [];
    renderWithApp(<AppLayout />, { roles: ['grid-worker'], fetch: serve(open, worker) });
    await waitFor(() => expect(screen.getAllByRole('navigation', { name: '主导航' })).toHaveLength(2));
    expect(worker).toEqual([]);
    expect(screen.queryAllByRole('button', { name: '紧急告警提示音静音' })).toHaveLength(1);
  });
});
