import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { kindLabel } from '../../../lib/i18n/labels';
import type { ChildStatus, DailyReportChild } from '../api/types';

/** A child's submission status as a tag (LATE and MISSING stand out). */
export function StatusTag({ status }: { status: ChildStatus }) {
  const { t } = useTranslation();
  return (
    <Tag className={`gg-report-status gg-report-status-${status}`} data-testid="child-status">
      {t(`reports.status.${status}`)}
    </Tag>
  );
}

/** The children that report to this node, their latest version and whether it came in late or not at all. */
export function ChildrenTable({ items, date }: { items: readonly DailyReportChild[]; date: string }) {
  const { t } = useTranslation();
  return (
    <Table<DailyReportChild>
      size="small"
      rowKey="areaId"
      pagination={false}
      dataSource={[...items]}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('reports.children.none') }}
      columns={[
        {
          title: t('reports.children.area'),
          key: 'area',
          render: (_, c) => (
            <Link to={`/reports/daily?areaId=${c.areaId}&date=${date}`}>
              {c.areaName} <span className="gg-muted">{kindLabel(t, c.areaKind)}</span>
            </Link>
          ),
        },
        { title: t('reports.children.status'), key: 'status', render: (_, c) => <StatusTag status={c.status} /> },
        { title: t('reports.children.version'), key: 'version', render: (_, c) => (c.version == null ? '—' : `v${c.version}`) },
        { title: t('reports.children.submittedAt'), key: 'at', render: (_, c) => (c.submittedAt ? dayjs(c.submittedAt).format('MM-DD HH:mm') : '—') },
      ]}
    />
  );
}
