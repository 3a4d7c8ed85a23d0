import { useState } from 'react';
import { App, Button, Flex, Input, Modal, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { kindLabel, principalTypeLabel, roleLabel } from '../../../lib/i18n/labels';
import { useAssignments, useDeleteAssignment, type Assignment } from '../api/assignments';
import { AssignmentForm } from './AssignmentForm';

/** Who holds which role over which area node; admins, leaders and supervisors manage it. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [principal, setPrincipal] = useState('');
  const [adding, setAdding] = useState(false);
  const pages = useAssignments(principal);
  const { data, error, isPending, refetch } = pages;
  const remove = useDeleteAssignment();
  const rows = data?.pages.flatMap((p) => p.items ?? []) ?? [];

  async function onDelete(a: Assignment) {
    if (!a.id) return;
    try {
      await remove.mutateAsync(a.id);
      void message.success(t('assignments.deleted'));
    } catch (e) {
      modal.error({ title: t('assignments.deleteFailed'), content: <ProblemAlert error={e} /> });
    }
  }

  const columns: TableColumnsType<Assignment> = [
    { key: 'principal', title: t('assignments.principal'), dataIndex: 'principal', render: (v: string, a) => (
      <>
        {v} {a.principalType === 'CLIENT' && <Tag>{principalTypeLabel(t, a.principalType)}</Tag>}
      </>
    ) },
    { key: 'role', title: t('assignments.role'), dataIndex: 'role', render: (r: string | undefined) => roleLabel(t, r) },
    { key: 'node', title: t('assignments.node'), render: (_, a) => (
      <>
        {a.nodeName} <Tag>{kindLabel(t, a.nodeKind)}</Tag>
      </>
    ) },
    { key: 'createdBy', title: t('assignments.createdBy'), dataIndex: 'createdBy', responsive: ['md'] },
    { key: 'createdAt', title: t('assignments.createdAt'), dataIndex: 'createdAt', responsive: ['lg'], render: (v: string | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '') },
    {
      key: 'actions',
      title: t('assignments.actions'),
      render: (_, a) => (
        <Popconfirm
          title={t('assignments.deleteConfirm', { principal: a.principal, node: a.nodeName })}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => void onDelete(a)}
        >
          <Button danger icon={<DeleteOutlined />} aria-label={t('assignments.deleteLabel', { principal: a.principal, node: a.nodeName })} />
        </Popconfirm>
      ),
    },
  ];

  return (
    <section aria-labelledby="assignments-title" className="gg-page">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={2} id="assignments-title">
          {t('assignments.title')}
        </Typography.Title>
        <Button type="primary" size="large" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('assignments.add')}
        </Button>
      </Flex>
      <Input.Search
        className="gg-section"
        size="large"
        allowClear
        aria-label={t('assignments.filterPrincipal')}
        placeholder={t('assignments.filterPrincipal')}
        onSearch={(v) => setPrincipal(v.trim())}
        enterButton={t('common.search')}
      />
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : (
        <>
          <Table<Assignment>
            rowKey="id"
            loading={isPending}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('assignments.empty') }}
          />
          <LoadMoreButton pages={pages} className="gg-section" />
        </>
      )}
      <Modal open={adding} title={t('assignments.add')} footer={null} onCancel={() => setAdding(false)} destroyOnHidden>
        <AssignmentForm
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            void message.success(t('assignments.created'));
          }}
        />
      </Modal>
    </section>
  );
}
