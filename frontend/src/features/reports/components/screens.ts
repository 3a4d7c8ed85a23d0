/** The dashboard and the daily report, one chunk for the router (app/router.tsx). */
export { DashboardPage } from './DashboardPage';
export { DailyReportPage } from './DailyReportPage';
