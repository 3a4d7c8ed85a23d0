import { useRef, useState } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import type { ProblemError } from '../../../lib/api/problem';
import { useSubmitReport } from '../api/reports';
import type { DailyReport } from '../api/types';

interface Values {
  highlights: string;
  problems?: string;
  requests?: string;
  reason?: string;
}

const FIELDS = ['highlights', 'problems', 'requests', 'reason'] as const;
const MAX = 2000;

/**
 * 报送: the narrative sent upward with the day's figures, which the server freezes. A correction (a submission
 * exists) needs its reason. One Idempotency-Key per attempt: a click retried after a lost answer makes one version.
 */
export function SubmitForm({ report, onSubmitted }: { report: DailyReport; onSubmitted: (submitted: DailyReport) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useSubmitReport();
  const key = useRef(crypto.randomUUID());
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const correcting = report.submission != null;
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);

  const send = async (v: Values) => {
    setProblem(null);
    try {
      const body = { areaId: report.areaId, date: report.date, highlights: v.highlights.trim(), problems: text(v.problems), requests: text(v.requests), reason: correcting ? text(v.reason) : null };
      const submitted = await submit.mutateAsync({ body, key: key.current });
      key.current = crypto.randomUUID();
      form.resetFields();
      message.success(t('reports.submit.done', { version: submitted.version ?? '' }));
      onSubmitted(submitted);
    } catch (e) {
      setProblem(showProblemOnForm(form, e, FIELDS));
    }
  };

  const area = (name: keyof Values, required = false) => (
    <Form.Item
      name={name}
      label={t(`reports.submit.${name}`)}
      rules={[{ required, whitespace: required, message: t('reports.submit.required', { field: t(`reports.submit.${name}`) }) }, { max: MAX }]}
    >
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={MAX} showCount />
    </Form.Item>
  );

  return (
    <Card size="small" title={t(correcting ? 'reports.submit.correctTitle' : 'reports.submit.title')} data-testid="submit-form">
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)}>
        {area('highlights', true)}
        {area('problems')}
        {area('requests')}
        {correcting && area('reason', true)}
        {problem && <ProblemAlert error={problem} />}
        <Button type="primary" size="large" htmlType="submit" loading={submit.isPending}>
          {t(correcting ? 'reports.submit.correct' : 'reports.submit.send')}
        </Button>
      </Form>
    </Card>
  );
}
