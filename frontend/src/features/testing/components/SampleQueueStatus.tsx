import { useState } from 'react';
import { Badge, Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useOnline } from '../../../components/OfflineBanner';
import { useQueueSnapshot, type OfflineQueue } from '../../../lib/offline';
import type { NewSample, SampleMeta } from '../api/testing';

/**
 * Samples waiting on this device, and those the server refused (pool full, already in this pool,
 * not in your cells...) with its reasons, until the worker discards them: nothing is dropped silently.
 */
export function SampleQueueStatus({ queue, onChange }: { queue: OfflineQueue<NewSample, SampleMeta> | undefined; onChange?: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  const { waiting, attention } = useQueueSnapshot(queue);
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (!queue) return;
    setSending(true);
    try {
      await queue.flush();
      onChange?.();
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="gg-queue" aria-label={t('testing.queue.title')}>
      <Space wrap>
        <Badge status={waiting.length ? 'processing' : 'success'} />
        <Typography.Text strong data-testid="sample-queue-waiting" data-count={waiting.length}>
          {waiting.length ? t('testing.queue.waiting', { count: waiting.length }) : t('testing.queue.allSent')}
        </Typography.Text>
        {waiting.length > 0 && (
          <Button icon={<CloudUploadOutlined />} loading={sending} disabled={!online} onClick={() => void send()}>
            {t('testing.queue.send')}
          </Button>
        )}
      </Space>
      {attention.length > 0 && (
        <List
          className="gg-attention"
          header={<Typography.Text strong type="danger">{t('testing.queue.attention', { count: attention.length })}</Typography.Text>}
          bordered
          dataSource={attention}
          rowKey="id"
          renderItem={(e) => (
            <List.Item
              data-testid="sample-attention"
              actions={[
                <Popconfirm key="discard" title={t('testing.queue.discardConfirm')} onConfirm={() => void queue?.discard(e.id).then(onChange)}>
                  <Button danger>{t('testing.queue.discard')}</Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Tag>{e.payload.barcode}</Tag>
                    <Typography.Text strong>{e.meta?.personName}</Typography.Text>
                  </Space>
                }
                description={<Typography.Text type="danger">{(e.reasons ?? []).map((r) => r.message).join('；')}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
