import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import type { ProblemError } from '../../../lib/api/problem';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import { TARGETS, useMoveOrder, useSites, type Order, type TransferTarget } from '../api/quarantine';
import { targetText } from './labels';

export type MoveKind = 'extend' | 'release' | 'transfer';

interface Values {
  endsOn?: Dayjs;
  to?: TransferTarget;
  siteId?: string;
  reason: string;
}

const FIELDS = ['endsOn', 'to', 'siteId', 'reason'] as const;

/** Extend, release or transfer an order, with a reason; sends the version shown (a stale one is refused). */
export function MoveModal({ order, kind, onClose }: { order: Order; kind: MoveKind; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const move = useMoveOrder(order);
  const sites = useSites();
  const to = Form.useWatch('to', form);

  const submit = (v: Values) => {
    setProblem(null);
    const m =
      kind === 'extend'
        ? { kind, endsOn: v.endsOn?.format('YYYY-MM-DD') ?? '', reason: v.reason }
        : kind === 'release'
          ? { kind, reason: v.reason }
          : { kind, to: v.to ?? 'HOME', siteId: v.to === 'SITE' ? v.siteId : undefined, reason: v.reason };
    move.mutate(m, { onSuccess: onClose, onError: (e) => setProblem(showProblemOnForm(form, e, FIELDS)) });
  };

  return (
    <Modal
      open
      title={t(`quarantineDesk.moves.${kind}`)}
      okText={t(`quarantineDesk.moves.${kind}`)}
      onOk={() => form.submit()}
      confirmLoading={move.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ to: order.kind === 'CENTRAL_ISOLATION' ? 'HOME' : 'SITE' }}>
        {kind === 'extend' && (
          <Form.Item name="endsOn" label={t('quarantineDesk.moves.newEnd')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        )}
        {kind === 'transfer' && (
          <>
            <Form.Item name="to" label={t('quarantineDesk.moves.to')} rules={[{ required: true }]}>
              <Select<TransferTarget> options={TARGETS.map((x) => ({ value: x, label: targetText(t, x) }))} />
            </Form.Item>
            {to === 'SITE' && (
              <Form.Item name="siteId" label={t('quarantineDesk.order.site')} rules={[{ required: true }]}>
                <Select options={sites.items.filter((s) => s.id !== order.siteId).map((s) => ({ value: s.id, label: `${s.name ?? ''} (${s.freeBeds ?? 0})` }))} />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item name="reason" label={t('quarantineDesk.moves.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        {problem && <ProblemAlert error={problem} />}
      </Form>
    </Modal>
  );
}
