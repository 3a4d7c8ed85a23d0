import { useMemo, useRef, useState } from 'react';
import { DatePicker, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAreaTree } from '../../../lib/api/areaTree';
import type { ProblemError } from '../../../lib/api/problem';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import { KINDS, STATUSES, useSaveEnterprise, type Enterprise, type NewEnterprise } from '../api/enterprises';
import { areaOptions } from '../areaOptions';
import { creditCodeProblem, normaliseCreditCode } from '../creditCode';

type Values = Omit<NewEnterprise, 'resumedOn'> & { resumedOn?: Dayjs | null };
const FIELDS = ['name', 'creditCode', 'kind', 'areaId', 'address', 'contactName', 'contactPhone', 'employees', 'resumedOn', 'status'] as const;

/** The form's rule for the credit code: the server's GB 32100 check, run while typing. */
export function creditCodeRule(t: TFunction): Rule {
  return {
    validator: (_, value?: string) => {
      const p = creditCodeProblem(normaliseCreditCode(value ?? ''));
      return p ? Promise.reject(new Error(t(`enterprises.codeProblems.${p.key}`, p))) : Promise.resolve();
    },
  };
}

/** Registers an enterprise or changes one (the version seen is sent: a change meanwhile is a clear 412). */
export function EnterpriseForm({ editing, onClose }: { editing?: Enterprise; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveEnterprise();
  const key = useRef(crypto.randomUUID());
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const tree = useAreaTree();
  const areas = useMemo(() => areaOptions(tree.data ?? []), [tree.data]);
  const initial: Partial<Values> = editing
    ? { ...editing, contactPhone: undefined, resumedOn: editing.resumedOn ? dayjs(editing.resumedOn) : null }
    : { kind: 'SHOP', status: 'PENDING', employees: 0 };
  const submit = (v: Values) => {
    setProblem(null);
    const body = { ...v, creditCode: normaliseCreditCode(v.creditCode), resumedOn: v.resumedOn?.format('YYYY-MM-DD') };
    save.mutate({ body, key: key.current, editing }, { onSuccess: onClose, onError: (e) => setProblem(showProblemOnForm(form, e, [...FIELDS])) });
  };
  return (
    <Modal open title={t(editing ? 'enterprises.edit' : 'enterprises.register')} onOk={() => form.submit()} confirmLoading={save.isPending} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Form.Item name="name" label={t('enterprises.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="creditCode" label={t('enterprises.creditCode')} validateFirst rules={[{ required: true }, creditCodeRule(t)]} validateTrigger="onChange">
          <Input maxLength={40} placeholder="91440300708461136T" />
        </Form.Item>
        <Form.Item name="kind" label={t('enterprises.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`enterprises.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="areaId" label={t('enterprises.area')} rules={[{ required: true }]}>
          <TreeSelect treeData={areas} showSearch={{ treeNodeFilterProp: 'title' }} loading={tree.isPending} placeholder={t('enterprises.areaPlaceholder')} />
        </Form.Item>
        <Form.Item name="address" label={t('enterprises.address')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contactName" label={t('enterprises.contactName')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('enterprises.contactPhone')} extra={editing?.contactPhoneMasked ? t('enterprises.phoneKept', { masked: editing.contactPhoneMasked }) : undefined} rules={[{ max: 40 }]}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="employees" label={t('enterprises.employees')} rules={[{ type: 'integer', min: 0 }]}>
          <InputNumber min={0} precision={0} />
        </Form.Item>
        <Form.Item name="status" label={t('enterprises.status')}>
          <Select options={STATUSES.map((s) => ({ value: s, label: t(`enterprises.statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item
          name="resumedOn"
          label={t('enterprises.resumedOn')}
          dependencies={['status']}
          rules={[({ getFieldValue }) => ({ required: getFieldValue('status') === 'RESUMED', message: t('enterprises.resumedOnRequired') })]}
        >
          <DatePicker />
        </Form.Item>
        {problem && <ProblemAlert error={problem} />}
      </Form>
    </Modal>
  );
}
