import { Button, Empty, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { useMoveRun, useRunSheet, type DeliveryRun } from '../api/delivery';
import { usePlaceCatalogue } from '../api/catalogue';
import { inDoorOrder } from '../api/doorOrder';
import { StopCard } from './StopCard';
import '../delivery.css';

const STATUS_COLORS = { PLANNED: 'blue', STARTED: 'orange', CLOSED: 'default' } as const;

/** A run's head: name, date, status and how many doors are recorded. */
export function RunHead({ run }: { run: DeliveryRun }) {
  const { t } = useTranslation();
  return (
    <div className="gg-run-head">
      <Typography.Title level={2}>{run.name}</Typography.Title>
      <Space wrap>
        <span>{run.date}</span>
        <Tag color={STATUS_COLORS[run.status]}>{t(`delivery.status.${run.status}`)}</Tag>
        <span>{t('delivery.progress', { dropped: run.dropped, stops: run.stops })}</span>
        <span>
          {t('delivery.carriers')}: {run.carriers.join('、')}
        </span>
      </Space>
    </div>
  );
}

/** The leader's buttons on a run: start, close, print. */
function RunActions({ run }: { run: DeliveryRun }) {
  const { t } = useTranslation();
  const start = useMoveRun('start');
  const close = useMoveRun('close');
  return (
    <Space wrap>
      {run.status === 'PLANNED' && (
        <Button type="primary" loading={start.isPending} onClick={() => start.mutate(run)}>
          {t('delivery.start')}
        </Button>
      )}
      {run.status !== 'CLOSED' && (
        <Popconfirm title={t('delivery.closeConfirm')} onConfirm={() => close.mutate(run)}>
          <Button loading={close.isPending}>{t('delivery.close')}</Button>
        </Popconfirm>
      )}
      <Link to={`/delivery/${run.id}/print`}>
        <Button icon={<PrinterOutlined />}>{t('delivery.print')}</Button>
      </Link>
      {(start.error || close.error) && <ProblemAlert error={start.error ?? close.error} />}
    </Space>
  );
}

/** The run sheet on a phone: every door in order, one tap per outcome; leaders also start, close and print. */
export function RunSheetView({ id }: { id: string }) {
  const { t } = useTranslation();
  const roles = useRoles();
  const sheet = useRunSheet(id);
  const catalogue = usePlaceCatalogue(sheet.data?.run.placeId);
  if (sheet.isPending) return <Skeleton active />;
  if (sheet.error) return <ProblemAlert error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const { run, stops } = sheet.data;
  const open = run.status === 'STARTED';
  return (
    <div className="gg-delivery">
      <RunHead run={run} />
      {hasAnyRole(roles, ['supervisor', 'grid-leader']) && <RunActions run={run} />}
      {run.status === 'PLANNED' && <Typography.Text type="secondary">{t('delivery.notStarted')}</Typography.Text>}
      {stops.length === 0 && <Empty />}
      {inDoorOrder(stops).map((s) => (
        <StopCard key={s.needId} runId={run.id} stop={s} open={open} catalogue={catalogue} />
      ))}
    </div>
  );
}

export function RunSheetPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  return (
    <>
      <Link to="/delivery">{t('delivery.back')}</Link>
      <RunSheetView id={id} />
    </>
  );
}
