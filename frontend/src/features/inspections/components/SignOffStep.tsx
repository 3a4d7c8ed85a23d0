import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { base64Of, decodedSize, SIGNATURE_LIMIT, type SignOff } from '../model';
import { SignatureField } from './SignatureField';

interface Values {
  name: string;
  phone: string;
  responsibleUser?: string;
}

/**
 * The responsible person on the spot signs the inspection off: name, phone and a drawn signature
 * (all three required); the account of the person who confirms it later in the app is optional.
 */
export function SignOffStep({ onSign, onBack, busy }: { onSign: (signOff: SignOff) => void; onBack: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const [signature, setSignature] = useState<string>();
  const [tried, setTried] = useState(false);
  const tooBig = !!signature && decodedSize(base64Of(signature)) > SIGNATURE_LIMIT;
  const finish = (v: Values) => {
    setTried(true);
    if (!signature || tooBig) return;
    onSign({ name: v.name, phone: v.phone, responsibleUser: v.responsibleUser, signature });
  };
  return (
    <section className="gg-insp-step" data-testid="signoff-step">
      <Typography.Title level={3}>{t('inspections.signOff.title')}</Typography.Title>
      <Form<Values> layout="vertical" onFinish={finish} onFinishFailed={() => setTried(true)} requiredMark>
        <Form.Item name="name" label={t('inspections.signOff.name')} rules={[{ required: true, whitespace: true, message: t('inspections.signOff.nameRequired') }]}>
          <Input size="large" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('inspections.signOff.phone')}
          rules={[
            { required: true, message: t('inspections.signOff.phoneRequired') },
            { pattern: /^[0-9+\- ]{5,20}$/, message: t('inspections.signOff.phoneInvalid') },
          ]}
        >
          <Input size="large" inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('inspections.signOff.signature')} required>
          <SignatureField onChange={setSignature} />
        </Form.Item>
        {tried && !signature && <Alert type="error" showIcon title={t('inspections.signOff.signatureRequired')} />}
        {tooBig && <Alert type="error" showIcon title={t('inspections.signOff.signatureTooBig')} />}
        <Form.Item name="responsibleUser" label={t('inspections.signOff.responsibleUser')} extra={t('inspections.signOff.responsibleUserHelp')}>
          <Input autoComplete="off" />
        </Form.Item>
        <div className="gg-insp-actions">
          <Button size="large" onClick={onBack}>
            {t('inspections.back')}
          </Button>
          <Button type="primary" size="large" htmlType="submit" loading={busy}>
            {t('inspections.signOff.submit')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
