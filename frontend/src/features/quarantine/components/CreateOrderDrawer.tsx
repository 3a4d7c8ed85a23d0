import { useState } from 'react';
import { Button, DatePicker, Drawer, Form, Input, Radio, Select, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { mapAreaTree, useAreaTree } from '../../../lib/api/areaTree';
import type { ProblemError } from '../../../lib/api/problem';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import { docTypeLabel } from '../../../lib/i18n/labels';
import { KINDS, REASONS, newIdempotencyKey, useCreateOrder, useSites, type DocType, type NewOrder, type OrderKind, type OrderReason } from '../api/quarantine';
import { kindText, reasonText } from './labels';
import { ResidentPicker } from './ResidentPicker';

interface Values {
  who: 'resident' | 'other';
  residentId?: string;
  name?: string;
  documentType?: DocType;
  documentNumber?: string;
  phone?: string;
  address?: string;
  areaId?: string;
  kind: OrderKind;
  reason: OrderReason;
  reasonPlace?: string;
  sourceCaseRef?: string;
  startsOn: Dayjs;
  endsOn?: Dayjs;
  siteId?: string;
  note?: string;
}

const FIELDS = ['residentId', 'name', 'documentType', 'documentNumber', 'phone', 'address', 'areaId', 'kind', 'reason', 'reasonPlace', 'sourceCaseRef', 'startsOn', 'endsOn', 'siteId', 'note'] as const;

interface CellItem {
  value: string;
  title: string;
  selectable: boolean;
  children: CellItem[];
}

const date = (d: Dayjs | undefined) => d?.format('YYYY-MM-DD');

/** Puts a resident (found with the census search) or a non-resident under an order. */
export function CreateOrderDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [key] = useState(newIdempotencyKey);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const create = useCreateOrder();
  const who = Form.useWatch('who', form);
  const kind = Form.useWatch('kind', form);
  const reason = Form.useWatch('reason', form);
  const tree = useAreaTree();
  const cells = mapAreaTree<CellItem>(tree.data ?? [], (n, children) => ({
    value: n.id,
    title: n.name ?? n.code ?? '',
    selectable: n.kind === 'GRID_CELL' && n.context !== true,
    children,
  }));
  const sites = useSites();

  const submit = (v: Values) => {
    setProblem(null);
    const body: NewOrder = {
      kind: v.kind,
      reason: v.reason,
      reasonPlace: v.reasonPlace || undefined,
      sourceCaseRef: v.sourceCaseRef || undefined,
      startsOn: date(v.startsOn) ?? '',
      endsOn: date(v.endsOn),
      siteId: v.kind === 'CENTRAL_ISOLATION' ? v.siteId : undefined,
      note: v.note || undefined,
      ...(v.who === 'resident'
        ? { residentId: v.residentId }
        : {
            person: {
              name: v.name ?? '',
              documentType: v.documentType ?? 'MAINLAND_ID',
              documentNumber: v.documentNumber ?? '',
              phone: v.phone || undefined,
              address: v.address || undefined,
              areaId: v.areaId ?? '',
            },
          }),
    };
    create.mutate(
      { body, key },
      {
        onSuccess: (o) => void navigate(`/quarantines/${o.id}`),
        onError: (e) => setProblem(showProblemOnForm(form, e, FIELDS)),
      },
    );
  };

  return (
    <Drawer open onClose={onClose} title={t('quarantineDesk.create.title')} size="large" destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ who: 'resident', kind: 'HOME_ISOLATION', reason: 'CLOSE_CONTACT', startsOn: dayjs(), documentType: 'MAINLAND_ID' }}
      >
        <Form.Item name="who" label={t('quarantineDesk.create.who')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'resident', label: t('quarantineDesk.create.resident') },
              { value: 'other', label: t('quarantineDesk.create.nonResident') },
            ]}
          />
        </Form.Item>
        {who === 'other' ? (
          <>
            <Form.Item name="name" label={t('quarantineDesk.person.name')} rules={[{ required: true }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="documentType" label={t('quarantineDesk.person.documentType')} rules={[{ required: true }]}>
                <Select<DocType> style={{ width: 160 }} options={(['MAINLAND_ID', 'PASSPORT', 'HK_MACAU_PERMIT', 'TAIWAN_PERMIT'] as const).map((d) => ({ value: d, label: docTypeLabel(t, d) }))} />
              </Form.Item>
              <Form.Item name="documentNumber" label={t('quarantineDesk.person.documentNumber')} rules={[{ required: true }]}>
                <Input maxLength={40} />
              </Form.Item>
            </Space>
            <Form.Item name="phone" label={t('quarantineDesk.person.phone')}>
              <Input inputMode="tel" maxLength={20} />
            </Form.Item>
            <Form.Item name="address" label={t('quarantineDesk.person.address')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="areaId" label={t('quarantineDesk.person.cell')} rules={[{ required: true }]}>
              <TreeSelect treeData={cells} showSearch treeNodeFilterProp="title" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="residentId" label={t('quarantineDesk.create.resident')} rules={[{ required: true, message: t('quarantineDesk.create.pickResident') }]}>
            <ResidentPicker />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="kind" label={t('quarantineDesk.order.kind')} rules={[{ required: true }]}>
            <Select<OrderKind> style={{ width: 160 }} options={KINDS.map((k) => ({ value: k, label: kindText(t, k) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('quarantineDesk.order.reason')} rules={[{ required: true }]}>
            <Select<OrderReason> style={{ width: 160 }} options={REASONS.map((r) => ({ value: r, label: reasonText(t, r) }))} />
          </Form.Item>
        </Space>
        {reason === 'RETURNEE' && (
          <Form.Item name="reasonPlace" label={t('quarantineDesk.order.reasonPlace')}>
            <Input maxLength={100} />
          </Form.Item>
        )}
        {kind === 'CENTRAL_ISOLATION' && (
          <Form.Item name="siteId" label={t('quarantineDesk.order.site')} rules={[{ required: true }]}>
            <Select options={sites.items.map((s) => ({ value: s.id, label: `${s.name ?? ''} (${s.freeBeds ?? 0})` }))} loading={sites.isPending} />
          </Form.Item>
        )}
        <Form.Item name="sourceCaseRef" label={t('quarantineDesk.order.sourceCaseRef')}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsOn" label={t('quarantineDesk.order.startsOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endsOn" label={t('quarantineDesk.order.endsOn')} extra={t('quarantineDesk.create.endsOnHint')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('quarantineDesk.order.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        {problem && <ProblemAlert error={problem} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('quarantineDesk.create.submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
