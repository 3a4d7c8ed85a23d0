/**
 * The daily report's and the dashboard's answers (ports20.md, backend report/ReportViews.java). Written by hand
 * until the generated schema has them; the names are the schema's, so the switch is one import.
 */
export type MeasureKind = 'COUNT' | 'LEVEL' | 'RATIO';
export type Severity = 'OK' | 'WARN' | 'DANGER';
export type ChildStatus = 'SUBMITTED' | 'LATE' | 'MISSING';
export type AreaKindCode = 'DISTRICT' | 'STREET' | 'COMMUNITY' | 'ZONE' | 'GRID_CELL' | 'COMPOUND' | 'BUILDING';

export interface DailyReportFigure {
  key: string;
  labelZh: string;
  labelEn: string;
  kind: MeasureKind;
  unit: string;
  value: number | null;
  previous: number | null;
}

export interface DailyReportSection {
  key: string;
  titleZh: string;
  titleEn: string;
  figures: DailyReportFigure[];
}

export interface DailyReportChild {
  areaId: string;
  areaName: string;
  areaKind: AreaKindCode;
  status: ChildStatus;
  version: number | null;
  submittedAt: string | null;
  late: boolean;
}

export interface DailyReportSubmission {
  id: string;
  areaId: string;
  areaName: string;
  date: string;
  version: number;
  submittedAt: string;
  submittedBy: string;
  late: boolean;
  highlights: string;
  problems: string | null;
  requests: string | null;
  reason: string | null;
}

export interface DailyReport {
  areaId: string;
  areaName: string;
  areaKind: AreaKindCode;
  date: string;
  previousDate: string;
  generatedAt: string;
  source: 'LIVE' | 'SUBMITTED';
  version: number | null;
  cutoff: string | null;
  submittable: boolean;
  sections: DailyReportSection[];
  children: DailyReportChild[];
  submission: DailyReportSubmission | null;
}

export interface DailyReportSubmissionPage {
  items: DailyReportSubmission[];
}

export interface NewDailyReportSubmission {
  areaId: string;
  date: string;
  highlights: string;
  problems?: string | null;
  requests?: string | null;
  reason?: string | null;
}

export interface DailyMeasure {
  key: string;
  labelZh: string;
  labelEn: string;
  kind: MeasureKind;
  unit: string;
}

export interface DailyValues {
  date: string;
  values: Record<string, number | null>;
}

export interface DailyMetrics {
  areaId: string | null;
  from: string;
  to: string;
  measures: DailyMeasure[];
  days: DailyValues[];
}

export interface DashboardTile {
  section: string;
  key: string;
  labelZh: string;
  labelEn: string;
  value: number;
  total: number | null;
  severity: Severity;
  link: string;
  mine: boolean;
}

export interface DashboardAlerts {
  kind: string;
  open: number;
  overdue: number;
  escalated: number;
}

export interface DashboardReports {
  cutoff: string | null;
  own: DailyReportSubmission | null;
  children: DailyReportChild[];
}

export interface Dashboard {
  areaId: string;
  areaName: string;
  areaKind: AreaKindCode;
  date: string;
  tiles: DashboardTile[];
  alerts: DashboardAlerts[];
  reports: DashboardReports | null;
}

/** A download's format (`format=` on the report routes). */
export type ReportFormat = 'pdf' | 'xlsx' | 'csv';
