import { useRef, useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import type { ProblemError } from '../../../lib/api/problem';
import { RECEIVERS, useRecordDrop } from '../api/delivery';
import { deliveryBody, halfLine, type CatalogueItem, type DeliveryValues } from '../api/forms';

interface Props {
  runId: string;
  needId: string;
  catalogue: readonly CatalogueItem[];
  onDone: () => void;
  onCancel: () => void;
}

const FIELDS = ['items', 'note'] as const;

/**
 * A delivery at one door: who received it (本人 / 家属 / 邻居 or typed), the items handed over from the
 * run's storage place, a note. One Idempotency-Key per form: pressing again after a lost answer
 * replays the first result, so the stock is issued once.
 */
export function DropForm({ runId, needId, catalogue, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeliveryValues>();
  const record = useRecordDrop(runId);
  const key = useRef(crypto.randomUUID());
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const receiver = Form.useWatch('receiver', form);
  const [half, setHalf] = useState<'itemId' | 'quantity' | null>(null);

  const submit = async (v: DeliveryValues) => {
    setProblem(null);
    const half = halfLine(v);
    if (half) {
      form.setFields([{ name: ['items', half.index, half.missing], errors: [t(half.missing === 'itemId' ? 'delivery.pickItem' : 'delivery.enterQuantity')] }]);
      setHalf(half.missing);
      return;
    }
    setHalf(null);
    try {
      await record.mutateAsync({ body: deliveryBody(needId, v), key: key.current });
      onDone();
    } catch (e) {
      setProblem(showProblemOnForm(form, e, FIELDS));
    }
  };

  return (
    <Form form={form} layout="vertical" className="gg-drop-form" initialValues={{ receiver: '本人', items: [{}] }} onFinish={(v) => void submit(v)}>
      <Form.Item name="receiver" label={t('delivery.receivedBy')}>
        <Radio.Group optionType="button" buttonStyle="solid" className="gg-delivery-chips">
          {[...RECEIVERS, 'other' as const].map((r) => (
            <Radio.Button key={r} value={r}>
              {t(`delivery.receivers.${r}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {receiver === 'other' && (
        <Form.Item name="receiverOther" label={t('delivery.receiverOther')} rules={[{ required: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
      )}
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <Form.Item label={t('delivery.items')}>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" className="gg-drop-line">
                <Form.Item name={[f.name, 'itemId']} noStyle>
                  <Select
                    aria-label={t('delivery.item')}
                    className="gg-drop-item"
                    showSearch
                    optionFilterProp="label"
                    options={catalogue.map((i) => ({ value: i.id, label: `${i.name}（${i.unit}）` }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'quantity']} noStyle>
                  <InputNumber aria-label={t('delivery.quantity')} min={0} step={1} inputMode="decimal" />
                </Form.Item>
                <Button type="text" aria-label={t('delivery.cancel')} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})}>
              {t('delivery.addItem')}
            </Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="note" label={t('delivery.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {half && <Alert type="error" showIcon role="alert" message={t(half === 'itemId' ? 'delivery.pickItem' : 'delivery.enterQuantity')} />}
      {problem && <ProblemAlert error={problem} />}
      <Space>
        <Button type="primary" size="large" htmlType="submit" loading={record.isPending}>
          {t('delivery.save')}
        </Button>
        <Button size="large" onClick={onCancel}>
          {t('delivery.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
