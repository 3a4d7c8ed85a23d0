import { Card, Empty, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { kindColor, kindLabel, useAlertKinds } from '../../../components/alerts/alerts';
import { useLanguage } from '../../../lib/i18n/language';
import type { DashboardAlerts } from '../api/types';

/** Open alerts in reach by kind, most first; each row opens the inbox filtered to its kind. */
export function AlertsByKind({ alerts }: { alerts: readonly DashboardAlerts[] }) {
  const { t } = useTranslation();
  const { data: kinds } = useAlertKinds();
  const { language } = useLanguage();
  const rows = alerts.filter((a) => a.open > 0).sort((a, b) => b.open - a.open);
  return (
    <Card title={t('reports.dashboard.alerts')} size="small">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.dashboard.noAlerts')} />
      ) : (
        <ul className="gg-alert-kinds">
          {rows.map((a) => (
            <li key={a.kind}>
              <Link to={`/alerts?kind=${encodeURIComponent(a.kind)}`} className="gg-alert-kind" data-testid="alert-kind-row">
                <Tag color={kindColor(kinds, a.kind)}>{kindLabel(kinds, a.kind, language)}</Tag>
                <span className="gg-alert-kind-open">{t('reports.dashboard.open', { count: a.open })}</span>
                {a.overdue > 0 && <span className="gg-overdue-text">{t('reports.dashboard.overdue', { count: a.overdue })}</span>}
                {a.escalated > 0 && <span className="gg-overdue-text">{t('reports.dashboard.escalated', { count: a.escalated })}</span>}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
