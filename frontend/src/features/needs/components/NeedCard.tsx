import { useState } from 'react';
import { Button, Card, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { RECEIVERS, nextSteps, useNeedStep, type Need, type Step } from '../api/needs';
import { kindText, statusText, stepText, urgencyText } from './labels';

/** One need with the taps that move it on: take it, set out, hand it over (who received it), nobody home, cancel. */
export function NeedCard({ need }: { need: Need }) {
  const { t } = useTranslation();
  const step = useNeedStep();
  const [asking, setAsking] = useState<Step | null>(null);
  const what = need.kind === 'MEDICINE' && need.medicineName ? `${need.medicineName} ${need.medicineQuantity ?? ''}` : need.detail;
  const run = (s: Step) => (s === 'assign' || s === 'dispatch' ? step.mutate({ need, step: s }) : setAsking(s));
  return (
    <Card size="small" className={`gg-need gg-need-${need.urgency}`} data-testid="need-card">
      <Space wrap size={4}>
        <Tag className={`gg-need-urgency gg-need-urgency-${need.urgency}`}>{urgencyText(t, need.urgency)}</Tag>
        <Tag>{kindText(t, need.kind)}</Tag>
        <Tag className="gg-need-status">{statusText(t, need.status)}</Tag>
      </Space>
      <Typography.Paragraph className="gg-need-what" strong>
        {need.doorLabel ?? need.orderNumber ?? '—'}
        {need.residentName ? ` · ${need.residentName}` : ''}
      </Typography.Paragraph>
      {what && <Typography.Paragraph className="gg-need-detail">{what}</Typography.Paragraph>}
      <Typography.Text type="secondary">
        {need.cellName} · {new Date(need.createdAt).toLocaleString()}
        {need.assignedTo ? ` · ${t('needs.carrier', { name: need.assignedTo })}` : ''}
        {need.receivedBy ? ` · ${t('needs.receivedBy', { name: need.receivedBy })}` : ''}
      </Typography.Text>
      {step.error && <ProblemAlert error={step.error} />}
      <div className="gg-need-steps">
        {nextSteps(need.status).map((s, i) => (
          <Button key={s} type={i === 0 ? 'primary' : 'default'} danger={s === 'cancel'} loading={step.isPending && step.variables?.step === s} onClick={() => run(s)}>
            {stepText(t, s)}
          </Button>
        ))}
      </div>
      {asking && (
        <AskModal
          step={asking}
          pending={step.isPending}
          onClose={() => setAsking(null)}
          onOk={(answer) => step.mutate(asking === 'deliver' ? { need, step: asking, receivedBy: answer } : { need, step: asking, reason: answer }, { onSuccess: () => setAsking(null) })}
        />
      )}
    </Card>
  );
}

/** Who received it (one tap for 本人 / 家属 / 邻居), or why it goes back or is cancelled. */
function AskModal({ step, pending, onClose, onOk }: { step: Step; pending: boolean; onClose: () => void; onOk: (answer: string) => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState(step === 'deliver' ? RECEIVERS[0] : step === 'reopen' ? t('needs.nobodyHome') : '');
  return (
    <Modal open title={stepText(t, step)} okButtonProps={{ disabled: !answer.trim() }} confirmLoading={pending} onOk={() => onOk(answer.trim())} onCancel={onClose} destroyOnHidden>
      {step === 'deliver' && (
        <Radio.Group optionType="button" value={(RECEIVERS as readonly string[]).includes(answer) ? answer : undefined} onChange={(e) => setAnswer(e.target.value as string)} options={RECEIVERS.map((r) => ({ value: r, label: t(`needs.receivers.${r}`) }))} />
      )}
      <Input aria-label={step === 'deliver' ? t('needs.receivedByLabel') : t('needs.reason')} value={answer} maxLength={step === 'deliver' ? 100 : 500} onChange={(e) => setAnswer(e.target.value)} style={{ marginTop: 8 }} />
    </Modal>
  );
}
