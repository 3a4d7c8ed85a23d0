import { useState } from 'react';
import { act, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test-support/render';
import { LANGUAGE_STORAGE_KEY } from '../../lib/i18n/language';
import { AppLayout } from './AppLayout';
import { NAV_ITEMS, PHONE_TABS, homePath, phoneNav, visibleNavItems, type NavItem } from './nav';

const navLinks = () =>
  within(screen.getByRole('navigation', { name: '主导航' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('role-gated navigation', () => {
  it('shows a grid worker their daily tools first on the phone, without assignments or imports', () => {
    renderWithApp(<AppLayout />, { roles: ['grid-worker'], route: '/me' });
    expect(navLinks()).toEqual(['值班', '测温', '隔离', '核酸']);
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
    // a worker's new daily tool (priority 1.5) comes after their shifts, the gate, quarantine visits and sampling: no room
    // left, it waits under "More" with the rest, in menu order
    const worker = phoneNav(['grid-worker'], items);
    expect(worker.tabs.map((i) => i.key)).toEqual(['duty', 'checkpoint', 'quarantine-visits', 'sampling']);
    expect(worker.more.map((i) => i.key)).toEqual(['grid-cells', 'households', 'areas', 'needs', 'delivery', 'care-visits', 'disinfection', 'me', 'a', 'b', 'c']);
    // site staff have one screen: their site's guests
    expect(phoneNav(['site-staff']).tabs.map((i) => i.key)).toEqual(['quarantine-sites', 'quarantine-visits']);
  });

  it('gives the inspection team 检查, 整改 and 检查结果 and starts them at 检查; leaders inspect too, supervisors also see the results', () => {
    expect(phoneNav(['inspector']).tabs.map((i) => i.key)).toEqual(['inspect', 'inspection-tasks', 'inspection-results', 'enterprises']);
    expect(homePath(['inspector'])).toBe('/inspections/new');
    expect(homePath(['grid-leader'])).toBe('/grid-cells');
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
    expect(navLinks()).toEqual(['排班', '值班', '核酸轮次', '告警']);

    await user.click(screen.getByText('English'));

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Rota', 'Duty', 'Test rounds', 'Alerts']);
    await user.click(within(nav).getByRole('button', { name: 'More' }));
    const more = await screen.findByRole('navigation', { name: 'More sections' });
    expect(within(more).getAllByRole('link').map((a) => a.textContent)).toEqual(['Grid cells', 'Households', 'Areas', 'Assignments', 'Import', 'Checks', 'Quarantine', 'Sampling', 'Quarantine orders', 'Isolation sites', 'Needs', 'Deliveries', 'Care plans', 'Care', 'Enterprises', 'Disinfection', 'Supplies', 'Inspect', 'Findings', 'Me']);
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
