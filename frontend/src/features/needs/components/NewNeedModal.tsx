import { useRef, useState } from 'react';
import { Form, Input, Modal, Radio, Select, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useApiClient } from '../../../lib/api/ApiProvider';
import type { ProblemError } from '../../../lib/api/problem';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import { KINDS, URGENCIES, useCreateNeed, type NewNeed } from '../api/needs';
import { kindText, urgencyText } from './labels';

type Values = Pick<NewNeed, 'kind' | 'urgency' | 'source' | 'detail' | 'medicineName' | 'medicineQuantity'>;
const SOURCES = ['PHONE_CALL', 'WORKER_VISIT'] as const;

/** Registers a household's need (a phone call, a visit); a medicine need may carry a photo of the prescription. */
export function NewNeedModal({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateNeed();
  const client = useApiClient();
  const key = useRef(crypto.randomUUID());
  const [photo, setPhoto] = useState<UploadFile[]>([]);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const kind = Form.useWatch('kind', form);
  const submit = (v: Values) => {
    setProblem(null);
    create.mutate(
      { body: { ...v, householdId }, key: key.current },
      {
        onSuccess: (need) => {
          const file = photo[0]?.originFileObj;
          if (!file || need.kind !== 'MEDICINE') {
            onClose();
            return;
          }
          void client
            .PUT('/api/v1/needs/{id}/prescription', {
              params: { path: { id: need.id } },
              body: file as unknown as string,
              bodySerializer: (b: unknown) => b as Blob,
              headers: { 'Content-Type': file.type || 'image/jpeg' },
            })
            .finally(onClose);
        },
        onError: (e) => setProblem(showProblemOnForm(form, e, ['kind', 'urgency', 'source', 'detail', 'medicineName', 'medicineQuantity'])),
      },
    );
  };
  return (
    <Modal open title={t('needs.register')} onOk={() => form.submit()} confirmLoading={create.isPending} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'FOOD', urgency: 'TODAY', source: 'PHONE_CALL' }}>
        <Form.Item name="kind" label={t('needs.kind')}>
          <Select options={KINDS.map((k) => ({ value: k, label: kindText(t, k) }))} />
        </Form.Item>
        <Form.Item name="urgency" label={t('needs.urgency')}>
          <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: urgencyText(t, u) }))} />
        </Form.Item>
        <Form.Item name="source" label={t('needs.source')}>
          <Radio.Group optionType="button" options={SOURCES.map((s) => ({ value: s, label: t(`needs.sources.${s}`) }))} />
        </Form.Item>
        {kind === 'MEDICINE' && (
          <>
            <Form.Item name="medicineName" label={t('needs.medicineName')} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="medicineQuantity" label={t('needs.medicineQuantity')} rules={[{ max: 100 }]}>
              <Input placeholder="2盒" />
            </Form.Item>
            <Form.Item label={t('needs.prescription')}>
              <Upload accept="image/jpeg,image/png,image/webp" capture="environment" maxCount={1} fileList={photo} beforeUpload={() => false} onChange={(i) => setPhoto(i.fileList)} listType="picture">
                <a>{t('needs.addPhoto')}</a>
              </Upload>
            </Form.Item>
          </>
        )}
        <Form.Item name="detail" label={t('needs.detail')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {problem && <ProblemAlert error={problem} />}
      </Form>
    </Modal>
  );
}
