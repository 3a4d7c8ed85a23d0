import { useState } from 'react';
import { Button, Card, Radio, Segmented, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { TemperaturePad } from '../../../components/temperature-pad/TemperaturePad';
import { NEED_KINDS, SYMPTOMS, timeInZone, type DueRow, type NeedKind, type NewVisit, type Symptom, type VisitMode } from '../api/visits';

/** What the worker entered; the page adds the ids and sends it through the queue. */
export type VisitInput = Pick<NewVisit, 'mode' | 'temperature' | 'symptoms' | 'sealIntact' | 'needs'>;

/** NONE stands alone: picking it clears the others, picking another clears it, and clearing the last brings it back. */
export function toggleSymptom(current: readonly Symptom[], s: Symptom): Symptom[] {
  if (s === 'NONE') return ['NONE'];
  const rest = current.filter((x) => x !== 'NONE');
  const next = rest.includes(s) ? rest.filter((x) => x !== s) : [...rest, s];
  return next.length ? next : ['NONE'];
}

/** A toggle chip: a big button that says whether it is pressed (screen readers too). */
function Chip({ checked, onToggle, label }: { checked: boolean; onToggle: () => void; label: string }) {
  return (
    <Button size="large" shape="round" className="gg-chip" type={checked ? 'primary' : 'default'} aria-pressed={checked} onClick={onToggle}>
      {label}
    </Button>
  );
}

interface Props {
  row: DueRow;
  onRecord: (input: VisitInput) => void;
  onBack: () => void;
}

/**
 * One visit, phone first: phone call or at the door, symptoms (NONE alone), the door seal (home
 * isolation only), needs raised, and the temperature on the checkpoint's pad, whose tap records it.
 */
export function VisitEntry({ row, onRecord, onBack }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<VisitMode>('DOOR');
  const [symptoms, setSymptoms] = useState<Symptom[]>(['NONE']);
  const [seal, setSeal] = useState<boolean>();
  const [needs, setNeeds] = useState<NeedKind[]>([]);
  const homeIsolation = row.kind === 'HOME_ISOLATION';
  const toggleNeed = (n: NeedKind) => setNeeds((c) => (c.includes(n) ? c.filter((x) => x !== n) : [...c, n]));

  const record = (temperature: number) =>
    onRecord({
      mode,
      temperature,
      symptoms,
      sealIntact: homeIsolation ? seal : undefined,
      needs: needs.length ? needs.map((kind) => ({ kind })) : undefined,
    });

  return (
    <div className="gg-visit-entry" data-testid="visit-entry">
      <Button icon={<ArrowLeftOutlined />} size="large" onClick={onBack}>
        {t('quarantineVisits.entry.back')}
      </Button>
      <Card size="small">
        <Typography.Title level={3} className="gg-visit-name">
          {row.name}
        </Typography.Title>
        <Space wrap size={4}>
          <Tag color="red">{t(`quarantineVisits.kinds.${row.kind as 'HOME_ISOLATION'}`, { defaultValue: row.kind })}</Tag>
          <Typography.Text type="secondary">{row.orderNumber}</Typography.Text>
        </Space>
        <div className="gg-visit-sub">{row.address}</div>
        <div className="gg-visit-sub">
          {t(`quarantineVisits.windows.${row.window ?? 'MORNING'}`)} {timeInZone(row.windowStart)}–{timeInZone(row.windowEnd)}
        </div>
      </Card>

      <Segmented<VisitMode>
        block
        size="large"
        aria-label={t('quarantineVisits.entry.mode')}
        value={mode}
        onChange={setMode}
        options={[
          { value: 'DOOR', label: t('quarantineVisits.modes.DOOR') },
          { value: 'PHONE', label: t('quarantineVisits.modes.PHONE') },
        ]}
      />

      <section aria-label={t('quarantineVisits.entry.symptoms')}>
        <Typography.Text strong>{t('quarantineVisits.entry.symptoms')}</Typography.Text>
        <div className="gg-chips">
          {SYMPTOMS.map((s) => (
            <Chip key={s} checked={symptoms.includes(s)} onToggle={() => setSymptoms((c) => toggleSymptom(c, s))} label={t(`quarantineVisits.symptoms.${s}`)} />
          ))}
        </div>
      </section>

      {homeIsolation && (
        <section aria-label={t('quarantineVisits.entry.seal')}>
          <Typography.Text strong>{t('quarantineVisits.entry.seal')}</Typography.Text>
          <div>
            <Radio.Group size="large" optionType="button" buttonStyle="solid" value={seal} onChange={(e) => setSeal(e.target.value as boolean)}>
              <Radio.Button value={true}>{t('quarantineVisits.entry.sealIntact')}</Radio.Button>
              <Radio.Button value={false}>{t('quarantineVisits.entry.sealBroken')}</Radio.Button>
            </Radio.Group>
          </div>
        </section>
      )}

      <section aria-label={t('quarantineVisits.entry.needs')}>
        <Typography.Text strong>{t('quarantineVisits.entry.needs')}</Typography.Text>
        <div className="gg-chips">
          {NEED_KINDS.map((n) => (
            <Chip key={n} checked={needs.includes(n)} onToggle={() => toggleNeed(n)} label={t(`quarantineVisits.needs.${n}`)} />
          ))}
        </div>
      </section>

      <Typography.Text type="secondary">{t('quarantineVisits.entry.padHint')}</Typography.Text>
      <TemperaturePad onRecord={record} />
    </div>
  );
}
