import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Rule } from 'antd/es/form';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { useCheckpoints } from '../../../lib/api/checkpoints';
import { downloadReceipt, newIdempotencyKey, RECIPIENTS, useRecordMovement, type IssuedTo, type Item, type MovementBodies, type MovementKind, type Place } from '../api/supplies';
import { formatQuantity, quantityProblem, repeatedLine } from '../quantity';

interface Values {
  placeId: string;
  toPlaceId?: string;
  donor?: string;
  supplier?: string;
  reference?: string;
  reason?: string;
  issuedTo?: IssuedTo;
  toPerson?: string;
  toCheckpointId?: string;
  householdId?: string;
  note?: string;
  lines: { itemId?: string; quantity?: number }[];
}

/** The body the API takes for a kind of movement, from the form's values. */
export function movementBody(kind: MovementKind, v: Values): MovementBodies[MovementKind] {
  const lines = v.lines.map((l) => ({ itemId: l.itemId ?? '', quantity: Number(l.quantity) }));
  const note = v.note?.trim() || undefined;
  switch (kind) {
    case 'DONATION_IN':
      return { placeId: v.placeId, donor: v.donor?.trim() ?? '', lines, note };
    case 'PURCHASE_IN':
      return { placeId: v.placeId, supplier: v.supplier?.trim() || undefined, reference: v.reference?.trim() || undefined, lines, note };
    case 'ISSUE_OUT':
      return { placeId: v.placeId, issuedTo: v.issuedTo ?? 'PERSON', toPerson: v.toPerson, toCheckpointId: v.toCheckpointId, householdId: v.householdId, lines, note };
    case 'TRANSFER':
      return { placeId: v.placeId, toPlaceId: v.toPlaceId ?? '', lines, note };
    case 'WRITE_OFF':
      return { placeId: v.placeId, reason: v.reason?.trim() ?? '', lines };
    case 'STOCKTAKE':
      return { placeId: v.placeId, lines, note };
  }
}

/** Records one movement: the place, what the kind needs (donor, recipient, reason …), and item lines. */
export function MovementForm({ kind, places, items }: { kind: MovementKind; places: Place[]; items: Item[] }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const client = useApiClient();
  const record = useRecordMovement(kind);
  // one key per filled-in form: a resend after a lost answer is the same movement
  const [key, setKey] = useState(newIdempotencyKey);
  const issuedTo = Form.useWatch('issuedTo', form) ?? 'PERSON';
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const counting = kind === 'STOCKTAKE';
  const required: Rule[] = [{ required: true, whitespace: true, message: t('supplies.form.required') }];

  const quantityRule = (index: number): Rule => ({
    validator: (_, value) => {
      const itemId = form.getFieldValue(['lines', index, 'itemId']) as string | undefined;
      const problem = quantityProblem(value as number | undefined, byId.get(itemId ?? '')?.unitKind, counting);
      return problem ? Promise.reject(new Error(t(`supplies.quantity.${problem}`))) : Promise.resolve();
    },
  });
  const itemRule = (index: number): Rule => ({
    validator: (_, value) => {
      if (!value) return Promise.reject(new Error(t('supplies.form.required')));
      const ids = (form.getFieldValue('lines') as Values['lines']).map((l) => l?.itemId);
      return repeatedLine(ids) === index ? Promise.reject(new Error(t('supplies.form.repeated'))) : Promise.resolve();
    },
  });

  const submit = (v: Values) =>
    record.mutate(
      { key, body: movementBody(kind, v) },
      {
        onSuccess: (m) => {
          form.resetFields();
          setKey(newIdempotencyKey());
          if (kind === 'DONATION_IN' && m.id) void downloadReceipt(client, m);
        },
      },
    );

  const placeOptions = places.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Form<Values> form={form} layout="vertical" className="gg-supply-form" onFinish={submit} initialValues={{ lines: [{}], issuedTo: 'PERSON' }} aria-label={t(`supplies.kind.${kind}`)}>
      <Form.Item name="placeId" label={kind === 'TRANSFER' ? t('supplies.form.fromPlace') : t('supplies.form.place')} rules={required}>
        <Select options={placeOptions} showSearch optionFilterProp="label" />
      </Form.Item>
      {kind === 'TRANSFER' && (
        <Form.Item name="toPlaceId" label={t('supplies.form.toPlace')} rules={required}>
          <Select options={placeOptions} showSearch optionFilterProp="label" />
        </Form.Item>
      )}
      {kind === 'DONATION_IN' && (
        <Form.Item name="donor" label={t('supplies.form.donor')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
      )}
      {kind === 'PURCHASE_IN' && (
        <Space wrap>
          <Form.Item name="supplier" label={t('supplies.form.supplier')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="reference" label={t('supplies.form.reference')}>
            <Input maxLength={100} />
          </Form.Item>
        </Space>
      )}
      {kind === 'ISSUE_OUT' && <RecipientFields issuedTo={issuedTo} required={required} />}
      {kind === 'WRITE_OFF' && (
        <Form.Item name="reason" label={t('supplies.form.reason')} rules={required}>
          <Input maxLength={500} />
        </Form.Item>
      )}
      <Typography.Text strong>{counting ? t('supplies.form.counted') : t('supplies.form.lines')}</Typography.Text>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, index) => (
              <Space key={f.key} align="baseline" wrap className="gg-supply-line">
                <Form.Item name={[f.name, 'itemId']} rules={[itemRule(index)]}>
                  <Select
                    aria-label={t('supplies.form.item')}
                    placeholder={t('supplies.form.item')}
                    style={{ minWidth: 180 }}
                    showSearch
                    optionFilterProp="label"
                    options={items.map((i) => ({ value: i.id, label: `${i.name} (${i.unit})` }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'quantity']} rules={[quantityRule(index)]}>
                  <InputNumber aria-label={t('supplies.form.quantity')} placeholder={t('supplies.form.quantity')} stringMode />
                </Form.Item>
                {fields.length > 1 && <MinusCircleOutlined aria-label={t('supplies.form.removeLine')} onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({})} icon={<PlusOutlined />}>
              {t('supplies.form.addLine')}
            </Button>
          </>
        )}
      </Form.List>
      {kind !== 'WRITE_OFF' && (
        <Form.Item name="note" label={t('supplies.form.note')}>
          <Input.TextArea maxLength={1000} rows={2} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {t(`supplies.submit.${kind}`)}
      </Button>
      {record.data && !record.isPending && (
        <Typography.Paragraph type="success" role="status">
          {t('supplies.form.done', { lines: record.data.lines?.map((l) => `${l.itemName} ${formatQuantity(l.delta, l.unit)}`).join('，') })}
          {record.data.receiptNumber ? ` · ${record.data.receiptNumber}` : ''}
        </Typography.Paragraph>
      )}
      {record.error && <ProblemAlert error={record.error} />}
    </Form>
  );
}

function RecipientFields({ issuedTo, required }: { issuedTo: IssuedTo; required: Rule[] }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Form.Item name="issuedTo" label={t('supplies.form.issuedTo')}>
        <Select style={{ minWidth: 120 }} options={RECIPIENTS.map((r) => ({ value: r, label: t(`supplies.recipient.${r}`) }))} />
      </Form.Item>
      {issuedTo === 'PERSON' && (
        <Form.Item name="toPerson" label={t('supplies.recipient.PERSON')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
      )}
      {issuedTo === 'CHECKPOINT' && (
        <Form.Item name="toCheckpointId" label={t('supplies.recipient.CHECKPOINT')} rules={required}>
          <CheckpointSelect />
        </Form.Item>
      )}
      {issuedTo === 'HOUSEHOLD' && (
        <Form.Item name="householdId" label={t('supplies.form.householdId')} rules={required}>
          <Input />
        </Form.Item>
      )}
    </Space>
  );
}

function CheckpointSelect(props: { value?: string; onChange?: (v: string) => void }) {
  const checkpoints = useCheckpoints('visible');
  const options = (checkpoints.data ?? []).map((c) => ({ value: c.id, label: c.name }));
  return <Select {...props} style={{ minWidth: 180 }} options={options} showSearch optionFilterProp="label" />;
}
