import { useState } from 'react';
import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import type { ProblemError } from '../../../lib/api/problem';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import { newIdempotencyKey, useCreatePlan, type Uncovered } from '../api/care';
import { addressOf } from '../careRules';

interface Values {
  responsible: string;
  visitEveryDays: number;
  deliveryEveryDays: number;
  note?: string;
}

/** Starts a plan for a resident without one: who is responsible, and the cadences (daily visits, weekly deliveries). */
export function CreatePlanModal({ resident, onClose }: { resident: Uncovered; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newIdempotencyKey);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const create = useCreatePlan();
  const submit = (v: Values) => {
    setProblem(null);
    create.mutate(
      { body: { residentId: resident.residentId, ...v, note: v.note?.trim() || undefined }, key },
      { onSuccess: onClose, onError: (e) => setProblem(showProblemOnForm(form, e, ['responsible', 'visitEveryDays', 'deliveryEveryDays', 'note'])) },
    );
  };
  return (
    <Modal open title={t('care.create.title', { name: resident.name })} okText={t('care.create.ok')} confirmLoading={create.isPending} onOk={() => form.submit()} onCancel={onClose}>
      <p>{addressOf(resident)}</p>
      <Form<Values> form={form} layout="vertical" initialValues={{ visitEveryDays: 1, deliveryEveryDays: 7 }} onFinish={submit}>
        <Form.Item name="responsible" label={t('care.create.responsible')} extra={t('care.create.responsibleHelp')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="visitEveryDays" label={t('care.create.visitEvery')} rules={[{ required: true }]}>
          <InputNumber min={1} max={90} precision={0} />
        </Form.Item>
        <Form.Item name="deliveryEveryDays" label={t('care.create.deliveryEvery')} rules={[{ required: true }]}>
          <InputNumber min={1} max={90} precision={0} />
        </Form.Item>
        <Form.Item name="note" label={t('care.create.note')}>
          <Input.TextArea maxLength={1000} autoSize />
        </Form.Item>
      </Form>
      {problem && <ProblemAlert error={problem} />}
    </Modal>
  );
}
