import { useState } from 'react';
import { App, Button, DatePicker, Empty, List, Modal, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useTemperatureQueue, useWatchReports, type CheckInput, type ReportWindow, type WatchReport } from '../api/temperature';
import { QueueStatus } from './QueueStatus';
import { TemperaturePad, isFever } from '../../../components/temperature-pad/TemperaturePad';
import '../temperature.css';

type Source = Exclude<CheckInput['source'], 'GATE'>;
const SOURCES: Source[] = ['DOOR', 'PHONE', 'PHOTO'];

/** The window a leader most likely means: the morning one before noon, else the afternoon one. */
const currentWindow = (): ReportWindow => (dayjs().hour() < 12 ? 'MORNING' : 'AFTERNOON');

/**
 * Today's twice-daily reports of people under watch, missing ones first. A reading heard on the
 * phone, seen on a photo or taken at the door is recorded straight from the row; it goes through
 * the same offline queue as the checkpoint screen.
 */
export function WatchReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [date, setDate] = useState<Dayjs>(() => dayjs());
  const [slot, setSlot] = useState<ReportWindow>(currentWindow);
  const [recording, setRecording] = useState<WatchReport>();
  const [source, setSource] = useState<Source>('PHONE');
  const queue = useTemperatureQueue();
  const { data, error, isPending, refetch } = useWatchReports(undefined, date.format('YYYY-MM-DD'), slot);

  const record = async (temperature: number) => {
    if (!queue || !recording) return;
    const payload: CheckInput = { id: crypto.randomUUID(), source, measuredAt: new Date().toISOString(), temperature, residentId: recording.residentId };
    await queue.enqueue(payload, { personName: recording.name });
    setRecording(undefined);
    message.open({ type: isFever(temperature) ? 'error' : 'success', content: t('temperature.result.recorded', { name: recording.name, temperature: temperature.toFixed(1) }) });
    if (navigator.onLine) await queue.flush();
    void refetch();
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('temperature.watch.title')}
        </Typography.Title>
        <Button size="large" onClick={() => void navigate('/alerts?kind=MISSING_REPORT')}>
          {t('temperature.watch.toAlerts')}
        </Button>
      </Space>
      <Space wrap>
        <DatePicker size="large" allowClear={false} value={date} onChange={(d) => d && setDate(d)} aria-label={t('temperature.watch.date')} />
        <Segmented<ReportWindow>
          size="large"
          value={slot}
          onChange={setSlot}
          options={(['MORNING', 'AFTERNOON'] as const).map((w) => ({ value: w, label: t(`temperature.watch.window.${w}`) }))}
        />
      </Space>
      <QueueStatus queue={queue} />
      {error && <ProblemAlert error={error} onRetry={() => void refetch()} />}
      {isPending && !error && <Skeleton active />}
      {data && data.length === 0 && <Empty description={t('temperature.watch.empty')} />}
      {data && data.length > 0 && (
        <List
          dataSource={data}
          rowKey={(r) => `${r.watchId}-${r.window}`}
          renderItem={(r) => (
            <List.Item
              className="gg-watch-row"
              data-testid="watch-report"
              data-reported={r.reported}
              actions={[
                <Button key="record" size="large" type={r.reported ? 'default' : 'primary'} onClick={() => setRecording(r)}>
                  {t('temperature.watch.record')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    {r.reported ? <Tag color="green">{t('temperature.watch.reported')}</Tag> : <Tag color="red">{t('temperature.watch.missing')}</Tag>}
                    <span>{r.name}</span>
                    {r.reading && (
                      <Tag color={isFever(Number(r.reading.temperature)) ? 'red' : 'blue'}>
                        {Number(r.reading.temperature).toFixed(1)} °C · {dayjs(r.reading.measuredAt).format('HH:mm')}
                      </Tag>
                    )}
                  </Space>
                }
                description={[r.cellName, r.doorLabel].filter(Boolean).join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
      <Modal open={recording !== undefined} title={recording ? t('temperature.watch.recordTitle', { name: recording.name }) : ''} footer={null} onCancel={() => setRecording(undefined)} destroyOnHidden>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Segmented<Source>
            block
            size="large"
            aria-label={t('temperature.watch.source')}
            value={source}
            onChange={setSource}
            options={SOURCES.map((s) => ({ value: s, label: t(`temperature.sources.${s}`) }))}
          />
          <TemperaturePad disabled={!queue} onRecord={(v) => void record(v)} />
        </Space>
      </Modal>
    </Space>
  );
}
