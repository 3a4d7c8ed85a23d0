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
  it('shows a grid worker their cells, areas and themselves, but not assignments', () => {
    renderWithApp(<AppLayout />, { roles: ['grid-worker'], route: '/me' });
    expect(navLinks()).toEqual(['网格', '区域', '我的', '值班']);
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
    expect(navLinks()).toEqual(['网格', '区域', '辖区分配', '我的', '值班', '排班']);

    await user.click(screen.getByText('English'));

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Grid cells', 'Areas', 'Assignments', 'Me', 'Duty', 'Rota']);
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

    await user.click(screen.getByText('中文'));
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });
});
