import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Table, Tabs, Tag, TimePicker, TreeSelect, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAreaTree } from '../../../lib/api/areaTree';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { useResidentLookup } from '../api/testing';
import {
  EXEMPTION_KINDS,
  useAddExemption,
  useAddSite,
  useExemptions,
  usePositivePools,
  useRevokeExemption,
  useRound,
  useSites,
  useTransition,
  useUnmatched,
  type Exemption,
  type ExemptionKind,
  type PositivePool,
  type Round,
  type Site,
  type Unmatched,
} from '../api/testing';
import { scopeOptions } from './scopeOptions';
import { CoverageView } from './CoverageView';
import { STATUS_COLOR } from './RoundsPage';
import '../testing.css';

const time = (v?: string | null) => (v ? dayjs(v).format('MM-DD HH:mm') : '—');

/** One round for supervisors and leaders: its setup and status, live coverage, exemptions, sites, positive pools and unmatched lab results. */
export function RoundDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const roles = useRoles();
  const round = useRound(id);
  const transition = useTransition(round.data);
  const supervisor = hasAnyRole(roles, ['supervisor']);
  const r = round.data;
  if (round.error) return <ProblemAlert error={round.error} onRetry={() => void round.refetch()} />;
  if (!r) return <Card loading />;

  return (
    <div className="gg-round">
      <Space wrap className="gg-page-head">
        <Typography.Title level={2}>{r.name}</Typography.Title>
        <Tag color={STATUS_COLOR[r.status]} data-testid="round-status">
          {t(`testing.status.${r.status}`)}
        </Tag>
        {supervisor && r.status === 'PLANNED' && (
          <Button type="primary" loading={transition.isPending} onClick={() => transition.mutate('SAMPLING')}>
            {t('testing.rounds.start')}
          </Button>
        )}
        {supervisor && r.status === 'SAMPLING' && (
          <Popconfirm title={t('testing.rounds.closeConfirm')} onConfirm={() => transition.mutate('CLOSED')}>
            <Button danger loading={transition.isPending}>
              {t('testing.rounds.close')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {transition.error && <ProblemAlert error={transition.error} />}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'date', label: t('testing.round.date'), children: r.roundDate },
          { key: 'window', label: t('testing.round.window'), children: `${time(r.samplingFrom)} – ${time(r.samplingTo)}` },
          { key: 'scope', label: t('testing.round.scope'), children: r.scope.map((s) => s.name).join('、') },
          { key: 'modes', label: t('testing.round.modes'), children: r.modes.map((m) => t(`testing.mode.${m}`)).join('、') },
          { key: 'pool', label: t('testing.round.poolSize'), children: r.poolSize },
          { key: 'labs', label: t('testing.round.labs'), children: r.labs.join('、') || '—' },
        ]}
      />
      <Tabs
        items={[
          { key: 'coverage', label: t('testing.tabs.coverage'), children: <CoverageView round={r} /> },
          { key: 'positive', label: t('testing.tabs.positive'), children: <PositivePools round={r} /> },
          { key: 'exemptions', label: t('testing.tabs.exemptions'), children: <Exemptions round={r} /> },
          { key: 'sites', label: t('testing.tabs.sites'), children: <Sites round={r} /> },
          ...(hasAnyRole(roles, ['admin', 'supervisor']) ? [{ key: 'unmatched', label: t('testing.tabs.unmatched'), children: <UnmatchedResults round={r} /> }] : []),
        ]}
      />
    </div>
  );
}

function PositivePools({ round }: { round: Round }) {
  const { t } = useTranslation();
  const pools = usePositivePools(round.id, round.status === 'SAMPLING');
  return (
    <>
      {pools.error && <ProblemAlert error={pools.error} onRetry={() => void pools.refetch()} />}
      <Table<PositivePool>
        rowKey="tubeId"
        size="small"
        loading={pools.isPending}
        dataSource={pools.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        onRow={() => ({ 'data-testid': 'positive-pool' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('testing.positive.barcode'), dataIndex: 'barcode' },
          { title: t('testing.positive.result'), dataIndex: 'result', render: (v: PositivePool['result']) => <Tag color={v === 'POSITIVE' ? 'red' : 'orange'}>{t(`testing.result.${v}`)}</Tag> },
          { title: t('testing.positive.testedAt'), dataIndex: 'testedAt', render: (v?: string) => time(v) },
          // a central site's pool may hold people of other cells: counted, their households not listed (ADR 0028)
          { title: t('testing.positive.members'), dataIndex: 'members', align: 'right', render: (_, p) => (p.membersOutOfReach > 0 ? t('testing.positive.membersOutOfReach', { members: p.members, outOfReach: p.membersOutOfReach }) : p.members) },
          { title: t('testing.positive.retests'), render: (_, p) => `${p.retestsDone} / ${p.retestTasks}`, align: 'right' },
          { title: t('testing.positive.flagged'), render: (_, p) => t('testing.positive.flaggedCount', { households: p.flaggedHouseholds?.length ?? 0, buildings: p.flaggedBuildings?.length ?? 0 }) },
        ]}
      />
    </>
  );
}

function Exemptions({ round }: { round: Round }) {
  const { t } = useTranslation();
  const roles = useRoles();
  const list = useExemptions(round.id);
  const add = useAddExemption(round.id);
  const revoke = useRevokeExemption(round.id);
  const lookup = useResidentLookup();
  const [form] = Form.useForm<{ kind: ExemptionKind; reason: string }>();
  const [idNumber, setIdNumber] = useState('');
  const found = lookup.data?.[0];
  const canRevoke = hasAnyRole(roles, ['supervisor', 'grid-leader']);
  return (
    <>
      {round.status !== 'CLOSED' && (
        <Card size="small" title={t('testing.exemptions.add')}>
          <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
            <Input value={idNumber} onChange={(e) => setIdNumber(e.target.value)} placeholder={t('testing.sampling.idPlaceholder')} aria-label={t('testing.sampling.idPlaceholder')} maxLength={18} />
            <Button loading={lookup.isPending} onClick={() => lookup.mutate(idNumber.trim().toUpperCase())}>
              {t('testing.sampling.find')}
            </Button>
          </Space.Compact>
          {lookup.error && <ProblemAlert error={lookup.error} />}
          {lookup.data && !found && <Typography.Paragraph type="secondary">{t('testing.sampling.notFound')}</Typography.Paragraph>}
          {found?.id && (
            <Form
              form={form}
              layout="inline"
              style={{ marginTop: 8 }}
              onFinish={(v) => add.mutate({ residentId: found.id ?? '', kind: v.kind, reason: v.reason.trim() }, { onSuccess: () => { form.resetFields(); lookup.reset(); setIdNumber(''); } })}
            >
              <Typography.Text strong style={{ marginRight: 8 }}>{found.name}</Typography.Text>
              <Form.Item name="kind" rules={[{ required: true }]}>
                <Select style={{ width: 140 }} placeholder={t('testing.exemptions.kind')} options={EXEMPTION_KINDS.map((k) => ({ value: k, label: t(`testing.exemptionKind.${k}`) }))} />
              </Form.Item>
              <Form.Item name="reason" rules={[{ required: true, whitespace: true, max: 500 }]}>
                <Input placeholder={t('testing.exemptions.reason')} maxLength={500} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={add.isPending}>
                {t('testing.exemptions.grant')}
              </Button>
            </Form>
          )}
          {add.error && <ProblemAlert error={add.error} />}
        </Card>
      )}
      {list.error && <ProblemAlert error={list.error} />}
      {revoke.error && <ProblemAlert error={revoke.error} />}
      <Table<Exemption>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('testing.exemptions.person'), dataIndex: 'residentName' },
          { title: t('testing.exemptions.kind'), dataIndex: 'kind', render: (k: ExemptionKind) => t(`testing.exemptionKind.${k}`) },
          { title: t('testing.exemptions.reason'), dataIndex: 'reason' },
          { title: t('testing.exemptions.grantedBy'), render: (_, e) => `${e.grantedBy} · ${time(e.grantedAt)}` },
          ...(canRevoke && round.status !== 'CLOSED'
            ? [{ title: '', key: 'revoke', render: (_: unknown, e: Exemption) => <Popconfirm title={t('testing.exemptions.revokeConfirm')} onConfirm={() => revoke.mutate(e.id)}><Button size="small" danger>{t('testing.exemptions.revoke')}</Button></Popconfirm> }]
            : []),
        ]}
      />
    </>
  );
}

function Sites({ round }: { round: Round }) {
  const { t } = useTranslation();
  const roles = useRoles();
  const sites = useSites(round.id);
  const add = useAddSite(round.id);
  const tree = useAreaTree();
  const [form] = Form.useForm<{ name: string; areaId: string; address?: string; hours: [Dayjs, Dayjs] }>();
  return (
    <>
      {hasAnyRole(roles, ['supervisor', 'grid-leader']) && round.status !== 'CLOSED' && (
        <Card size="small" title={t('testing.sites.add')}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ hours: [dayjs().hour(7).minute(0), dayjs().hour(19).minute(0)] }}
            onFinish={(v) =>
              add.mutate(
                { name: v.name.trim(), areaId: v.areaId, address: v.address?.trim() || undefined, opensAt: v.hours[0].format('HH:mm'), closesAt: v.hours[1].format('HH:mm') },
                { onSuccess: () => form.resetFields() },
              )
            }
          >
            <Form.Item name="name" label={t('testing.sites.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="areaId" label={t('testing.sites.area')} rules={[{ required: true }]}>
              <TreeSelect treeData={scopeOptions(tree.data ?? [])} showSearch={{ treeNodeFilterProp: 'title' }} />
            </Form.Item>
            <Form.Item name="address" label={t('testing.sites.address')}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="hours" label={t('testing.sites.hours')} rules={[{ required: true }]}>
              <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('testing.sites.save')}
            </Button>
            {add.error && <ProblemAlert error={add.error} />}
          </Form>
        </Card>
      )}
      {sites.error && <ProblemAlert error={sites.error} />}
      <Table<Site>
        rowKey="id"
        size="small"
        loading={sites.isPending}
        dataSource={sites.data ?? []}
        pagination={false}
        columns={[
          { title: t('testing.sites.name'), dataIndex: 'name' },
          { title: t('testing.sites.address'), dataIndex: 'address' },
          { title: t('testing.sites.hours'), render: (_, s) => `${s.opensAt?.slice(0, 5)}–${s.closesAt?.slice(0, 5)}` },
        ]}
      />
    </>
  );
}

function UnmatchedResults({ round }: { round: Round }) {
  const { t } = useTranslation();
  const list = useUnmatched(round.id, true);
  return (
    <>
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Typography.Paragraph type="secondary">{t('testing.unmatched.hint')}</Typography.Paragraph>
      <Table<Unmatched>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('testing.unmatched.lab'), dataIndex: 'lab' },
          { title: t('testing.positive.barcode'), dataIndex: 'barcode' },
          { title: t('testing.positive.result'), dataIndex: 'result', render: (v: Unmatched['result']) => t(`testing.result.${v}`) },
          { title: t('testing.positive.testedAt'), dataIndex: 'testedAt', render: (v: string) => time(v) },
          { title: t('testing.unmatched.labRef'), dataIndex: 'labRef' },
          { title: t('testing.unmatched.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => time(v) },
        ]}
      />
    </>
  );
}
