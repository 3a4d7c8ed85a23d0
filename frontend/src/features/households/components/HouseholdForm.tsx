import { useMemo, useState } from 'react';
import { Button, Flex, Form, Input, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAreaTree } from '../../../lib/api/areaTree';
import type { ProblemError } from '../../../lib/api/problem';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import { householdStatusLabel } from '../../../lib/i18n/labels';
import { HOUSEHOLD_STATUSES, useCreateHousehold, useUpdateHousehold, type Household, type HouseholdStatus } from '../api/households';
import { areaOptions } from './areaOptions';

interface FormValues {
  areaId: string;
  doorNumber: string;
  contactName?: string;
  notes?: string;
  status?: HouseholdStatus;
}

const FIELDS = ['areaId', 'doorNumber', 'contactName', 'notes', 'status'] as const satisfies readonly (keyof FormValues)[];

const blankToUndefined = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

interface Props {
  /** The household being edited; absent for a new one. */
  household?: Household;
  /** Where a new household goes when the form opens (a grid cell, compound or building). */
  defaultAreaId?: string;
  onDone: (id: string) => void;
  onCancel: () => void;
  /** Refetches the household after someone else changed it (412). */
  onReload?: () => void;
}

/**
 * Registers or edits a household. The server's validation errors land on their fields; an
 * edit sends the version it started from, and a concurrent change (412) asks to reload.
 */
export function HouseholdForm({ household, defaultAreaId, onDone, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const tree = useAreaTree();
  const create = useCreateHousehold();
  const update = useUpdateHousehold(household?.id ?? '');
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const options = useMemo(() => (tree.data ? areaOptions(tree.data, t, true) : []), [tree.data, t]);
  const editing = household !== undefined;

  async function submit(v: FormValues) {
    setProblem(null);
    const body = {
      areaId: v.areaId,
      doorNumber: v.doorNumber.trim(),
      contactName: blankToUndefined(v.contactName),
      notes: blankToUndefined(v.notes),
      status: v.status,
    };
    try {
      if (editing) {
        const saved = await update.mutateAsync({ ...body, version: household.version ?? 0 });
        onDone(saved.id ?? household.id ?? '');
      } else {
        onDone(await create.mutateAsync(body));
      }
    } catch (e) {
      setProblem(showProblemOnForm(form, e, FIELDS));
    }
  }

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      size="large"
      requiredMark
      initialValues={{
        areaId: household?.areaId ?? defaultAreaId,
        doorNumber: household?.doorNumber ?? '',
        contactName: household?.contactName ?? '',
        notes: household?.notes ?? '',
        status: household?.status ?? 'OCCUPIED',
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="areaId" label={t('households.area')} rules={[{ required: true, message: t('households.validation.areaRequired') }]}>
        <TreeSelect
          treeData={options}
          loading={tree.isPending}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll={false}
          placeholder={t('households.areaPlaceholder')}
        />
      </Form.Item>
      <Form.Item
        name="doorNumber"
        label={t('households.doorNumber')}
        rules={[
          { required: true, whitespace: true, message: t('households.validation.doorRequired') },
          { max: 50, message: t('households.validation.doorTooLong') },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="contactName" label={t('households.contactName')} rules={[{ max: 100, message: t('households.validation.tooLong', { max: 100 }) }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="status" label={t('households.status')}>
        <Select options={HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: householdStatusLabel(t, s) }))} />
      </Form.Item>
      <Form.Item name="notes" label={t('households.notes')} rules={[{ max: 2000, message: t('households.validation.tooLong', { max: 2000 }) }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {problem && (
        <div className="gg-section">
          <ProblemAlert error={problem} onRetry={problem.status === 412 && onReload ? onReload : undefined} retryLabel={t('common.reload')} />
        </div>
      )}
      <Flex gap="small" justify="end" className="gg-section">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
