import type { components } from '../../../lib/api/schema';

/** The daily report's and the dashboard's answers, as the contract (openapi.yaml) names them. */
type Schemas = components['schemas'];

export type DailyReport = Schemas['DailyReport'];
export type DailyReportFigure = Schemas['DailyReportFigure'];
export type DailyReportSection = Schemas['DailyReportSection'];
export type DailyReportChild = Schemas['DailyReportChild'];
export type DailyReportSubmission = Schemas['DailyReportSubmission'];
export type NewDailyReportSubmission = Schemas['NewDailyReportSubmission'];
export type DailyMeasure = Schemas['DailyMeasure'];
export type DailyMetrics = Schemas['DailyMetrics'];
export type Dashboard = Schemas['Dashboard'];
export type DashboardTile = Schemas['DashboardTile'];
export type DashboardAlerts = Schemas['DashboardAlerts'];
export type DashboardReports = Schemas['DashboardReports'];
export type MeasureKind = DailyReportFigure['kind'];
export type Severity = DashboardTile['severity'];
export type ChildStatus = DailyReportChild['status'];

/** A download's format (`format=` on the report routes). */
export type ReportFormat = 'pdf' | 'xlsx' | 'csv';
