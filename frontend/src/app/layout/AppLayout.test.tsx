import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../testing/render';
import { LANGUAGE_STORAGE_KEY } from '../../lib/i18n/language';
import { AppLayout } from './AppLayout';
import { visibleNavItems } from './nav';

const navLinks = () =>
  within(screen.getByRole('navigation', { name: '主导航' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('role-gated navigation', () => {
  it('shows a grid worker their cells, households, areas and themselves, but not assignments or imports', () => {
    renderWithApp(<AppLayout />, { roles: ['grid-worker'], route: '/me' });
    expect(navLinks()).toEqual(['网格', '住户', '区域', '值班', '测温', '我的']);
  });

  it('shows the census import to leaders and supervisors only', () => {
    expect(visibleNavItems(['grid-leader']).map((i) => i.key)).toContain('imports');
    expect(visibleNavItems(['supervisor']).map((i) => i.key)).toContain('imports');
    expect(visibleNavItems(['admin']).map((i) => i.key)).not.toContain('imports');
    expect(visibleNavItems(['grid-worker']).map((i) => i.key)).not.toContain('imports');
  });

  it('shows assignments to leaders, supervisors and admins', () => {
    for (const role of ['grid-leader', 'supervisor', 'admin'] as const) {
      const { unmount } = renderWithApp(<AppLayout />, { roles: [role] });
      expect(navLinks()).toContain('辖区分配');
      unmount();
    }
  });

  it('shows nothing to partner clients, who have no screens', () => {
    expect(visibleNavItems(['lab', 'agency'])).toEqual([]);
    expect(visibleNavItems([])).toEqual([]);
  });

  it('marks the current section', () => {
    renderWithApp(<AppLayout />, { roles: ['grid-worker'], route: '/grid-cells/abc' });
    expect(screen.getByRole('link', { current: 'page' })).toHaveTextContent('网格');
  });
});

describe('language switch', () => {
  it('starts in Chinese, switches the menu to English and remembers the choice', async () => {
    const user = userEvent.setup();
    renderWithApp(<AppLayout />, { roles: ['grid-leader'] });
    expect(navLinks()).toEqual(['网格', '住户', '区域', '辖区分配', '导入', '值班', '排班', '测温', '告警', '我的']);

    await user.click(screen.getByText('English'));

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Grid cells', 'Households', 'Areas', 'Assignments', 'Import', 'Duty', 'Rota', 'Checks', 'Alerts', 'Me']);
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

    await user.click(screen.getByText('中文'));
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });
});
