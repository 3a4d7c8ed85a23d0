import { useMemo, useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Result, Spin } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../../../components/LanguageSwitcher';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { publicClient, useNoticeCheck } from '../api/quarantine';
import '../quarantine.css';

/**
 * The public check of a release notice (no login): the notice's QR code opens it with
 * ?number&code; anyone may also type them. Answers genuine or not, with the community and dates.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const number = params.get('number')?.trim() ?? '';
  const code = params.get('code')?.trim() ?? '';
  const client = useMemo(() => publicClient(), []);
  const check = useNoticeCheck(number, code, client);
  const [form] = Form.useForm<{ number: string; code: string }>();
  const [typed] = useState({ number, code });
  const v = check.data;

  return (
    <main className="gg-verify" aria-labelledby="verify-title">
      <Card
        title={<h1 id="verify-title">{t('quarantineDesk.verify.title')}</h1>}
        extra={<LanguageSwitcher />}
      >
        <Form form={form} layout="vertical" initialValues={typed} onFinish={(x) => setParams({ number: x.number.trim(), code: x.code.trim() })}>
          <Form.Item name="number" label={t('quarantineDesk.verify.number')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
          <Form.Item name="code" label={t('quarantineDesk.verify.code')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('quarantineDesk.verify.check')}
          </Button>
        </Form>
        {check.isFetching && <Spin />}
        {check.error && <ProblemAlert error={check.error} />}
        {v && !check.isFetching && (
          <Result
            status={v.genuine ? 'success' : 'error'}
            title={v.genuine ? t('quarantineDesk.verify.genuine') : t('quarantineDesk.verify.notGenuine')}
            subTitle={v.genuine ? undefined : t('quarantineDesk.verify.notGenuineHint')}
            extra={
              v.genuine ? (
                <Descriptions
                  column={1}
                  items={[
                    { key: 'number', label: t('quarantineDesk.verify.number'), children: number },
                    { key: 'community', label: t('quarantineDesk.verify.community'), children: v.communityName ?? '—' },
                    { key: 'start', label: t('quarantineDesk.order.startsOn'), children: v.startsOn ?? '—' },
                    { key: 'released', label: t('quarantineDesk.verify.releasedOn'), children: v.releasedOn ?? '—' },
                  ]}
                />
              ) : undefined
            }
          />
        )}
      </Card>
    </main>
  );
}
