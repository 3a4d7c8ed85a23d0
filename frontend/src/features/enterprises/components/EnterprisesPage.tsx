import { useState } from 'react';
import { Alert, Button, Drawer, Flex, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { STATUSES, useEnterprises, type Enterprise, type EnterpriseKind, type EnterpriseStatus } from '../api/enterprises';
import { EnterpriseForm } from './EnterpriseForm';
import { EnterpriseImport } from './EnterpriseImport';
import '../enterprises.css';

const STATUS_COLOURS: Record<EnterpriseStatus, string> = { PENDING: 'default', RESUMED: 'green', SUSPENDED: 'red' };

/**
 * 复工企业: the register of enterprises resuming work in the caller's reach, today's first (they are due their first
 * check). Leaders read it; supervisors, admins and the street's inspectors register, change and import.
 */
export function EnterprisesPage() {
  const { t } = useTranslation();
  const writer = hasAnyRole(useRoles(), ['admin', 'supervisor', 'inspector']);
  const [q, setQ] = useState<string>();
  const [status, setStatus] = useState<EnterpriseStatus>();
  const [when, setWhen] = useState<'all' | 'today'>('all');
  const [editing, setEditing] = useState<Enterprise | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useEnterprises({ q, status, resumedOn: when === 'today' ? dayjs().format('YYYY-MM-DD') : undefined });
  const rows = list.items.slice().sort((a, b) => Number(b.resumingToday) - Number(a.resumingToday));
  const today = rows.filter((e) => e.resumingToday).length;
  return (
    <section className="gg-page gg-enterprises" aria-labelledby="enterprises-title">
      <Typography.Title level={2} id="enterprises-title">
        {t('enterprises.title')}
      </Typography.Title>
      <Flex gap="small" wrap className="gg-section">
        <Input.Search allowClear className="gg-enterprises-search" placeholder={t('enterprises.search')} aria-label={t('enterprises.search')} onSearch={(v) => setQ(v.trim() || undefined)} />
        <Select<EnterpriseStatus>
          allowClear
          className="gg-enterprises-status"
          aria-label={t('enterprises.status')}
          placeholder={t('enterprises.status')}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`enterprises.statuses.${s}`) }))}
        />
        <Segmented value={when} onChange={setWhen} options={[{ value: 'all', label: t('enterprises.all') }, { value: 'today', label: t('enterprises.today') }]} />
        {writer && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('enterprises.register')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('enterprises.import.title')}
            </Button>
          </>
        )}
      </Flex>
      {today > 0 && <Alert type="warning" showIcon className="gg-section" title={t('enterprises.resumingToday', { count: today })} />}
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Enterprise>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={list.isPending}
        pagination={false}
        dataSource={rows}
        rowClassName={(e) => (e.resumingToday ? 'gg-enterprise-today' : '')}
        onRow={(e) => ({ 'data-testid': e.resumingToday ? 'enterprise-today' : 'enterprise-row' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('enterprises.name'), dataIndex: 'name' },
          { title: t('enterprises.creditCode'), dataIndex: 'creditCode', className: 'gg-mono' },
          { title: t('enterprises.kind'), dataIndex: 'kind', render: (k: EnterpriseKind) => t(`enterprises.kinds.${k}`) },
          { title: t('enterprises.area'), render: (_, e) => [e.areaName, e.address].filter(Boolean).join(' · ') },
          { title: t('enterprises.contactName'), render: (_, e) => [e.contactName, e.contactPhoneMasked].filter(Boolean).join(' ') },
          { title: t('enterprises.employees'), dataIndex: 'employees', align: 'right' },
          { title: t('enterprises.resumedOn'), dataIndex: 'resumedOn' },
          {
            title: t('enterprises.status'),
            render: (_, e) => (
              <>
                <Tag color={STATUS_COLOURS[e.status]}>{t(`enterprises.statuses.${e.status}`)}</Tag>
                {e.resumingToday && <Tag color="orange">{t('enterprises.today')}</Tag>}
              </>
            ),
          },
          ...(writer ? [{ key: 'edit', render: (_: unknown, e: Enterprise) => <Button size="small" onClick={() => setEditing(e)}>{t('enterprises.edit')}</Button> }] : []),
        ]}
      />
      <LoadMoreButton pages={list} />
      {editing && <EnterpriseForm editing={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <Drawer open={importing} size="large" title={t('enterprises.import.title')} onClose={() => setImporting(false)} destroyOnHidden>
        <EnterpriseImport />
      </Drawer>
    </section>
  );
}
