import { useMemo, useRef, useState } from 'react';
import { Button, Card, Checkbox, Empty, Form, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import type { ProblemError } from '../../../lib/api/problem';
import { useCandidates, useCreateRun, type CandidateGroup } from '../api/delivery';
import { usePlaces } from '../api/catalogue';
import { runBody, type RunValues } from '../api/forms';
import { todayInShanghai } from './DeliveryPage';
import '../delivery.css';

const FIELDS = ['name', 'date', 'placeId', 'carriers'] as const;

interface GroupProps {
  group: CandidateGroup;
  chosen: ReadonlySet<string>;
  onChange: (ids: string[], on: boolean) => void;
}

/** One building's open needs: the whole building at once, or door by door. */
function BuildingGroup({ group, chosen, onChange }: GroupProps) {
  const { t } = useTranslation();
  const ids = group.needs.map((n) => n.needId);
  const count = ids.filter((id) => chosen.has(id)).length;
  const title = [group.compound, group.building].filter(Boolean).join(' ') || t('delivery.noBuilding');
  return (
    <Card size="small" className="gg-candidate-group" title={
      <Checkbox checked={count === ids.length} indeterminate={count > 0 && count < ids.length} onChange={(e) => onChange(ids, e.target.checked)}>
        {title} · {t('delivery.selectBuilding')}
      </Checkbox>
    }>
      {group.needs.map((n) => (
        <div key={n.needId}>
          <Checkbox checked={chosen.has(n.needId)} onChange={(e) => onChange([n.needId], e.target.checked)}>
            <Space wrap>
              <strong>{n.door}</strong>
              <span>{n.contactName}</span>
              <Tag color={n.urgency === 'URGENT_MEDICAL' ? 'red' : undefined}>{t(`delivery.urgency.${n.urgency}`)}</Tag>
              <span>
                {t(`delivery.kinds.${n.kind}`)}
                {n.medicineName && ` ${n.medicineName} ${n.medicineQuantity ?? ''}`}
                {n.detail && ` · ${n.detail}`}
              </span>
            </Space>
          </Checkbox>
        </div>
      ))}
    </Card>
  );
}

/** A leader makes a run: the open needs chosen by building, the carriers, the storage place. */
export function NewRunPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<RunValues>();
  const candidates = useCandidates();
  const places = usePlaces();
  const create = useCreateRun();
  const key = useRef(crypto.randomUUID());
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const groups = useMemo(() => candidates.data ?? [], [candidates.data]);

  const toggle = (ids: string[], on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      return next;
    });

  const submit = async (v: RunValues) => {
    setProblem(null);
    try {
      const run = await create.mutateAsync({ body: runBody(v, [...chosen]), key: key.current });
      void navigate(`/delivery/${run.id}`);
    } catch (e) {
      setProblem(showProblemOnForm(form, e, FIELDS));
    }
  };

  return (
    <div className="gg-delivery">
      <Link to="/delivery">{t('delivery.back')}</Link>
      <Typography.Title level={2}>{t('delivery.newRun')}</Typography.Title>
      <Form form={form} layout="vertical" initialValues={{ date: todayInShanghai(), carriers: [] }} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('delivery.name')} rules={[{ required: true, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="date" label={t('delivery.date')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="placeId" label={t('delivery.place')} extra={t('delivery.placeHint')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" loading={places.isPending} options={places.data ?? []} />
        </Form.Item>
        <Form.Item name="carriers" label={t('delivery.carriers')} extra={t('delivery.carriersHint')} rules={[{ required: true }]}>
          <Select mode="tags" tokenSeparators={[',', ' ', '，']} open={false} />
        </Form.Item>
        <Typography.Title level={4}>{t('delivery.candidates')}</Typography.Title>
        {candidates.isPending && <Skeleton active />}
        {candidates.error && <ProblemAlert error={candidates.error} />}
        {candidates.data && groups.length === 0 && <Empty description={t('delivery.noCandidates')} />}
        {groups.map((g) => (
          <BuildingGroup key={`${g.compound ?? ''}|${g.building ?? ''}`} group={g} chosen={chosen} onChange={toggle} />
        ))}
        {problem && <ProblemAlert error={problem} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} disabled={chosen.size === 0}>
            {t('delivery.create')}
          </Button>
          <span>{t('delivery.selected', { count: chosen.size })}</span>
        </Space>
      </Form>
    </div>
  );
}
