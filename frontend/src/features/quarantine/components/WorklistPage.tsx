import { useState } from 'react';
import { Button, Form, Input, List, Modal, Radio, Segmented, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import type { ProblemError } from '../../../lib/api/problem';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import { useResolveWorklist, useWorklist, WORKLIST_STATUSES, type OrderKind, type OrderReason, type WorklistItem, type WorklistStatus } from '../api/quarantine';
import { kindText, reasonText, worklistStatusText } from './labels';
import { QuarantineTabs } from './QuarantineTabs';
import { ResidentPicker } from './ResidentPicker';

const address = (i: WorklistItem) => [i.compound, i.building, i.door].filter(Boolean).join(' ');

/** 以房找人: people of the bureau's lists the census did not find, to resolve one by one. */
export function WorklistPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<WorklistStatus>('OPEN');
  const [resolving, setResolving] = useState<WorklistItem | null>(null);
  const list = useWorklist(status);
  return (
    <section className="gg-page gg-quarantine" aria-labelledby="wl-title">
      <Typography.Title level={2} id="wl-title">
        {t('quarantineDesk.title')}
      </Typography.Title>
      <QuarantineTabs />
      <Segmented<WorklistStatus> value={status} onChange={setStatus} options={WORKLIST_STATUSES.map((s) => ({ value: s, label: worklistStatusText(t, s) }))} />
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      <List<WorklistItem>
        loading={list.isPending}
        dataSource={list.items}
        locale={{ emptyText: t('quarantineDesk.worklist.empty') }}
        renderItem={(i) => (
          <List.Item
            key={i.id}
            actions={
              i.status === 'OPEN'
                ? [
                    <Button key="resolve" type="primary" onClick={() => setResolving(i)}>
                      {t('quarantineDesk.worklist.resolve')}
                    </Button>,
                  ]
                : i.orderId
                  ? [
                      <Link key="order" to={`/quarantines/${i.orderId}`}>
                        {t('quarantineDesk.worklist.order')}
                      </Link>,
                    ]
                  : []
            }
          >
            <List.Item.Meta
              title={
                <span>
                  {i.name} {i.docMasked ?? ''} {i.phoneMasked ?? ''}
                </span>
              }
              description={
                <span>
                  {address(i) || '—'} · {i.kind ? kindText(t, i.kind as OrderKind) : ''} · {i.reason ? reasonText(t, i.reason as OrderReason) : ''} · {i.startsOn} – {i.endsOn}
                  {i.listReference ? <Tag className="gg-q-tag">{i.listReference}</Tag> : null}
                  {i.note ? ` · ${i.note}` : ''}
                </span>
              }
            />
          </List.Item>
        )}
      />
      <LoadMoreButton pages={list} />
      {resolving && <ResolveModal item={resolving} onClose={() => setResolving(null)} />}
    </section>
  );
}

interface Values {
  status: Exclude<WorklistStatus, 'OPEN'>;
  residentId?: string;
  note?: string;
}

function ResolveModal({ item, onClose }: { item: WorklistItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const resolve = useResolveWorklist();
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const status = Form.useWatch('status', form);
  const submit = (v: Values) => {
    setProblem(null);
    resolve.mutate(
      { itemId: item.id ?? '', status: v.status, residentId: v.status === 'FOUND' ? v.residentId : undefined, note: v.note || undefined },
      { onSuccess: onClose, onError: (e) => setProblem(showProblemOnForm(form, e, ['status', 'residentId', 'note'])) },
    );
  };
  return (
    <Modal open title={`${t('quarantineDesk.worklist.resolve')} · ${item.name ?? ''}`} onOk={() => form.submit()} confirmLoading={resolve.isPending} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ status: 'FOUND' }}>
        <Form.Item name="status" label={t('quarantineDesk.worklist.outcome')}>
          <Radio.Group optionType="button" options={(['FOUND', 'NOT_FOUND', 'MOVED_AWAY'] as const).map((s) => ({ value: s, label: worklistStatusText(t, s) }))} />
        </Form.Item>
        {status === 'FOUND' ? (
          <Form.Item name="residentId" label={t('quarantineDesk.create.resident')} rules={[{ required: true, message: t('quarantineDesk.create.pickResident') }]}>
            <ResidentPicker />
          </Form.Item>
        ) : (
          <Form.Item name="note" label={t('quarantineDesk.worklist.note')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        )}
        {problem && <ProblemAlert error={problem} />}
      </Form>
    </Modal>
  );
}
