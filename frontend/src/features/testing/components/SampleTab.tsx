import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Empty, Form, Input, List, Progress, Segmented, Select, Space, Tag, Typography } from 'antd';
import { LockOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useOnline } from '../../../components/OfflineBanner';
import { useQueueSnapshot } from '../../../lib/offline';
import {
  SAMPLE_KINDS,
  useCloseTube,
  useHouseholdMembers,
  useHouseholdsByDoor,
  useResidentLookup,
  useSampleQueue,
  useSampleQueueSync,
  useSites,
  useTubeByBarcode,
  type NewSample,
  type Round,
  type SampleKind,
} from '../api/testing';
import { BarcodeInput, type BarcodeInputHandle } from './BarcodeInput';
import { canAdd, poolState, type PoolMember } from './pool';
import { SampleQueueStatus } from './SampleQueueStatus';

type Place = 'site' | 'door';
type Way = 'id' | 'household' | 'visitor';
const ID_NUMBER = /^\d{17}[\dXx]$/;

interface Candidate {
  residentId: string;
  name: string;
  detail?: string;
}

/**
 * Scan a tube, then add people until the pool is full or closed by hand. Every person goes into
 * the shared offline queue with its own id first and the queue is sent at once when online: one
 * path, with or without a network; the server's answer (flags, refusals) shows on the pool.
 */
export function SampleTab({ round }: { round: Round }) {
  const { t } = useTranslation();
  const online = useOnline();
  const queue = useSampleQueue(round.id);
  useSampleQueueSync(queue);
  const snapshot = useQueueSnapshot(queue);
  const sites = useSites(round.id);
  const [place, setPlace] = useState<Place>(round.modes.includes('CENTRAL') ? 'site' : 'door');
  const [siteId, setSiteId] = useState<string>();
  const [kind, setKind] = useState<SampleKind>('ORDINARY');
  const [barcode, setBarcode] = useState<string>();
  const [way, setWay] = useState<Way>('id');
  const barcodeRef = useRef<BarcodeInputHandle>(null);
  const tube = useTubeByBarcode(round.id, barcode);
  // after any choice on the screen the scanner's field has the focus again, ready for the next tube
  const refocus = () => window.setTimeout(() => barcodeRef.current?.focus(), 0);
  const close = useCloseTube(round.id);

  const queued: PoolMember[] = useMemo(
    () =>
      [...snapshot.waiting, ...snapshot.attention]
        .filter((e) => e.payload.barcode === barcode)
        .map((e) => ({
          sampleId: e.id,
          name: e.meta?.personName ?? '',
          residentId: e.payload.residentId,
          kind: e.payload.kind ?? 'ORDINARY',
          pending: true,
          rejected: e.state === 'attention',
        })),
    [snapshot, barcode],
  );
  // People that left the waiting line accepted (by this screen's send or the background sync) count
  // as stored until the server's pool shows them: the pool never looks emptier than it is.
  const [sent, setSent] = useState<{ barcode?: string; members: PoolMember[] }>({ members: [] });
  const before = useRef<{ barcode?: string; members: PoolMember[] }>({ members: [] });
  const { refetch } = tube;
  useEffect(() => {
    const prev = before.current.barcode === barcode ? before.current.members : [];
    const gone = prev.filter((m) => !m.rejected && !queued.some((q) => q.sampleId === m.sampleId));
    before.current = { barcode, members: queued };
    if (gone.length > 0) {
      setSent((s) => ({ barcode, members: [...(s.barcode === barcode ? s.members : []), ...gone.map((m) => ({ ...m, pending: false }))] }));
      void refetch();
    }
  }, [queued, barcode, refetch]);
  const sentHere = sent.barcode === barcode ? sent.members : [];
  const fromServer: PoolMember[] = (tube.data?.people ?? []).map((p) => ({
    sampleId: p.sampleId,
    name: p.name,
    residentId: p.residentId,
    kind: p.kind,
    pending: false,
    flagReason: p.flagged ? p.flagReason ?? 'FLAGGED' : undefined,
  }));
  const stored = [...fromServer, ...sentHere.filter((m) => !fromServer.some((f) => f.sampleId === m.sampleId))];
  const capacity = tube.data?.capacity ?? round.poolSize;
  const pool = poolState(stored, queued, capacity, tube.data?.status, tube.data?.membersOutOfReach ?? 0);
  const blocked = !barcode || pool.full || pool.closed;

  const add = async (who: Pick<NewSample, 'residentId' | 'idNumber' | 'idType' | 'visitor'>, personName: string) => {
    if (!queue || !barcode) return;
    if (!canAdd(pool, who.residentId).ok) return;
    const payload: NewSample = {
      id: crypto.randomUUID(),
      barcode,
      kind,
      sampledAt: new Date().toISOString(),
      siteId: place === 'site' ? siteId : undefined,
      ...who,
    };
    await queue.enqueue(payload, { personName });
    if (navigator.onLine) await queue.flush().catch(() => undefined);
    barcodeRef.current?.focus();
  };

  const closePool = () => {
    const id = tube.data?.id;
    const done = () => {
      setBarcode(undefined);
      barcodeRef.current?.focus();
    };
    if (id && online && !pool.closed) close.mutate(id, { onSuccess: done });
    else done();
  };

  return (
    <div className="gg-sample">
      <Space wrap className="gg-sample-modes">
        <Segmented<Place>
          size="large"
          value={place}
          onChange={(v) => {
            setPlace(v);
            refocus();
          }}
          options={[
            { value: 'site', label: t('testing.sampling.atSite'), disabled: !round.modes.includes('CENTRAL') },
            { value: 'door', label: t('testing.sampling.doorToDoor'), disabled: !round.modes.includes('DOOR_TO_DOOR') },
          ]}
        />
        {place === 'site' && (
          <Select
            size="large"
            style={{ minWidth: 200 }}
            aria-label={t('testing.sampling.site')}
            placeholder={t('testing.sampling.site')}
            value={siteId}
            onChange={(v) => {
              setSiteId(v);
              refocus();
            }}
            allowClear
            options={(sites.data ?? []).map((s) => ({ value: s.id, label: `${s.name} ${s.opensAt?.slice(0, 5)}–${s.closesAt?.slice(0, 5)}` }))}
          />
        )}
        <Segmented<SampleKind>
          size="large"
          aria-label={t('testing.sampling.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v);
            refocus();
          }}
          options={SAMPLE_KINDS.map((k) => ({ value: k, label: t(`testing.sampleKind.${k}`) }))}
        />
      </Space>

      <SampleQueueStatus queue={queue} onChange={() => void tube.refetch()} />

      <Card size="small" title={t('testing.sampling.scan')}>
        <BarcodeInput ref={barcodeRef} onScan={(code) => setBarcode(code)} />
      </Card>

      {barcode && (
        <Card
          size="small"
          className={pool.full || pool.closed ? 'gg-pool gg-pool-full' : 'gg-pool'}
          data-testid="pool"
          data-count={pool.count}
          data-full={pool.full || pool.closed}
          title={
            <Space wrap>
              <span>{t('testing.sampling.pool')}</span>
              <Tag color="blue" data-testid="pool-barcode">
                {barcode}
              </Tag>
              <Typography.Text data-testid="pool-count">{t('testing.sampling.poolCount', { count: pool.count, capacity: pool.capacity })}</Typography.Text>
            </Space>
          }
          extra={
            <Button icon={<LockOutlined />} onClick={closePool} loading={close.isPending} disabled={pool.count === 0 && !pool.closed}>
              {pool.closed ? t('testing.sampling.nextTube') : t('testing.sampling.closePool')}
            </Button>
          }
        >
          <Progress percent={Math.round((100 * pool.count) / pool.capacity)} showInfo={false} status={pool.full ? 'success' : 'active'} />
          {(pool.full || pool.closed) && (
            <Alert
              type="success"
              showIcon
              data-testid="pool-full"
              title={pool.closed ? t('testing.sampling.poolClosed') : t('testing.sampling.poolFull')}
              description={t('testing.sampling.scanNext')}
            />
          )}
          {close.error && <ProblemAlert error={close.error} />}
          <List
            size="small"
            dataSource={pool.members}
            rowKey="sampleId"
            locale={{ emptyText: t('testing.sampling.poolEmpty') }}
            renderItem={(m) => (
              <List.Item data-testid="pool-member">
                <Space wrap size={4}>
                  <Typography.Text strong delete={m.rejected}>
                    {m.name}
                  </Typography.Text>
                  {m.kind !== 'ORDINARY' && <Tag color="purple">{t(`testing.sampleKind.${m.kind}`)}</Tag>}
                  {m.pending && !m.rejected && <Tag>{t('testing.sampling.queued')}</Tag>}
                  {m.rejected && <Tag color="red">{t('testing.sampling.refused')}</Tag>}
                  {m.flagReason && (
                    <Tag color="orange" data-testid="pool-member-flag">
                      {m.flagReason === 'SECOND_ORDINARY_SAMPLE' ? t('testing.sampling.secondSample') : m.flagReason}
                    </Tag>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}

      {barcode && !blocked && (
        <Card size="small" title={t('testing.sampling.addPeople')}>
          <Segmented<Way>
            block
            value={way}
            onChange={setWay}
            options={[
              { value: 'id', label: t('testing.sampling.byId') },
              { value: 'household', label: t('testing.sampling.byHousehold') },
              { value: 'visitor', label: t('testing.sampling.visitor') },
            ]}
          />
          <div className="gg-add">
            {way === 'id' && <ById online={online} onAdd={add} members={pool.members} />}
            {way === 'household' && <ByHousehold online={online} onAdd={add} members={pool.members} />}
            {way === 'visitor' && <AsVisitor onAdd={add} />}
          </div>
        </Card>
      )}
      {!barcode && <Typography.Paragraph type="secondary">{t('testing.sampling.scanFirst')}</Typography.Paragraph>}
    </div>
  );
}

type AddFn = (who: Pick<NewSample, 'residentId' | 'idNumber' | 'idType' | 'visitor'>, personName: string) => Promise<void>;

function CandidateList({ people, members, onAdd }: { people: Candidate[]; members: PoolMember[]; onAdd: AddFn }) {
  const { t } = useTranslation();
  return (
    <List
      dataSource={people}
      rowKey="residentId"
      renderItem={(p) => {
        const inPool = members.some((m) => !m.rejected && m.residentId === p.residentId);
        return (
          <List.Item
            data-testid="sampling-candidate"
            actions={[
              <Button key="add" type="primary" size="large" disabled={inPool} onClick={() => void onAdd({ residentId: p.residentId }, p.name)}>
                {inPool ? t('testing.sampling.inPool') : t('testing.sampling.add')}
              </Button>,
            ]}
          >
            <List.Item.Meta title={p.name} description={p.detail} />
          </List.Item>
        );
      }}
    />
  );
}

function ById({ online, onAdd, members }: { online: boolean; onAdd: AddFn; members: PoolMember[] }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const lookup = useResidentLookup();
  const id = value.trim().toUpperCase();
  const valid = ID_NUMBER.test(id);
  const find = () => valid && lookup.mutate(id);
  const found: Candidate[] = (lookup.data ?? []).flatMap((r) =>
    r.id ? [{ residentId: r.id, name: r.name ?? '', detail: [r.idNumber, r.phone].filter(Boolean).join(' · ') }] : [],
  );
  return (
    <div>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="large"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={find}
          placeholder={t('testing.sampling.idPlaceholder')}
          aria-label={t('testing.sampling.idPlaceholder')}
          autoComplete="off"
          maxLength={18}
        />
        {online ? (
          <Button size="large" type="primary" icon={<SearchOutlined />} disabled={!valid} loading={lookup.isPending} onClick={find}>
            {t('testing.sampling.find')}
          </Button>
        ) : (
          <Button
            size="large"
            type="primary"
            disabled={!valid}
            onClick={() => void onAdd({ idType: 'MAINLAND_ID', idNumber: id }, `${id.slice(0, 6)}********${id.slice(14)}`).then(() => setValue(''))}
          >
            {t('testing.sampling.addOffline')}
          </Button>
        )}
      </Space.Compact>
      {lookup.error && <ProblemAlert error={lookup.error} />}
      {lookup.data && found.length === 0 && <Empty description={t('testing.sampling.notFound')} />}
      <CandidateList people={found} members={members} onAdd={onAdd} />
    </div>
  );
}

function ByHousehold({ online, onAdd, members }: { online: boolean; onAdd: AddFn; members: PoolMember[] }) {
  const { t } = useTranslation();
  const [door, setDoor] = useState('');
  const [householdId, setHouseholdId] = useState<string>();
  const households = useHouseholdsByDoor(door.trim());
  const residents = useHouseholdMembers(householdId);
  const list = households.data ?? [];
  const people: Candidate[] = householdId ? (residents.data ?? []).flatMap((r) => (r.id ? [{ residentId: r.id, name: r.name ?? '', detail: r.relation }] : [])) : [];
  if (!online) return <Typography.Paragraph type="secondary">{t('testing.sampling.householdOffline')}</Typography.Paragraph>;
  return (
    <div>
      <Input
        size="large"
        allowClear
        value={door}
        onChange={(e) => {
          setDoor(e.target.value);
          setHouseholdId(undefined);
        }}
        placeholder={t('testing.sampling.doorPlaceholder')}
        aria-label={t('testing.sampling.doorPlaceholder')}
      />
      <Select
        size="large"
        style={{ width: '100%', marginTop: 8 }}
        aria-label={t('testing.sampling.household')}
        placeholder={t('testing.sampling.household')}
        loading={households.isPending}
        value={householdId}
        onChange={setHouseholdId}
        options={list.map((h) => ({ value: h.id ?? '', label: [h.doorNumber, h.contactName].filter(Boolean).join(' · ') }))}
      />
      {householdId && <CandidateList people={people} members={members} onAdd={onAdd} />}
    </div>
  );
}

function AsVisitor({ onAdd }: { onAdd: AddFn }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string; phone?: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => {
        // cleared at once: the next visitor can be typed while this one is being sent
        form.resetFields();
        void onAdd({ visitor: { name: v.name.trim(), phone: v.phone?.trim() || undefined } }, v.name.trim());
      }}
    >
      <Form.Item name="name" label={t('testing.sampling.visitorName')} rules={[{ required: true, whitespace: true, message: t('testing.sampling.visitorNameRequired') }]}>
        <Input size="large" maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('testing.sampling.visitorPhone')}>
        <Input size="large" inputMode="tel" maxLength={30} autoComplete="off" />
      </Form.Item>
      <Button type="primary" size="large" htmlType="submit" block>
        {t('testing.sampling.add')}
      </Button>
    </Form>
  );
}
