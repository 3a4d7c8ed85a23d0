import { useEffect, useState } from 'react';
import { Button, Form, Input, Modal, Space } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { toProblem, type ProblemError } from '../../../lib/api/problem';
import { useUnmask, type PiiField } from '../api/residents';

interface Props {
  residentId: string;
  field: PiiField;
  /** The masked value the server sent (110105********002X, 138****1234). */
  masked: string | undefined;
  /** Whether the caller's role may ask for this field in clear. */
  allowed: boolean;
}

/** How long a clear value stays on screen. */
const SHOW_MS = 60_000;

/**
 * A masked ID number or phone with a "show" action: it asks for a reason, calls the audited
 * unmask, and shows the clear value from component state only (never cached or stored). The
 * value goes when the user hides it, after a minute, or when the screen closes.
 */
export function RevealValue({ residentId, field, masked, allowed }: Props) {
  const { t } = useTranslation();
  const unmask = useUnmask(residentId);
  const [clear, setClear] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const label = field === 'ID_NUMBER' ? t('residents.idNumber') : t('residents.phone');

  useEffect(() => {
    if (clear === null) return undefined;
    const timer = setTimeout(() => setClear(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [clear]);

  async function submit({ reason }: { reason: string }) {
    setBusy(true);
    setProblem(null);
    try {
      setClear(await unmask(field, reason.trim()));
      setOpen(false);
      form.resetFields();
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  }

  if (!masked) return <span className="gg-muted">—</span>;
  return (
    <Space wrap>
      <span className="gg-code gg-pii" data-testid={`pii-${field}`}>
        {clear ?? masked}
      </span>
      {clear !== null ? (
        <Button size="large" icon={<EyeInvisibleOutlined />} onClick={() => setClear(null)} aria-label={t('residents.hideLabel', { field: label })}>
          {t('residents.hide')}
        </Button>
      ) : (
        allowed && (
          <Button size="large" icon={<EyeOutlined />} onClick={() => setOpen(true)} aria-label={t('residents.showLabel', { field: label })}>
            {t('residents.show')}
          </Button>
        )
      )}
      <Modal
        open={open}
        title={t('residents.unmaskTitle', { field: label })}
        okText={t('residents.show')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => {
          setOpen(false);
          setProblem(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <p>{t('residents.unmaskNotice')}</p>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="reason"
            label={t('residents.reason')}
            rules={[
              { required: true, whitespace: true, message: t('residents.validation.reasonRequired') },
              { min: 2, message: t('residents.validation.reasonRequired') },
              { max: 500, message: t('households.validation.tooLong', { max: 500 }) },
            ]}
          >
            <Input.TextArea rows={2} placeholder={t('residents.reasonPlaceholder')} />
          </Form.Item>
        </Form>
        {problem && <ProblemAlert error={problem} />}
      </Modal>
    </Space>
  );
}
