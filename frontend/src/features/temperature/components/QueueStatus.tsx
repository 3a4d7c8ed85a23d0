import { useState } from 'react';
import { App, Badge, Button, Collapse, InputNumber, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { useOnline } from '../../../components/OfflineBanner';
import { useQueueSnapshot, type OfflineQueue, type QueueEntry } from '../../../lib/offline';
import type { CheckInput, EntryMeta } from '../api/temperature';
import { MAX_TEMPERATURE, MIN_TEMPERATURE, isFever } from '../../../components/temperature-pad/TemperaturePad';

type Entry = QueueEntry<CheckInput, EntryMeta>;

function EntryLine({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const temperature = Number(entry.payload.temperature);
  return (
    <Space wrap size={4}>
      <Tag color={isFever(temperature) ? 'red' : 'green'}>{temperature.toFixed(1)} °C</Tag>
      <Typography.Text strong>{entry.meta?.personName}</Typography.Text>
      <Typography.Text type="secondary">
        {t(`temperature.sources.${entry.payload.source}`)}
        {entry.payload.direction ? ` · ${t(`temperature.direction.${entry.payload.direction}`)}` : ''} · {dayjs(entry.payload.measuredAt).format('HH:mm:ss')}
      </Typography.Text>
    </Space>
  );
}

/**
 * How many readings wait on this device and how many the server refused. Refused ones are
 * listed with the server's reasons until the worker fixes them (same id, sent again) or discards them.
 */
export function QueueStatus({ queue }: { queue: OfflineQueue<CheckInput, EntryMeta> | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const online = useOnline();
  const { waiting, attention } = useQueueSnapshot(queue);
  const [fixing, setFixing] = useState<Entry>();
  const [fixed, setFixed] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const lastError = waiting.find((e) => e.lastError)?.lastError;

  const send = async () => {
    if (!queue) return;
    setSending(true);
    try {
      await queue.flush();
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="gg-queue" aria-label={t('temperature.queue.waitingTitle')}>
      <Space wrap>
        <Badge status={waiting.length ? 'processing' : 'success'} />
        <Typography.Text strong data-testid="queue-waiting" data-count={waiting.length}>
          {waiting.length ? t('temperature.queue.waiting', { count: waiting.length }) : t('temperature.queue.allSent')}
        </Typography.Text>
        {attention.length > 0 && (
          <Tag color="red" data-testid="queue-attention" data-count={attention.length}>
            {t('temperature.queue.attention', { count: attention.length })}
          </Tag>
        )}
        {waiting.length > 0 && (
          <Button size="middle" icon={<CloudUploadOutlined />} loading={sending} disabled={!online} onClick={() => void send()}>
            {t('temperature.queue.send')}
          </Button>
        )}
      </Space>
      {lastError && online && (
        <Typography.Paragraph type="secondary" className="gg-queue-error">
          {t('temperature.queue.lastError', { error: lastError })}
        </Typography.Paragraph>
      )}
      {waiting.length > 0 && (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'waiting',
              label: t('temperature.queue.waitingTitle'),
              children: (
                <List
                  size="small"
                  dataSource={waiting}
                  rowKey="id"
                  renderItem={(e) => (
                    <List.Item data-testid="queue-entry" data-id={e.id}>
                      <EntryLine entry={e} />
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      )}
      {attention.length > 0 && (
        <List
          className="gg-attention"
          header={<Typography.Text strong type="danger">{t('temperature.queue.attentionTitle')}</Typography.Text>}
          bordered
          dataSource={attention}
          rowKey="id"
          renderItem={(e) => (
            <List.Item
              data-testid="attention-entry"
              data-id={e.id}
              actions={[
                <Button key="fix" size="large" onClick={() => { setFixing(e); setFixed(Number(e.payload.temperature)); }}>
                  {t('temperature.queue.fix')}
                </Button>,
                <Popconfirm key="discard" title={t('temperature.queue.discardConfirm')} onConfirm={() => void queue?.discard(e.id)}>
                  <Button size="large" danger>
                    {t('temperature.queue.discard')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={<EntryLine entry={e} />}
                description={<Typography.Text type="danger">{(e.reasons ?? []).map((r) => (r.field ? `${r.field}: ${r.message}` : r.message)).join('；')}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      )}
      <Modal
        open={fixing !== undefined}
        title={t('temperature.queue.fixTitle')}
        onCancel={() => setFixing(undefined)}
        okButtonProps={{ disabled: fixed === null || fixed < MIN_TEMPERATURE || fixed > MAX_TEMPERATURE }}
        onOk={() => {
          if (!fixing || fixed === null || !queue) return;
          // Same id: the server never stored the refused item, so the id is still free.
          void queue.requeue(fixing.id, { ...fixing.payload, temperature: fixed }).then(() => {
            setFixing(undefined);
            void message.success(t('temperature.queue.waiting', { count: 1 }));
            return queue.flush();
          });
        }}
      >
        {fixing && <EntryLine entry={fixing} />}
        <InputNumber size="large" min={MIN_TEMPERATURE} max={MAX_TEMPERATURE} step={0.1} precision={1} value={fixed} onChange={(v) => setFixed(v)} addonAfter="°C" style={{ width: '100%', marginTop: 12 }} />
      </Modal>
    </section>
  );
}
