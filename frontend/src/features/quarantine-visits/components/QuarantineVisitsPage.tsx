import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PagedList } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { isFever } from '../../../components/temperature-pad/TemperaturePad';
import { useQueueSnapshot } from '../../../lib/offline';
import { dueVisitsKey, timeInZone, todayInZone, useDueVisits, useVisitQueue, type DueRow, type DueStatus } from '../api/visits';
import { VisitEntry, type VisitInput } from './VisitEntry';
import { VisitQueueStatus } from './VisitQueueStatus';
import '../quarantine-visits.css';

/** The row's state on this device: the server's, or QUEUED while a visit for it waits to be sent. */
type RowState = DueStatus | 'QUEUED';
const STATUS_COLORS: Record<RowState, string> = { OVERDUE: 'red', DUE: 'blue', DONE: 'green', MISSED: 'default', QUEUED: 'orange' };

const rowKey = (r: Pick<DueRow, 'orderId' | 'date' | 'window'>) => `${r.orderId}|${r.date}|${r.window}`;

interface LastVisit {
  id: string;
  name: string;
  temperature: number;
  fever: boolean;
  /** Set once the server answered for it. */
  sent: boolean;
  alertId?: string;
}

/**
 * 隔离, the worker's screen (phone first): today's visits in the caller's reach (cells for workers
 * and leaders, the site for site staff), overdue first. A tap opens the visit entry; every visit
 * goes into the offline queue with its clientRef first and is sent right away when the network is
 * there, so a retry never records it twice.
 */
export function QuarantineVisitsPage() {
  const { t } = useTranslation();
  const date = todayInZone();
  const due = useDueVisits(date);
  const queue = useVisitQueue();
  const snapshot = useQueueSnapshot(queue);
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<DueRow>();
  const [last, setLast] = useState<LastVisit>();

  const rows = useMemo(() => due.data?.pages.flatMap((p) => p.items ?? []) ?? [], [due.data]);
  const queued = useMemo(
    () => new Set(snapshot.waiting.map((e) => rowKey({ orderId: e.payload.orderId, date: e.meta?.date, window: e.payload.visit.window }))),
    [snapshot.waiting],
  );

  // A queued visit went out (here or in the background): the server's list now has it DONE.
  const waitingCount = snapshot.waiting.length;
  const lastCount = useRef(waitingCount);
  useEffect(() => {
    if (waitingCount < lastCount.current) void queryClient.invalidateQueries({ queryKey: dueVisitsKey });
    lastCount.current = waitingCount;
  }, [waitingCount, queryClient]);

  const record = async (row: DueRow, input: VisitInput) => {
    if (!queue || !row.orderId) return;
    const clientRef = crypto.randomUUID();
    const visit = { ...input, clientRef, visitedAt: new Date().toISOString(), window: row.window };
    await queue.enqueue({ orderId: row.orderId, visit }, { name: row.name, orderNumber: row.orderNumber, date: row.date });
    const temperature = input.temperature ?? 0;
    setLast({ id: clientRef, name: row.name ?? '', temperature, fever: isFever(temperature), sent: false });
    setSelected(undefined);
    if (navigator.onLine) {
      const outcome = (await queue.flush()).results.get(clientRef);
      if (outcome && outcome.status !== 'REJECTED') setLast((l) => (l?.id === clientRef ? { ...l, sent: true, alertId: outcome.alertId } : l));
      void queryClient.invalidateQueries({ queryKey: dueVisitsKey });
    }
  };

  if (selected) {
    return (
      <div className="gg-visits">
        <VisitEntry row={selected} onBack={() => setSelected(undefined)} onRecord={(input) => void record(selected, input)} />
      </div>
    );
  }

  return (
    <div className="gg-visits">
      <Typography.Title level={2}>{t('quarantineVisits.title')}</Typography.Title>
      <Typography.Text type="secondary">{t('quarantineVisits.subtitle', { date })}</Typography.Text>
      <VisitQueueStatus queue={queue} snapshot={snapshot} />

      {last && (
        <Alert
          className={last.fever ? 'gg-fever' : undefined}
          data-testid={last.fever ? 'visit-fever' : 'visit-recorded'}
          type={last.fever ? 'error' : 'success'}
          showIcon
          title={
            last.fever
              ? t('quarantineVisits.result.fever', { temperature: last.temperature.toFixed(1), name: last.name })
              : t('quarantineVisits.result.recorded', { temperature: last.temperature.toFixed(1), name: last.name })
          }
          description={
            <Space orientation="vertical" size={0}>
              {last.fever && <strong>{last.sent ? t('quarantineVisits.result.feverAlert') : t('quarantineVisits.result.feverQueued')}</strong>}
              {last.fever && <span>{t('quarantineVisits.result.feverTodo')}</span>}
              <span data-testid="visit-sent" data-sent={last.sent}>
                {last.sent ? t('quarantineVisits.result.sent') : t('quarantineVisits.result.queued')}
              </span>
              {last.alertId && <Link to={`/alerts?id=${last.alertId}`}>{t('quarantineVisits.result.openAlert')}</Link>}
            </Space>
          }
        />
      )}

      {due.error && <ProblemAlert error={due.error} onRetry={() => void due.refetch()} />}
      {due.data && rows.length === 0 && <Empty description={t('quarantineVisits.empty')} />}
      <PagedList<DueRow>
        className="gg-visit-list"
        loading={due.isPending && !due.error}
        dataSource={rows}
        rowKey={rowKey}
        pages={due}
        renderItem={(r) => {
          const state: RowState = r.status !== 'DONE' && queued.has(rowKey(r)) ? 'QUEUED' : (r.status ?? 'DUE');
          return (
            <List.Item className="gg-visit-row" data-testid="visit-row" data-status={state} data-order-id={r.orderId} data-window={r.window}>
              <button type="button" className="gg-visit-pick" onClick={() => setSelected(r)} disabled={state === 'QUEUED'}>
                <span className="gg-visit-line">
                  <span className="gg-visit-name">{r.name}</span>
                  <Tag color={STATUS_COLORS[state]} className="gg-visit-status">
                    {t(`quarantineVisits.status.${state}`)}
                  </Tag>
                  {r.fever && <Tag color="red">{t('quarantineVisits.feverTag')}</Tag>}
                </span>
                <span className="gg-visit-sub">{r.address}</span>
                <span className="gg-visit-sub">
                  {t(`quarantineVisits.kinds.${r.kind as 'HOME_ISOLATION'}`, { defaultValue: r.kind })} · {r.orderNumber}
                </span>
                <span className="gg-visit-sub">
                  {t(`quarantineVisits.windows.${r.window ?? 'MORNING'}`)} {timeInZone(r.windowStart)}–{timeInZone(r.windowEnd)}
                  {r.visitedAt ? ` · ${t('quarantineVisits.visitedAt', { time: timeInZone(r.visitedAt) })}` : ''}
                </span>
              </button>
            </List.Item>
          );
        }}
      />
    </div>
  );
}
