import type { ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import { AlertOutlined, ApartmentOutlined, AppstoreOutlined, CalendarOutlined, CloudUploadOutlined, HomeOutlined, ScheduleOutlined, TeamOutlined, DashboardOutlined, UserOutlined } from '@ant-design/icons';
import { hasAnyRole, type Role } from '../../lib/auth/roles';

export interface NavItem {
  key: string;
  path: string;
  labelKey: ParseKeys;
  icon: ReactNode;
  /** Shown to callers holding any of these roles (the API checks again on every call). */
  roles: readonly Role[];
}

/** People who use the web app; partner clients (lab, agency) have no screens. */
export const PEOPLE: readonly Role[] = ['admin', 'supervisor', 'grid-leader', 'grid-worker'];
export const MANAGERS: readonly Role[] = ['admin', 'supervisor', 'grid-leader'];
/** Census imports: leaders for their zone, supervisors for their community. */
export const IMPORTERS: readonly Role[] = ['supervisor', 'grid-leader'];
/** Checkpoint mode (temperature checks at a gate, watch reports): the people who stand at gates and doors. */
export const RECORDERS: readonly Role[] = ['grid-leader', 'grid-worker'];

/**
 * The app's sections in menu order. Later features (census: households, residents, imports;
 * duty, temperatures, test rounds, alerts) add their entry here and a route in router.tsx.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'grid-cells', path: '/grid-cells', labelKey: 'nav.gridCells', icon: <AppstoreOutlined />, roles: PEOPLE },
  { key: 'households', path: '/households', labelKey: 'nav.households', icon: <HomeOutlined />, roles: PEOPLE },
  { key: 'areas', path: '/areas', labelKey: 'nav.areas', icon: <ApartmentOutlined />, roles: PEOPLE },
  { key: 'assignments', path: '/assignments', labelKey: 'nav.assignments', icon: <TeamOutlined />, roles: MANAGERS },
  { key: 'imports', path: '/imports', labelKey: 'nav.imports', icon: <CloudUploadOutlined />, roles: IMPORTERS },
  { key: 'duty', path: '/duty', labelKey: 'duty.nav.mine', icon: <CalendarOutlined />, roles: PEOPLE },
  { key: 'duty-board', path: '/duty-board', labelKey: 'duty.nav.board', icon: <ScheduleOutlined />, roles: MANAGERS },
  { key: 'checkpoint', path: '/checkpoint', labelKey: 'nav.checkpoint', icon: <DashboardOutlined />, roles: RECORDERS },
  { key: 'alerts', path: '/alerts', labelKey: 'nav.alerts', icon: <AlertOutlined />, roles: MANAGERS },
  { key: 'me', path: '/me', labelKey: 'nav.me', icon: <UserOutlined />, roles: PEOPLE },
];

export const visibleNavItems = (roles: readonly Role[]): NavItem[] => NAV_ITEMS.filter((i) => hasAnyRole(roles, i.roles));

/** The nav entry a location belongs to (its first path segment). */
export const activeNavKey = (pathname: string): string | undefined =>
  NAV_ITEMS.find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))?.key;
