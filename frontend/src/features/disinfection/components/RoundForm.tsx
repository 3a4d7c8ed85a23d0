import { useMemo } from 'react';
import { App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfflineQueue } from '../../../lib/offline';
import type { NewRound, QueuedRound, RoundMeta } from '../api/disinfection';
import { loadRemembered, roundProblems, saveRemembered, type RoundField } from '../roundRules';
import { PlacePicker, splitPlace } from './PlacePicker';

export interface RoundPreset {
  place?: string;
  placeName?: string;
  scheduleId?: string;
}

interface Values {
  place?: string;
  areaM2?: number;
  agent?: string;
  concentrationMgL?: number;
  note?: string;
}

const FIELDS: readonly RoundField[] = ['areaM2', 'agent', 'concentrationMgL'];

/**
 * The phone's record form: big inputs, the agent and concentration of the last record already filled in. The round
 * goes through the device's queue with its own Idempotency-Key and the time it was done, so it is recorded once
 * even when the network comes back hours later.
 */
export function RoundForm({ open, preset, queue, onClose }: { open: boolean; preset: RoundPreset; queue: OfflineQueue<QueuedRound, RoundMeta> | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const initial = useMemo(() => ({ place: preset.place, ...loadRemembered() }), [preset.place]);

  const submit = async (v: Values) => {
    const problems = roundProblems(v);
    const bad = FIELDS.filter((f) => problems[f]);
    if (!v.place || bad.length) {
      form.setFields([
        ...(v.place ? [] : [{ name: 'place' as const, errors: [t('disinfection.form.problems.required')] }]),
        ...bad.map((f) => ({ name: f, errors: [t(`disinfection.form.problems.${problems[f]!}`)] })),
      ]);
      return;
    }
    const key = crypto.randomUUID();
    const round: NewRound = {
      ...splitPlace(v.place),
      scheduleId: preset.place === v.place ? preset.scheduleId : undefined,
      doneAt: new Date().toISOString(),
      areaM2: v.areaM2!,
      agent: v.agent!.trim(),
      concentrationMgL: v.concentrationMgL!,
      note: v.note?.trim() || undefined,
    };
    saveRemembered({ agent: round.agent, concentrationMgL: round.concentrationMgL });
    if (!queue) return;
    await queue.enqueue({ key, round }, { placeName: preset.placeName });
    const report = await queue.flush().catch(() => undefined);
    const outcome = report?.results.get(key);
    if (outcome?.status === 'REJECTED') {
      await queue.discard(key);
      const onField = (field = '') => ((FIELDS as readonly string[]).includes(field) ? (field as RoundField) : 'place');
      form.setFields((outcome.errors ?? []).map((e) => ({ name: onField(e.field), errors: [e.message ?? ''] })));
      return;
    }
    void message.success(outcome ? t('disinfection.form.recorded') : t('disinfection.form.queued'));
    form.resetFields();
    onClose();
  };

  return (
    <Modal open={open} title={t('disinfection.form.title')} onCancel={onClose} footer={null} destroyOnHidden className="gg-disinfection-modal">
      <Form<Values> form={form} layout="vertical" size="large" initialValues={initial} onFinish={(v) => void submit(v)} className="gg-disinfection-form">
        <Form.Item name="place" label={t('disinfection.form.place')} required>
          <PlacePicker />
        </Form.Item>
        <Form.Item name="areaM2" label={t('disinfection.form.areaM2')} required>
          <InputNumber inputMode="decimal" min={0} step={10} suffix="m²" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="agent" label={t('disinfection.form.agent')} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="concentrationMgL" label={t('disinfection.form.concentration')} required>
          <InputNumber inputMode="decimal" min={0} step={50} suffix="mg/L" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('disinfection.form.note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large">
          {t('disinfection.form.submit')}
        </Button>
      </Form>
    </Modal>
  );
}
