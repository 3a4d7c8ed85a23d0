import { Badge, List, Popconfirm, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfflineQueue, QueueSnapshot } from '../../../lib/offline';
import type { QueuedVisit, VisitMeta } from '../api/visits';

/**
 * Visits waiting on this device (sent by themselves once the network is back), and those the
 * server refused (order released meanwhile, out of reach …) with its reasons until the worker
 * discards them: nothing is dropped silently.
 */
export function VisitQueueStatus({ queue, snapshot }: { queue: OfflineQueue<QueuedVisit, VisitMeta> | undefined; snapshot: QueueSnapshot<QueuedVisit, VisitMeta> }) {
  const { t } = useTranslation();
  const { waiting, attention } = snapshot;
  return (
    <section className="gg-queue" aria-label={t('quarantineVisits.queue.title')}>
      <Space wrap>
        <Badge status={waiting.length ? 'processing' : 'success'} />
        <Typography.Text strong data-testid="visit-queue-waiting" data-count={waiting.length}>
          {waiting.length ? t('quarantineVisits.queue.waiting', { count: waiting.length }) : t('quarantineVisits.queue.allSent')}
        </Typography.Text>
      </Space>
      {attention.length > 0 && (
        <List
          className="gg-attention"
          header={<Typography.Text strong type="danger">{t('quarantineVisits.queue.attention', { count: attention.length })}</Typography.Text>}
          bordered
          dataSource={attention}
          rowKey="id"
          renderItem={(e) => (
            <List.Item
              data-testid="visit-attention"
              actions={[
                <Popconfirm key="discard" title={t('quarantineVisits.queue.discardConfirm')} onConfirm={() => void queue?.discard(e.id)}>
                  <Button danger>{t('quarantineVisits.queue.discard')}</Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={`${e.meta?.name ?? ''} · ${e.meta?.orderNumber ?? ''}`}
                description={<Typography.Text type="danger">{(e.reasons ?? []).map((r) => r.message).join('；')}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
