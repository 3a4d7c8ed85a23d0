import { useRef, useState } from 'react';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useRecordDrop, type Outcome, type Stop } from '../api/delivery';
import { doorLabel } from '../api/doorOrder';
import { tapBody, type CatalogueItem } from '../api/forms';
import { DropForm } from './DropForm';

const OUTCOME_COLORS: Record<Outcome, string> = { DELIVERED: 'green', NOBODY_HOME: 'orange', REFUSED: 'red' };

interface Props {
  runId: string;
  stop: Stop;
  /** Drops are recorded on a started run only. */
  open: boolean;
  catalogue: readonly CatalogueItem[];
}

/** One door of the run: who and what, and one tap per outcome (送达 opens the items and who received it). */
export function StopCard({ runId, stop, open, catalogue }: Props) {
  const { t } = useTranslation();
  const [delivering, setDelivering] = useState(false);
  const record = useRecordDrop(runId);
  const keys = useRef<Record<string, string>>({});
  const door = doorLabel(stop) || t('delivery.noBuilding');
  const drop = stop.drop;

  const tap = (outcome: 'NOBODY_HOME' | 'REFUSED') => {
    keys.current[outcome] ??= crypto.randomUUID();
    record.mutate({ body: tapBody(stop.needId, outcome), key: keys.current[outcome] });
  };

  return (
    <Card size="small" className="gg-stop" data-outcome={drop?.outcome ?? 'OPEN'} aria-label={door}>
      <div className="gg-stop-head">
        <Typography.Text strong className="gg-stop-door">
          {door}
        </Typography.Text>
        {drop && <Tag color={OUTCOME_COLORS[drop.outcome]}>{t(`delivery.outcomes.${drop.outcome}`)}</Tag>}
      </div>
      <div className="gg-stop-sub">
        {[stop.contactName, stop.phoneMasked].filter(Boolean).join(' · ')}
      </div>
      <div>
        <Tag color={stop.urgency === 'URGENT_MEDICAL' ? 'red' : undefined}>{t(`delivery.urgency.${stop.urgency}`)}</Tag>
        {t(`delivery.kinds.${stop.kind}`)}
        {stop.medicineName && ` · ${t('delivery.medicine', { name: stop.medicineName, quantity: stop.medicineQuantity ?? '' })}`}
        {stop.detail && ` · ${stop.detail}`}
      </div>
      {drop && (drop.receivedBy || drop.items.length > 0 || drop.note) && (
        <div className="gg-stop-sub">
          {[drop.receivedBy, ...drop.items.map((i) => `${i.name ?? ''} ${i.quantity}${i.unit ?? ''}`), drop.note].filter(Boolean).join(' · ')}
        </div>
      )}
      {open && !drop && !delivering && (
        <Space wrap className="gg-delivery-chips">
          <Button type="primary" size="large" onClick={() => setDelivering(true)}>
            {t('delivery.outcomeShort.DELIVERED')}
          </Button>
          <Button size="large" loading={record.isPending} onClick={() => tap('NOBODY_HOME')}>
            {t('delivery.outcomeShort.NOBODY_HOME')}
          </Button>
          <Button size="large" danger loading={record.isPending} onClick={() => tap('REFUSED')}>
            {t('delivery.outcomeShort.REFUSED')}
          </Button>
        </Space>
      )}
      {record.error && <ProblemAlert error={record.error} />}
      {open && !drop && delivering && (
        <DropForm runId={runId} needId={stop.needId} catalogue={catalogue} onDone={() => setDelivering(false)} onCancel={() => setDelivering(false)} />
      )}
    </Card>
  );
}
