import type { Dashboard, DailyMetrics, DailyReport, DailyReportSubmission } from '../features/reports/api/types';
import { jsonResponse } from './render';

/** A fake server from a table of paths: each answer is a body (JSON 200), a Response, or a function of the request. */
export function routes(table: Record<string, unknown>, seen: Request[] = []) {
  return async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    seen.push(req);
    const entry = table[`${req.method} ${url.pathname}`] ?? table[url.pathname];
    const answer: unknown = await (typeof entry === 'function' ? (entry as (r: Request, u: URL) => unknown)(req, url) : entry);
    if (answer === undefined) return jsonResponse({ title: 'Not Found', status: 404 }, 404);
    return answer instanceof Response ? answer : jsonResponse(answer);
  };
}

const tile = (key: string, labelZh: string, value: number, total: number | null, severity: 'OK' | 'WARN' | 'DANGER', link: string, mine = false) => ({
  section: key.split('.')[0] ?? key,
  key,
  labelZh,
  labelEn: key,
  value,
  total,
  severity,
  link,
  mine,
});

export const WORKER_DASHBOARD: Dashboard = {
  areaId: 'z1',
  areaName: '一片区',
  areaKind: 'ZONE',
  date: '2026-12-07',
  tiles: [tile('quarantine.visitsDue', '今日待访', 3, null, 'WARN', '/quarantine-visits', true), tile('duty.myShift', '我的班次 08:00–16:00', 1, null, 'OK', '/duty', true)],
  alerts: [],
  reports: null,
};

export const SUBMISSION: DailyReportSubmission = {
  id: 's1',
  areaId: 'z1',
  areaName: '一片区',
  date: '2026-12-07',
  version: 1,
  submittedAt: '2026-12-07T07:30:00Z',
  submittedBy: 'leader1',
  late: false,
  highlights: '完成入户 120 户',
  problems: null,
  requests: '需要口罩 200 只',
  reason: null,
};

export const LEADER_DASHBOARD: Dashboard = {
  ...WORKER_DASHBOARD,
  tiles: [tile('testing.coverage', '本轮采样', 1180, 1200, 'WARN', '/rounds'), tile('care.needsOverdue', '超时需求', 2, null, 'DANGER', '/needs')],
  alerts: [
    { kind: 'FEVER', open: 2, overdue: 1, escalated: 0 },
    { kind: 'MISSING_REPORT', open: 5, overdue: 0, escalated: 0 },
    { kind: 'DUTY_GAP', open: 0, overdue: 0, escalated: 0 },
  ],
  reports: { cutoff: '2026-12-07T16:00:00+08:00', own: null, children: [] },
};

export const SUPERVISOR_DASHBOARD: Dashboard = {
  ...LEADER_DASHBOARD,
  areaId: 'c1',
  areaName: '幸福社区',
  areaKind: 'COMMUNITY',
  reports: {
    cutoff: '2026-12-07T16:00:00+08:00',
    own: null,
    children: [
      { areaId: 'z1', areaName: '一片区', areaKind: 'ZONE', status: 'SUBMITTED', version: 1, submittedAt: '2026-12-07T07:30:00Z', late: false },
      { areaId: 'z2', areaName: '二片区', areaKind: 'ZONE', status: 'LATE', version: 2, submittedAt: '2026-12-07T09:10:00Z', late: true },
      { areaId: 'z3', areaName: '三片区', areaKind: 'ZONE', status: 'MISSING', version: null, submittedAt: null, late: false },
    ],
  },
};

// The server sends null for a ratio whose denominator is 0 (the contract's map values say number only).
const day = (date: string, coverage: number | null, households: number, fevers: number) => ({
  date,
  values: { 'testing.coverage': coverage as number, 'census.households': households, 'checkpoints.fevers': fevers, 'duty.fillRate': 0.9 },
});

export const METRICS: DailyMetrics = {
  areaId: 'c1',
  from: '2026-11-24',
  to: '2026-12-07',
  measures: [
    { key: 'census.households', labelZh: '户数', labelEn: 'Households', kind: 'LEVEL', unit: 'count' },
    { key: 'checkpoints.fevers', labelZh: '发热', labelEn: 'Fevers', kind: 'COUNT', unit: 'count' },
    { key: 'testing.coverage', labelZh: '采样覆盖率', labelEn: 'Coverage', kind: 'RATIO', unit: 'ratio' },
    { key: 'duty.fillRate', labelZh: '到岗率', labelEn: 'Fill rate', kind: 'RATIO', unit: 'ratio' },
  ],
  days: [day('2026-12-06', 0.5, 1198, 0), day('2026-12-07', null, 1200, 2)],
};

export const LIVE_REPORT: DailyReport = {
  areaId: 'z1',
  areaName: '一片区',
  areaKind: 'ZONE',
  date: '2026-12-07',
  previousDate: '2026-12-06',
  generatedAt: '2026-12-07T08:01:02Z',
  source: 'LIVE',
  version: null,
  cutoff: '2026-12-07T16:00:00+08:00',
  submittable: true,
  sections: [
    {
      key: 'census',
      titleZh: '人口',
      titleEn: 'Census',
      figures: [
        { key: 'census.households', labelZh: '户数', labelEn: 'Households', kind: 'LEVEL', unit: 'count', value: 1200, previous: 1198 },
        { key: 'census.residentsRemoved', labelZh: '迁出人数', labelEn: 'Residents removed', kind: 'COUNT', unit: 'count', value: 1, previous: 3 },
      ],
    },
    {
      key: 'testing',
      titleZh: '核酸检测',
      titleEn: 'Nucleic-acid testing',
      figures: [{ key: 'testing.coverage', labelZh: '采样覆盖率', labelEn: 'Coverage', kind: 'RATIO', unit: 'ratio', value: 0.9833, previous: null }],
    },
  ],
  children: [],
  submission: null,
};
