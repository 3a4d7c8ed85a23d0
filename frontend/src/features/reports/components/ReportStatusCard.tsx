import { Card, Descriptions } from 'antd';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DashboardReports } from '../api/types';
import { ChildrenTable, StatusTag } from './ChildrenTable';

/** Today's reporting: this node's own submission against its cut-off, and its children's. */
export function ReportStatusCard({ reports, areaId, date }: { reports: DashboardReports; areaId: string; date: string }) {
  const { t } = useTranslation();
  const own = reports.own;
  return (
    <Card
      size="small"
      title={t('reports.dashboard.reporting')}
      extra={<Link to={`/reports/daily?areaId=${areaId}&date=${date}`}>{t('reports.dashboard.openReport')}</Link>}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('reports.cutoff')}>{reports.cutoff ? dayjs(reports.cutoff).format('HH:mm') : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('reports.dashboard.own')}>
          {own ? (
            <span data-testid="own-status">
              <StatusTag status={own.late ? 'LATE' : 'SUBMITTED'} /> v{own.version} · {dayjs(own.submittedAt).format('HH:mm')} · {own.submittedBy}
            </span>
          ) : (
            <span data-testid="own-status">{t('reports.dashboard.notSubmitted')}</span>
          )}
        </Descriptions.Item>
      </Descriptions>
      {reports.children.length > 0 && <ChildrenTable items={reports.children} date={date} />}
    </Card>
  );
}
