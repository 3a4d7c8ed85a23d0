import { Empty, List, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useGapAlerts } from '../api/duty';

/** The alert inbox, only duty gaps (posts with nobody checked in 15 minutes after the start). */
export function GapInbox({ areaId }: { areaId: string | undefined }) {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useGapAlerts(areaId);
  if (error) return <ProblemAlert error={error} onRetry={() => void refetch()} />;
  if (isPending) return <Skeleton active />;
  if (data.length === 0) return <Empty description={t('duty.gaps.empty')} />;
  return (
    <List
      dataSource={data}
      rowKey={(a) => a.id ?? ''}
      renderItem={(a) => (
        <List.Item data-testid="duty-gap">
          <List.Item.Meta
            title={
              <>
                <Tag color="red">{t('duty.gaps.kind')}</Tag>
                {a.subjectLabel}
              </>
            }
            description={
              <Typography.Text type="secondary">
                {a.areaName} · {t('duty.gaps.raised', { time: a.raisedAt ? dayjs(a.raisedAt).format('MM-DD HH:mm') : '' })} · {a.state}
                {a.overdue ? ` · ${t('duty.gaps.overdue')}` : ''}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
