import { useState } from 'react';
import { Button, DatePicker, Select, Space, Table, TreeSelect, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { mapAreaTree, useAreaTree } from '../../../lib/api/areaTree';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { KINDS, REASONS, STATUSES, useOrders, type Order, type OrderFilter } from '../api/quarantine';
import { CreateOrderDrawer } from './CreateOrderDrawer';
import { kindText, reasonText, statusText } from './labels';
import { QuarantineTabs } from './QuarantineTabs';
import { StatusTag } from './StatusTag';
import '../quarantine.css';

/** Who may put people under orders and move them (the API checks again). */
export const ORDER_EDITORS = ['supervisor', 'grid-leader'] as const;

interface AreaItem {
  value: string;
  title: string;
  children: AreaItem[];
}

/** 隔离管理: the orders of the caller's zone (or community), filtered, newest first. */
export function OrdersPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const [filter, setFilter] = useState<OrderFilter>({ status: 'ACTIVE' });
  const [creating, setCreating] = useState(false);
  const orders = useOrders(filter);
  const tree = useAreaTree();
  const areas = mapAreaTree<AreaItem>(tree.data ?? [], (n, children) => ({ value: n.id, title: n.name ?? n.code ?? '', children }));
  const set = (patch: Partial<OrderFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const onDates = (v: [Dayjs | null, Dayjs | null] | null) =>
    set({ from: v?.[0]?.format('YYYY-MM-DD') ?? undefined, to: v?.[1]?.format('YYYY-MM-DD') ?? undefined });

  return (
    <section className="gg-page gg-quarantine" aria-labelledby="q-title">
      <Space className="gg-page-head" wrap>
        <Typography.Title level={2} id="q-title">
          {t('quarantineDesk.title')}
        </Typography.Title>
        {hasAnyRole(roles, ORDER_EDITORS) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('quarantineDesk.create.open')}
          </Button>
        )}
      </Space>
      <QuarantineTabs />
      <Space wrap className="gg-q-filters">
        <Select
          allowClear
          aria-label={t('quarantineDesk.order.status')}
          placeholder={t('quarantineDesk.order.status')}
          value={filter.status}
          onChange={(status) => set({ status })}
          options={STATUSES.map((s) => ({ value: s, label: statusText(t, s) }))}
          style={{ minWidth: 120 }}
        />
        <Select
          allowClear
          aria-label={t('quarantineDesk.order.kind')}
          placeholder={t('quarantineDesk.order.kind')}
          value={filter.kind}
          onChange={(kind) => set({ kind })}
          options={KINDS.map((k) => ({ value: k, label: kindText(t, k) }))}
          style={{ minWidth: 140 }}
        />
        <Select
          allowClear
          aria-label={t('quarantineDesk.order.reason')}
          placeholder={t('quarantineDesk.order.reason')}
          value={filter.reason}
          onChange={(reason) => set({ reason })}
          options={REASONS.map((r) => ({ value: r, label: reasonText(t, r) }))}
          style={{ minWidth: 140 }}
        />
        <TreeSelect
          allowClear
          aria-label={t('quarantineDesk.order.area')}
          placeholder={t('quarantineDesk.order.area')}
          value={filter.areaId}
          onChange={(areaId: string | undefined) => set({ areaId })}
          treeData={areas}
          style={{ minWidth: 180 }}
        />
        <DatePicker.RangePicker aria-label={t('quarantineDesk.filters.dates')} onChange={onDates} allowEmpty={[true, true]} />
      </Space>
      {orders.error && <ProblemAlert error={orders.error} onRetry={() => void orders.refetch()} />}
      <Table<Order>
        rowKey="id"
        loading={orders.isPending}
        dataSource={orders.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('quarantineDesk.order.number'), dataIndex: 'number', render: (_, o) => <Link to={`/quarantines/${o.id}`}>{o.number}</Link> },
          { title: t('quarantineDesk.order.person'), render: (_, o) => o.person.name },
          { title: t('quarantineDesk.order.kind'), dataIndex: 'kind', render: (_, o) => kindText(t, o.kind) },
          { title: t('quarantineDesk.order.reason'), dataIndex: 'reason', render: (_, o) => reasonText(t, o.reason), responsive: ['md'] },
          { title: t('quarantineDesk.order.status'), dataIndex: 'status', render: (_, o) => <StatusTag status={o.status} /> },
          { title: t('quarantineDesk.order.dates'), render: (_, o) => `${o.startsOn} – ${o.endsOn}` },
          { title: t('quarantineDesk.order.cell'), render: (_, o) => o.siteName ?? o.cellName ?? '', responsive: ['md'] },
        ]}
      />
      <LoadMoreButton pages={orders} />
      {creating && <CreateOrderDrawer onClose={() => setCreating(false)} />}
    </section>
  );
}
