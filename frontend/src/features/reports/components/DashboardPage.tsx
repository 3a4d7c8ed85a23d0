import { Skeleton, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRoles } from '../../../lib/auth/roles';
import { kindLabel } from '../../../lib/i18n/labels';
import { useDashboard } from '../api/reports';
import { dashboardView } from '../model';
import { AlertsByKind } from './AlertsByKind';
import { AreaPicker } from './AreaPicker';
import { MostOverdue } from './MostOverdue';
import { MyCells } from './MyCells';
import { ReportStatusCard } from './ReportStatusCard';
import { TileGrid } from './TileGrid';
import { TrendsCard } from './TrendsCard';
import '../reports.css';

/**
 * 概览, every role's landing screen (GET /api/v1/dashboard). A worker: the day's tasks as big tiles. A leader: the
 * zone's tiles, open alerts by kind and the reporting status. A supervisor (and an admin): also the last 14 days'
 * trends and the most overdue alerts. Managers may look at any node of their reach (?areaId=); a worker with several
 * grid cells switches between them.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const view = dashboardView(useRoles());
  const [params, setParams] = useSearchParams();
  const areaId = params.get('areaId') ?? undefined;
  const { data, error, isPending, refetch } = useDashboard(areaId);

  const pickArea = (id: string | undefined) => setParams(id ? { areaId: id } : {}, { replace: true });

  return (
    <div className={view === 'tasks' ? 'gg-dashboard gg-dashboard-tasks' : 'gg-dashboard'}>
      <Space wrap className="gg-report-head">
        <Typography.Title level={2}>{t(`reports.dashboard.title.${view}`)}</Typography.Title>
        {data && (
          <Typography.Text type="secondary" data-testid="dashboard-area">
            {data.areaName} {kindLabel(t, data.areaKind)} · {dayjs(data.date).format('YYYY-MM-DD')}
          </Typography.Text>
        )}
        {view !== 'tasks' ? <AreaPicker value={areaId ?? data?.areaId} onChange={pickArea} /> : <MyCells value={areaId ?? data?.areaId} onChange={pickArea} />}
      </Space>
      {error && <ProblemAlert error={error} onRetry={() => void refetch()} />}
      {isPending && <Skeleton active />}
      {data && (
        <>
          <TileGrid tiles={data.tiles} />
          {view !== 'tasks' && (
            <div className="gg-dashboard-cols">
              <AlertsByKind alerts={data.alerts} />
              {data.reports && <ReportStatusCard reports={data.reports} areaId={data.areaId} date={data.date} />}
            </div>
          )}
          {view === 'overview' && (
            <>
              <TrendsCard areaId={data.areaId} today={data.date} />
              <MostOverdue areaId={data.areaId} />
            </>
          )}
        </>
      )}
    </div>
  );
}
