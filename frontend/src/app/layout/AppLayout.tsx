import { useState } from 'react';
import { Badge, Button, Drawer, Grid, Layout, Menu, Typography } from 'antd';
import { EllipsisOutlined, LogoutOutlined, MutedOutlined, SoundOutlined } from '@ant-design/icons';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../components/LanguageSwitcher';
import { useUrgentAlerts } from '../../components/alerts/urgent';
import { OfflineBanner } from '../../components/OfflineBanner';
import { TemperatureQueueSync } from '../../features/temperature/api/temperature';
import { VisitQueueSync } from '../../features/quarantine-visits/api/visits';
import { RoundQueueSync } from '../../features/disinfection/api/disinfection';
import { InspectionQueueSync } from '../../features/inspections/api/queue';
import { hasAnyRole, useRoles } from '../../lib/auth/roles';
import { useSignOut } from '../../lib/auth/signOut';
import { MANAGERS, activeNavKey, phoneNav, visibleNavItems, type NavItem } from './nav';

/**
 * Phones (grid workers at a gate): a header and a bottom tab bar with big targets, at most five
 * (the caller's daily sections first, the rest under "More").
 * Desks (md and wider: leaders, supervisors): a side menu.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const desk = Boolean(screens.md);
  const roles = useRoles();
  const items = visibleNavItems(roles);
  const { pathname } = useLocation();
  const active = activeNavKey(pathname);
  const auth = useAuth();
  const signOut = useSignOut();
  const username = auth.user?.profile.preferred_username;
  const [moreOpen, setMoreOpen] = useState(false);
  // Urgent alerts while the app is open: a badge on 告警 and a beep for a new one (ADR 0051)
  const urgent = useUrgentAlerts(hasAnyRole(roles, MANAGERS));
  const badge = (count: number) =>
    count > 0 ? <Badge count={count} className="gg-urgent-badge" data-testid="urgent-badge" title={t('reports.urgent.badge', { count })} /> : null;
  const label = (i: NavItem) => (
    <>
      {t(i.labelKey)}
      {i.key === 'alerts' && badge(urgent.count)}
    </>
  );

  // Offline entries are sent from wherever the user is in the app, not only from their screen.
  const sync = (
    <>
      <TemperatureQueueSync />
      <VisitQueueSync />
      <RoundQueueSync />
      <InspectionQueueSync />
    </>
  );

  const header = (
    <Layout.Header className="gg-header">
      <Link to="/" className="gg-brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span>{t('app.name')}</span>
      </Link>
      <div className="gg-header-actions">
        {desk && username && <span className="gg-username">{username}</span>}
        <LanguageSwitcher />
        {hasAnyRole(roles, MANAGERS) && (
          <Button
            type="text"
            size="large"
            className="gg-header-button"
            icon={urgent.muted ? <MutedOutlined /> : <SoundOutlined />}
            aria-pressed={urgent.muted}
            aria-label={t('reports.urgent.mute')}
            title={t(urgent.muted ? 'reports.urgent.muted' : 'reports.urgent.sounding')}
            onClick={() => urgent.setMuted(!urgent.muted)}
          />
        )}
        <Button
          type="text"
          size="large"
          className="gg-header-button"
          icon={<LogoutOutlined />}
          aria-label={t('header.signOut')}
          title={t('header.signOut')}
          onClick={() => void signOut()}
        >
          {desk ? t('header.signOut') : null}
        </Button>
      </div>
    </Layout.Header>
  );

  const { tabs, more } = phoneNav(roles);
  const activeInMore = more.some((i) => i.key === active);
  // One tree for both layouts, the page (<Outlet />) at the same place in it: a switch between them (a tablet turned
  // across the breakpoint, a window resized, a full-page screenshot) must never remount the page and lose what the
  // user was doing (a pool being sampled, a rota being built).
  return (
    <Layout className={desk ? 'gg-shell' : 'gg-shell gg-phone'}>
      {desk && (
        <a href="#main" className="gg-skip">
          {t('nav.skip')}
        </a>
      )}
      {header}
      <Layout>
        {desk && (
          <Layout.Sider width={220} theme="light" className="gg-sider">
            <nav aria-label={t('nav.main')}>
              <Menu
                mode="inline"
                selectedKeys={active ? [active] : []}
                items={items.map((i) => ({ key: i.key, icon: i.icon, label: <Link to={i.path}>{label(i)}</Link> }))}
              />
            </nav>
          </Layout.Sider>
        )}
        <Layout.Content id="main" className="gg-content">
          <OfflineBanner />
          <Outlet />
        </Layout.Content>
      </Layout>
      {sync}
      {!desk && (
        <nav aria-label={t('nav.main')} className="gg-tabbar">
          {tabs.map((i) => (
            <NavLink key={i.key} to={i.path} className={i.key === active ? 'gg-tab gg-tab-active' : 'gg-tab'} aria-current={i.key === active ? 'page' : undefined}>
              <span aria-hidden="true" className="gg-tab-icon">
                {i.icon}
              </span>
              <Typography.Text className="gg-tab-label">{label(i)}</Typography.Text>
            </NavLink>
          ))}
          {more.length > 0 && (
            <button
              type="button"
              className={activeInMore ? 'gg-tab gg-tab-more gg-tab-active' : 'gg-tab gg-tab-more'}
              aria-haspopup="dialog"
              aria-expanded={moreOpen}
              aria-current={activeInMore ? 'page' : undefined}
              onClick={() => setMoreOpen(true)}
            >
              <span aria-hidden="true" className="gg-tab-icon">
                <EllipsisOutlined />
              </span>
              <Typography.Text className="gg-tab-label">
                {t('nav.more')}
                {more.some((i) => i.key === 'alerts') && badge(urgent.count)}
              </Typography.Text>
            </button>
          )}
        </nav>
      )}
      {!desk && (
        <Drawer placement="bottom" size="auto" open={moreOpen} onClose={() => setMoreOpen(false)} title={t('nav.moreTitle')} className="gg-more">
          <nav aria-label={t('nav.moreTitle')}>
            {more.map((i) => (
              <NavLink
                key={i.key}
                to={i.path}
                className={i.key === active ? 'gg-more-item gg-tab-active' : 'gg-more-item'}
                aria-current={i.key === active ? 'page' : undefined}
                onClick={() => setMoreOpen(false)}
              >
                <span aria-hidden="true" className="gg-tab-icon">
                  {i.icon}
                </span>
                {label(i)}
              </NavLink>
            ))}
          </nav>
        </Drawer>
      )}
    </Layout>
  );
}
