import { useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Input, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { findNode, mapAreaTree, useAreaTree } from '../../../lib/api/areaTree';
import { toProblem, type ProblemError } from '../../../lib/api/problem';
import { useRoles } from '../../../lib/auth/roles';
import { kindLabel } from '../../../lib/i18n/labels';
import {
  needsApproval,
  useAskApproval,
  useDecide,
  useDownloadApproved,
  useExportRequests,
  useExportResidents,
  type ExportApproval,
  type PiiField,
} from '../api/exports';

interface AreaOption {
  value: string;
  title: string;
  children: AreaOption[];
}

const STATUS_COLOR: Record<string, string> = { PENDING: 'gold', APPROVED: 'green', REJECTED: 'red', DOWNLOADED: 'default' };

/**
 * Resident exports (supervisors). A masked export or a small one in clear downloads at once; a clear export of
 * more than 1,000 people needs another supervisor's approval (ADR 0029): ask, another supervisor approves in the
 * list below, then the requester downloads it once. Admins only decide.
 */
export function ExportsPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const me = useAuth().user?.profile.preferred_username;
  const isSupervisor = roles.includes('supervisor');
  const tree = useAreaTree();
  const options = useMemo(
    () => (tree.data ? mapAreaTree<AreaOption>(tree.data, (n, children) => (n.kind === 'BUILDING' ? undefined : { value: n.id, title: `${n.name ?? n.code ?? ''} · ${kindLabel(t, n.kind)}`, children })) : []),
    [tree.data, t],
  );
  const [areaId, setAreaId] = useState<string | undefined>();
  const [unmask, setUnmask] = useState<PiiField[]>([]);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [approvalNeeded, setApprovalNeeded] = useState(false);
  const [asked, setAsked] = useState(false);
  const exportResidents = useExportResidents();
  const ask = useAskApproval();
  const requests = useExportRequests();
  const decide = useDecide();
  const download = useDownloadApproved();
  const areaName = (id?: string) => (id && tree.data ? (findNode(tree.data, id)?.name ?? id) : (id ?? ''));

  const change = () => {
    setProblem(null);
    setApprovalNeeded(false);
    setAsked(false);
  };
  const onExport = async () => {
    change();
    try {
      await exportResidents({ areaId, unmask, reason });
    } catch (e) {
      const p = toProblem(e);
      if (needsApproval(p)) setApprovalNeeded(true);
      else setProblem(p);
    }
  };
  const onAsk = async () => {
    try {
      await ask.mutateAsync({ areaId, unmask, reason });
      setApprovalNeeded(false);
      setAsked(true);
    } catch (e) {
      setProblem(toProblem(e));
    }
  };
  const act = async (call: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await call();
    } catch (e) {
      setProblem(toProblem(e));
    }
  };

  return (
    <>
      <Typography.Title level={2}>{t('exports.title')}</Typography.Title>
      {isSupervisor && (
        <Card title={t('exports.residents')} className="gg-section">
          <Flex vertical gap="middle">
            <TreeSelect
              allowClear
              aria-label={t('exports.area')}
              placeholder={t('exports.areaPlaceholder')}
              treeData={options}
              loading={tree.isPending}
              showSearch={{ treeNodeFilterProp: 'title' }}
              value={areaId}
              onChange={(v?: string) => {
                setAreaId(v);
                change();
              }}
            />
            <Checkbox.Group<PiiField>
              aria-label={t('exports.clearFields')}
              value={unmask}
              onChange={(v) => {
                setUnmask(v);
                change();
              }}
              options={[
                { value: 'ID_NUMBER', label: t('exports.field.ID_NUMBER') },
                { value: 'PHONE', label: t('exports.field.PHONE') },
              ]}
            />
            {unmask.length > 0 && (
              <Input
                aria-label={t('exports.reason')}
                placeholder={t('exports.reasonPlaceholder')}
                maxLength={500}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  change();
                }}
              />
            )}
            <Button type="primary" icon={<DownloadOutlined />} className="gg-self-start" onClick={() => void onExport()}>
              {t('exports.export')}
            </Button>
            {approvalNeeded && (
              <Alert
                type="warning"
                showIcon
                title={t('exports.approvalNeeded')}
                action={
                  <Button onClick={() => void onAsk()} loading={ask.isPending}>
                    {t('exports.ask')}
                  </Button>
                }
              />
            )}
            {asked && <Alert type="info" showIcon title={t('exports.asked')} />}
          </Flex>
        </Card>
      )}
      {problem && <ProblemAlert error={problem} />}
      <Card title={t('exports.requests')} className="gg-section">
        <Table<ExportApproval>
          size="small"
          rowKey="id"
          loading={requests.isPending}
          dataSource={requests.data ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('exports.none') }}
          columns={[
            { title: t('exports.area'), dataIndex: 'areaId', render: (id?: string) => areaName(id) },
            { title: t('exports.people'), dataIndex: 'people' },
            { title: t('exports.clearFields'), dataIndex: 'fields', render: (f?: string[]) => (f ?? []).map((x) => t(`exports.field.${x as PiiField}`)).join('、') },
            { title: t('exports.reason'), dataIndex: 'reason' },
            { title: t('exports.requestedBy'), dataIndex: 'requestedBy' },
            {
              title: t('exports.status'),
              dataIndex: 'status',
              render: (s?: string) => s && <Tag color={STATUS_COLOR[s]}>{t(`exports.statusLabel.${s as 'PENDING'}`)}</Tag>,
            },
            {
              title: t('exports.actions'),
              key: 'actions',
              render: (_: unknown, r: ExportApproval) => {
                const id = r.id ?? '';
                if (r.status === 'PENDING' && r.requestedBy !== me) {
                  return (
                    <Space>
                      <Button size="small" type="primary" onClick={() => void act(() => decide.mutateAsync({ id, approve: true }))}>
                        {t('exports.approve')}
                      </Button>
                      <Button size="small" danger onClick={() => void act(() => decide.mutateAsync({ id, approve: false }))}>
                        {t('exports.reject')}
                      </Button>
                    </Space>
                  );
                }
                if (r.status === 'PENDING') return <Typography.Text type="secondary">{t('exports.waiting')}</Typography.Text>;
                if (r.status === 'APPROVED' && r.requestedBy === me) {
                  return (
                    <Button size="small" icon={<DownloadOutlined />} onClick={() => void act(() => download.mutateAsync(id))}>
                      {t('exports.download')}
                    </Button>
                  );
                }
                return null;
              },
            },
          ]}
        />
      </Card>
    </>
  );
}
