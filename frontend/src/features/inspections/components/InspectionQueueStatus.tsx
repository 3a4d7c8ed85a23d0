import { Alert, Button, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfflineQueue, QueueSnapshot } from '../../../lib/offline';
import type { InspectionMeta, QueuedInspection } from '../api/queue';

/**
 * Inspections signed on this device and not yet sent (they go by themselves once the network is
 * back), and those the server refused, with its reasons, until the inspector discards them.
 */
export function InspectionQueueStatus({ queue, snapshot }: { queue: OfflineQueue<QueuedInspection, InspectionMeta> | undefined; snapshot: QueueSnapshot<QueuedInspection, InspectionMeta> }) {
  const { t } = useTranslation();
  return (
    <>
      {snapshot.waiting.length > 0 && (
        <Alert type="info" showIcon data-testid="inspection-queue" data-count={snapshot.waiting.length} title={t('inspections.queue.waiting', { count: snapshot.waiting.length })} />
      )}
      {snapshot.attention.map((e) => (
        <Alert
          key={e.id}
          type="error"
          showIcon
          data-testid="inspection-attention"
          title={t('inspections.queue.refused', { place: e.meta?.placeName ?? '', template: e.meta?.templateName ?? '' })}
          description={<Typography.Text type="danger">{(e.reasons ?? []).map((r) => (r.field ? `${r.field}: ${r.message}` : r.message)).join('；')}</Typography.Text>}
          action={
            <Popconfirm title={t('inspections.queue.discardConfirm')} onConfirm={() => void queue?.discard(e.id)}>
              <Button danger size="small">
                {t('inspections.queue.discard')}
              </Button>
            </Popconfirm>
          }
        />
      ))}
    </>
  );
}
