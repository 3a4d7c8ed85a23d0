import { useState } from 'react';
import { Button, DatePicker, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import type { ProblemError } from '../../../lib/api/problem';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import { householdStatusLabel, verificationMethodLabel } from '../../../lib/i18n/labels';
import { HOUSEHOLD_STATUSES, useRecordVerification, type HouseholdStatus, type NewVerification } from '../api/households';

interface FormValues {
  verifiedOn: Dayjs;
  method: NewVerification['method'];
  findings?: string;
  householdStatus?: HouseholdStatus;
}

const FIELDS = ['verifiedOn', 'method', 'findings', 'householdStatus'] as const satisfies readonly (keyof FormValues)[];

const METHODS = ['VISIT', 'PHONE', 'NOTICE'] as const satisfies readonly NewVerification['method'][];

/**
 * Records one verification round (摸排核查) of a household: when, by phone or visit, and what was found; or a notice
 * left (留言告知) when nobody was reached, which verifies nothing and so never sets the household's status.
 */
export function VerificationForm({ householdId, onDone }: { householdId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const record = useRecordVerification(householdId);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [saved, setSaved] = useState(false);
  const notice = Form.useWatch('method', form) === 'NOTICE';

  async function submit(v: FormValues) {
    setProblem(null);
    setSaved(false);
    try {
      await record.mutateAsync({
        verifiedOn: v.verifiedOn.format('YYYY-MM-DD'),
        method: v.method,
        findings: v.findings?.trim() || undefined,
        householdStatus: v.method === 'NOTICE' ? undefined : v.householdStatus,
      });
      form.resetFields();
      setSaved(true);
      onDone?.();
    } catch (e) {
      setProblem(showProblemOnForm(form, e, FIELDS));
    }
  }

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      size="large"
      initialValues={{ verifiedOn: dayjs(), method: 'VISIT' }}
      onFinish={(v) => void submit(v)}
      onValuesChange={() => setSaved(false)}
    >
      <Form.Item name="verifiedOn" label={t('verifications.verifiedOn')} rules={[{ required: true, message: t('verifications.validation.dateRequired') }]}>
        <DatePicker className="gg-full" inputReadOnly disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item name="method" label={t('verifications.method')} rules={[{ required: true }]} extra={notice ? t('verifications.noticeHint') : undefined}>
        <Radio.Group optionType="button" buttonStyle="solid" options={METHODS.map((m) => ({ value: m, label: verificationMethodLabel(t, m) }))} />
      </Form.Item>
      <Form.Item name="findings" label={t('verifications.findings')} rules={[{ max: 2000, message: t('households.validation.tooLong', { max: 2000 }) }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {!notice && (
        <Form.Item name="householdStatus" label={t('verifications.householdStatus')}>
          <Select allowClear placeholder={t('verifications.keepStatus')} options={HOUSEHOLD_STATUSES.map((s) => ({ value: s, label: householdStatusLabel(t, s) }))} />
        </Form.Item>
      )}
      {problem && (
        <div className="gg-section">
          <ProblemAlert error={problem} />
        </div>
      )}
      {saved && (
        <p role="status" className="gg-ok">
          {t('verifications.saved')}
        </p>
      )}
      <Button type="primary" htmlType="submit" block loading={record.isPending}>
        {t('verifications.submit')}
      </Button>
    </Form>
  );
}
