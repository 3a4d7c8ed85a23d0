import type { ReactNode } from 'react';
import type { ParseKeys } from 'i18next';
import { AlertOutlined, ApartmentOutlined, AreaChartOutlined, AppstoreOutlined, AuditOutlined, BankOutlined, CalendarOutlined, CarOutlined, CheckSquareOutlined, ClearOutlined, CloudDownloadOutlined, CloudUploadOutlined, DashboardOutlined, ExperimentOutlined, FileTextOutlined, FundOutlined, HeartOutlined, HomeOutlined, InboxOutlined, PieChartOutlined, SafetyOutlined, ScheduleOutlined, ShopOutlined, ShoppingOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { hasAnyRole, type Role } from '../../lib/auth/roles';

export interface NavItem {
  key: string;
  path: string;
  labelKey: ParseKeys;
  icon: ReactNode;
  /** Shown to callers holding any of these roles (the API checks again on every call). */
  roles: readonly Role[];
  /**
   * Place on a phone's tab bar, lower first, for workers (their daily tools first) and for
   * managers. Items without a place for the caller come after, in menu order; whatever does not
   * fit in PHONE_TABS goes under "More". Desks show every item in menu order.
   */
  priority?: { worker?: number; manager?: number };
}

/** People who use the web app; partner clients (lab, agency) have no screens. */
export const PEOPLE: readonly Role[] = ['admin', 'supervisor', 'grid-leader', 'grid-worker'];
export const MANAGERS: readonly Role[] = ['admin', 'supervisor', 'grid-leader'];
/** Census imports: leaders for their zone, supervisors for their community. */
export const IMPORTERS: readonly Role[] = ['supervisor', 'grid-leader'];
/** Resident exports: supervisors export; admins only decide on export requests (ADR 0029). */
export const EXPORTERS: readonly Role[] = ['admin', 'supervisor'];
/** Checkpoint mode (temperature checks at a gate, watch reports): the people who stand at gates and doors. */
export const RECORDERS: readonly Role[] = ['grid-leader', 'grid-worker'];
/** 隔离 (quarantine visits): the people who visit those under order, in their cells or at their site. */
export const VISITORS: readonly Role[] = ['grid-leader', 'grid-worker', 'site-staff'];
/** Central isolation sites: managers, and the site staff who work there. */
export const SITE_VIEWERS: readonly Role[] = ['admin', 'supervisor', 'grid-leader', 'site-staff'];
/** 一对一关怀: who visits the vulnerable (the worker's screen); the plans are the managers'. */
export const CARERS: readonly Role[] = ['supervisor', 'grid-leader', 'grid-worker'];
/** 复工企业: leaders read the register; supervisors, admins and the street's inspectors keep it. */
export const ENTERPRISE_READERS: readonly Role[] = ['admin', 'supervisor', 'grid-leader', 'inspector'];
/** 检查: who inspects places on the phone (the street's inspection team, leaders, supervisors). */
export const INSPECTORS: readonly Role[] = ['inspector', 'grid-leader', 'supervisor'];
/** 整改 (findings) and the place pages: the managers and the inspection team. */
export const TASK_READERS: readonly Role[] = ['admin', 'supervisor', 'grid-leader', 'inspector'];
/** 检查结果 (pass rates): supervisors, admins and the inspection team. */
export const RESULT_READERS: readonly Role[] = ['admin', 'supervisor', 'inspector'];
/** Everybody with screens: an inspection's detail is also for the responsible person it names, whatever their role (the API decides). */
export const ROLES_WITH_SCREENS: readonly Role[] = ['admin', 'supervisor', 'grid-leader', 'grid-worker', 'site-staff', 'inspector'];

/**
 * The app's sections in menu order. Later features (census: households, residents, imports;
 * duty, temperatures, test rounds, alerts) add their entry here and a route in router.tsx.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  // 概览, the landing screen (features/reports): a worker's tasks of the day, a zone or a community at a glance
  { key: 'dashboard', path: '/dashboard', labelKey: 'reports.nav.dashboard', icon: <AreaChartOutlined />, roles: PEOPLE, priority: { worker: 0.5, manager: 0.5 } },
  // 日报: the daily report of a node, its children's submissions and the submission upward
  { key: 'daily-report', path: '/reports/daily', labelKey: 'reports.nav.daily', icon: <FileTextOutlined />, roles: MANAGERS },
  { key: 'grid-cells', path: '/grid-cells', labelKey: 'nav.gridCells', icon: <AppstoreOutlined />, roles: PEOPLE, priority: { worker: 3, manager: 4 } },
  { key: 'households', path: '/households', labelKey: 'nav.households', icon: <HomeOutlined />, roles: PEOPLE, priority: { worker: 2, manager: 3 } },
  { key: 'areas', path: '/areas', labelKey: 'nav.areas', icon: <ApartmentOutlined />, roles: PEOPLE, priority: { worker: 8 } },
  { key: 'assignments', path: '/assignments', labelKey: 'nav.assignments', icon: <TeamOutlined />, roles: MANAGERS },
  { key: 'imports', path: '/imports', labelKey: 'nav.imports', icon: <CloudUploadOutlined />, roles: IMPORTERS },
  { key: 'exports', path: '/exports', labelKey: 'nav.exports', icon: <CloudDownloadOutlined />, roles: EXPORTERS },
  { key: 'duty', path: '/duty', labelKey: 'duty.nav.mine', icon: <CalendarOutlined />, roles: PEOPLE, priority: { worker: 1, manager: 2 } },
  { key: 'duty-board', path: '/duty-board', labelKey: 'duty.nav.board', icon: <ScheduleOutlined />, roles: MANAGERS, priority: { manager: 1 } },
  { key: 'checkpoint', path: '/checkpoint', labelKey: 'nav.checkpoint', icon: <DashboardOutlined />, roles: RECORDERS, priority: { worker: 1.2 } },
  { key: 'quarantine-visits', path: '/quarantine-visits', labelKey: 'nav.quarantineVisits', icon: <SafetyOutlined />, roles: VISITORS, priority: { worker: 1.3 } },
  // before the rounds on a leader's phone: the badge of urgent alerts must be on the tab bar, not under "More"
  { key: 'alerts', path: '/alerts', labelKey: 'nav.alerts', icon: <AlertOutlined />, roles: MANAGERS, priority: { manager: 1.5 } },
  { key: 'sampling', path: '/sampling', labelKey: 'nav.sampling', icon: <ExperimentOutlined />, roles: RECORDERS, priority: { worker: 1.5 } },
  { key: 'rounds', path: '/rounds', labelKey: 'nav.rounds', icon: <FundOutlined />, roles: MANAGERS, priority: { manager: 2 } },
  { key: 'quarantines', path: '/quarantines', labelKey: 'quarantineDesk.nav.orders', icon: <SafetyOutlined />, roles: MANAGERS, priority: { manager: 3.5 } },
  { key: 'quarantine-sites', path: '/quarantine-sites', labelKey: 'quarantineDesk.nav.sites', icon: <BankOutlined />, roles: SITE_VIEWERS, priority: { worker: 1 } },
  { key: 'needs', path: '/needs', labelKey: 'needs.nav', icon: <ShoppingOutlined />, roles: PEOPLE, priority: { worker: 1.6, manager: 3.6 } },
  { key: 'delivery', path: '/delivery', labelKey: 'delivery.nav.runs', icon: <CarOutlined />, roles: PEOPLE, priority: { worker: 1.7 } },
  { key: 'care', path: '/care', labelKey: 'nav.carePlans', icon: <HeartOutlined />, roles: MANAGERS, priority: { manager: 3.7 } },
  { key: 'care-visits', path: '/care-visits', labelKey: 'nav.careVisits', icon: <HeartOutlined />, roles: CARERS, priority: { worker: 1.8 } },
  { key: 'enterprises', path: '/enterprises', labelKey: 'enterprises.nav', icon: <ShopOutlined />, roles: ENTERPRISE_READERS, priority: { manager: 5.5 } },
  { key: 'disinfection', path: '/disinfection', labelKey: 'disinfection.nav', icon: <ClearOutlined />, roles: PEOPLE, priority: { worker: 1.9 } },
  { key: 'supplies', path: '/supplies', labelKey: 'supplies.nav', icon: <InboxOutlined />, roles: MANAGERS, priority: { manager: 5 } },
  { key: 'inspect', path: '/inspections/new', labelKey: 'inspections.nav.inspect', icon: <CheckSquareOutlined />, roles: INSPECTORS, priority: { worker: 1 } },
  { key: 'inspection-tasks', path: '/inspection-tasks', labelKey: 'inspections.nav.tasks', icon: <AuditOutlined />, roles: TASK_READERS, priority: { worker: 2 } },
  { key: 'inspection-results', path: '/inspection-results', labelKey: 'inspections.nav.results', icon: <PieChartOutlined />, roles: RESULT_READERS, priority: { worker: 3 } },
  { key: 'me', path: '/me', labelKey: 'nav.me', icon: <UserOutlined />, roles: PEOPLE, priority: { worker: 9 } },
];

/**
 * Where "/" leads: workers, leaders, supervisors and admins start at their dashboard (概览); site staff have only
 * 隔离 (their site's guests); the inspection team starts at 检查.
 */
export function homePath(roles: readonly Role[]): string {
  if (hasAnyRole(roles, PEOPLE)) return '/dashboard';
  if (hasAnyRole(roles, VISITORS)) return '/quarantine-visits';
  return hasAnyRole(roles, INSPECTORS) ? '/inspections/new' : '/grid-cells';
}

export const visibleNavItems = (roles: readonly Role[]): NavItem[] => NAV_ITEMS.filter((i) => hasAnyRole(roles, i.roles));

/** A phone's tab bar holds at most this many entries, "More" included. */
export const PHONE_TABS = 5;

/**
 * The phone's tab bar for the caller: their first sections by priority, and the rest (in menu
 * order) under "More" when they do not all fit.
 */
export function phoneNav(roles: readonly Role[], items: readonly NavItem[] = NAV_ITEMS): { tabs: NavItem[]; more: NavItem[] } {
  const kind = hasAnyRole(roles, MANAGERS) ? 'manager' : 'worker';
  const visible = items.filter((i) => hasAnyRole(roles, i.roles));
  const rank = (i: NavItem) => i.priority?.[kind] ?? Number.MAX_SAFE_INTEGER;
  const ordered = visible.map((item, n) => ({ item, n })).sort((a, b) => rank(a.item) - rank(b.item) || a.n - b.n);
  if (ordered.length <= PHONE_TABS) return { tabs: ordered.map((o) => o.item), more: [] };
  const rest = ordered.slice(PHONE_TABS - 1).sort((a, b) => a.n - b.n);
  return { tabs: ordered.slice(0, PHONE_TABS - 1).map((o) => o.item), more: rest.map((o) => o.item) };
}

/** The nav entry a location belongs to (its first path segment). */
export const activeNavKey = (pathname: string): string | undefined =>
  NAV_ITEMS.find((i) => pathname === i.path || pathname.startsWith(`${i.path}/`))?.key;
