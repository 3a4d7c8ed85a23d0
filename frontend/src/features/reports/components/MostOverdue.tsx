import { Card, Empty, Skeleton, Tag } from 'antd';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { kindColor, kindLabel, useAlertKinds } from '../../../components/alerts/alerts';
import { useLanguage } from '../../../lib/i18n/language';
import { useMostOverdue } from '../api/reports';

/** The alerts that waited longest past their due time (escalated to this level), each opening it in the inbox. */
export function MostOverdue({ areaId }: { areaId?: string }) {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useMostOverdue(areaId);
  const { data: kinds } = useAlertKinds();
  const { language } = useLanguage();
  let body;
  if (error) body = <ProblemAlert error={error} onRetry={() => void refetch()} />;
  else if (isPending) body = <Skeleton active />;
  else if (data.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.dashboard.nothingOverdue')} />;
  else
    body = (
      <ul className="gg-overdue-list">
        {data.map((a) => (
          <li key={a.id}>
            <Link to={`/alerts?kind=${encodeURIComponent(a.kind ?? '')}&id=${a.id ?? ''}`} data-testid="overdue-item">
              <Tag color={kindColor(kinds, a.kind ?? '')}>{kindLabel(kinds, a.kind ?? '', language)}</Tag>
              <span>{a.subjectLabel}</span> <span className="gg-muted">{a.areaName}</span>{' '}
              <span className="gg-overdue-text">{t('reports.dashboard.dueAt', { time: a.dueAt ? dayjs(a.dueAt).format('MM-DD HH:mm') : '—' })}</span>
            </Link>
          </li>
        ))}
      </ul>
    );
  return (
    <Card size="small" title={t('reports.dashboard.mostOverdue')}>
      {body}
    </Card>
  );
}
