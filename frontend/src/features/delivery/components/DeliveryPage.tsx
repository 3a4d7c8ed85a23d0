import { Button, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { useDeliveryRuns, type DeliveryRun } from '../api/delivery';
import { RunSheetView } from './RunSheetPage';
import '../delivery.css';

/** Today's date (YYYY-MM-DD) in the deployment's zone, whatever the device's zone. */
export const todayInShanghai = (now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);

function RunRow({ run }: { run: DeliveryRun }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Link to={`/delivery/${run.id}`} className="gg-run-link">
        <Space wrap>
          <strong>{run.name}</strong>
          <span>{run.date}</span>
          <Tag>{t(`delivery.status.${run.status}`)}</Tag>
          <span>{t('delivery.progress', { dropped: run.dropped, stops: run.stops })}</span>
          <span>{run.carriers.join('、')}</span>
        </Space>
      </Link>
    </List.Item>
  );
}

/** A worker's day: today's run (its sheet right here when there is one), else the list of today's runs. */
function TodayRuns() {
  const { t } = useTranslation();
  const date = todayInShanghai();
  const runs = useDeliveryRuns(date);
  if (runs.isPending) return <Skeleton active />;
  if (runs.error) return <ProblemAlert error={runs.error} onRetry={() => void runs.refetch()} />;
  const [only, ...others] = runs.data.filter((r) => r.status !== 'CLOSED');
  if (only && others.length === 0) return <RunSheetView id={only.id} />;
  return (
    <div className="gg-delivery">
      <Typography.Title level={2}>{t('delivery.today', { date })}</Typography.Title>
      {runs.data.length === 0 ? <Empty description={t('delivery.noRunToday')} /> : <List dataSource={runs.data} renderItem={(r) => <RunRow run={r} />} />}
    </div>
  );
}

/** The leader's runs, newest first, and the way to plan one. */
function RunsList() {
  const { t } = useTranslation();
  const runs = useDeliveryRuns();
  return (
    <div className="gg-delivery">
      <Space className="gg-run-head" wrap>
        <Typography.Title level={2}>{t('delivery.runs')}</Typography.Title>
        <Link to="/delivery/new">
          <Button type="primary" icon={<PlusOutlined />}>
            {t('delivery.newRun')}
          </Button>
        </Link>
      </Space>
      {runs.error && <ProblemAlert error={runs.error} onRetry={() => void runs.refetch()} />}
      <List loading={runs.isPending} dataSource={runs.data ?? []} renderItem={(r) => <RunRow run={r} />} />
    </div>
  );
}

/** 送货上门: leaders and supervisors plan and follow runs; workers carry today's. */
export function DeliveryPage() {
  const roles = useRoles();
  return hasAnyRole(roles, ['admin', 'supervisor', 'grid-leader']) ? <RunsList /> : <TodayRuns />;
}
