/** The desk's screens, one chunk for the router (app/router.tsx). */
export { OrdersPage } from './OrdersPage';
export { OrderDetailPage } from './OrderDetailPage';
export { WorklistPage } from './WorklistPage';
export { StatsPage } from './StatsPage';
export { SitesPage } from './SitesPage';
export { SiteDetailPage } from './SiteDetailPage';
