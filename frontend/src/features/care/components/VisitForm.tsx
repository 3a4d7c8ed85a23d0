import { useState } from 'react';
import { Button, Input, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CONDITIONS, MODES, NEED_KINDS, newIdempotencyKey, useRecordVisit, type CarePlan, type Condition, type VisitMode } from '../api/care';
import { toggleNeed, visitBody, type NeedPick } from '../careRules';
import { conditionText, modeText, needKindText } from './labels';

/** A toggle chip: a big button that says whether it is pressed (screen readers too). */
function Chip({ checked, onToggle, label }: { checked: boolean; onToggle: () => void; label: string }) {
  return (
    <Button size="large" shape="round" className="gg-chip" type={checked ? 'primary' : 'default'} aria-pressed={checked} onClick={onToggle}>
      {label}
    </Button>
  );
}

interface Props {
  plan: CarePlan;
  onDone: () => void;
}

/**
 * One care visit in a few taps: phone or door, how the person is (one tap), a note, needs (one tap each). The
 * Idempotency-Key is made once per form, so pressing again after a lost answer never records the visit twice.
 */
export function VisitForm({ plan, onDone }: Props) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<VisitMode>('PHONE');
  const [condition, setCondition] = useState<Condition | null>(null);
  const [note, setNote] = useState('');
  const [needs, setNeeds] = useState<NeedPick[]>([]);
  const [key] = useState(newIdempotencyKey);
  const record = useRecordVisit(plan.id);
  const save = () => {
    if (!condition) return;
    record.mutate({ body: visitBody({ mode, condition, note, needs }), key }, { onSuccess: onDone });
  };
  return (
    <div className="gg-care-form">
      <Typography.Title level={3}>{plan.residentName}</Typography.Title>
      <Typography.Text type="secondary">
        {plan.doorLabel} {plan.phoneMasked ?? ''}
      </Typography.Text>
      <Segmented<VisitMode> block size="large" value={mode} onChange={setMode} options={MODES.map((m) => ({ value: m, label: modeText(t, m) }))} />
      <div role="group" aria-label={t('care.visit.condition')} className="gg-chips">
        {CONDITIONS.map((c) => (
          <Chip key={c} checked={condition === c} onToggle={() => setCondition(c)} label={conditionText(t, c)} />
        ))}
      </div>
      <div role="group" aria-label={t('care.visit.needs')} className="gg-chips">
        {NEED_KINDS.map((k) => (
          <Chip key={k} checked={needs.some((n) => n.kind === k)} onToggle={() => setNeeds((cur) => toggleNeed(cur, k))} label={needKindText(t, k)} />
        ))}
      </div>
      <Input.TextArea aria-label={t('care.visit.note')} placeholder={t('care.visit.note')} value={note} maxLength={2000} autoSize onChange={(e) => setNote(e.target.value)} />
      {record.error && <ProblemAlert error={record.error} />}
      <Button type="primary" size="large" block disabled={!condition} loading={record.isPending} onClick={save}>
        {t('care.visit.save')}
      </Button>
    </div>
  );
}
