import { useState } from 'react';
import { Alert, Button, Card, Collapse, Empty, Form, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { SearchOutlined, SwapOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useOnline } from '../../../components/OfflineBanner';
import type { FlushReport } from '../../../lib/offline';
import { useCheckpoints } from '../../../lib/api/checkpoints';
import {
  usePeopleSearch,
  useTemperatureQueue,
  type CheckInput,
  type Person,
  type VisitorInput,
} from '../api/temperature';
import { HomeOrderBanner } from './HomeOrderBanner';
import { QueueStatus } from './QueueStatus';
import { TemperaturePad, isFever } from '../../../components/temperature-pad/TemperaturePad';
import '../temperature.css';

interface SavedCheckpoint {
  id: string;
  name: string;
}

/** The checkpoint is picked once per device and user, and remembered (also offline, after a reload). */
const checkpointKey = (sub: string | undefined) => `gg.checkpoint.${sub ?? 'anonymous'}`;
function loadCheckpoint(sub: string | undefined): SavedCheckpoint | undefined {
  try {
    const raw = window.localStorage.getItem(checkpointKey(sub));
    return raw ? (JSON.parse(raw) as SavedCheckpoint) : undefined;
  } catch {
    return undefined;
  }
}

type Direction = NonNullable<CheckInput['direction']>;
type Mode = 'resident' | 'visitor';
const DOC_TYPES = ['MAINLAND_ID', 'PASSPORT', 'HK_MACAU_PERMIT', 'TAIWAN_PERMIT'] as const;
const ID_NUMBER = /^\d{17}[\dXx]$/;

interface LastEntry {
  id: string;
  personName: string;
  temperature: number;
  fever: boolean;
  /** Set once the server answered for it. */
  sent: boolean;
  alertId?: string;
}

/**
 * Checkpoint mode: pick the checkpoint once, find the person, tap the temperature. Every reading
 * goes into the offline queue with its own id first, and the queue is sent right away when the
 * network is there: one path, online or not.
 */
export function CheckpointPage() {
  const { t } = useTranslation();
  const sub = useAuth().user?.profile.sub;
  const online = useOnline();
  const queue = useTemperatureQueue();
  const checkpoints = useCheckpoints('visible', { staleTime: 10 * 60_000 });
  const [checkpoint, setCheckpoint] = useState<SavedCheckpoint | undefined>(() => loadCheckpoint(sub));
  const [picking, setPicking] = useState(false);
  const [direction, setDirection] = useState<Direction>('IN');
  const [mode, setMode] = useState<Mode>('resident');
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<Person[]>();
  const [person, setPerson] = useState<Person>();
  const [visitorForm] = Form.useForm<VisitorInput>();
  const visitorName = Form.useWatch('name', visitorForm);
  const [last, setLast] = useState<LastEntry>();
  const search = usePeopleSearch(checkpoint?.id);

  const pickCheckpoint = (id: string) => {
    const c = checkpoints.data?.find((x) => x.id === id);
    if (!c?.id) return;
    const saved = { id: c.id, name: [c.code, c.name].filter(Boolean).join(' ') };
    window.localStorage.setItem(checkpointKey(sub), JSON.stringify(saved));
    setCheckpoint(saved);
    setPicking(false);
    setPeople(undefined);
    setPerson(undefined);
  };

  const find = (body: Parameters<typeof search.mutate>[0]) =>
    search.mutate(body, {
      onSuccess: (found) => {
        setPeople(found);
        setPerson(found.length === 1 ? found[0] : undefined);
      },
    });
  const findByText = () => {
    const q = query.trim();
    if (!q) return;
    find(ID_NUMBER.test(q) ? { idNumber: q.toUpperCase() } : { name: q });
  };

  // a person under a home order must not go out: no way out is recorded for them, only the attempt (the banner)
  const underOrder = mode === 'resident' && Boolean(person?.quarantine);
  const ready =
    Boolean(checkpoint) && (mode === 'resident' ? Boolean(person) && !(underOrder && direction === 'OUT') : Boolean(visitorName?.trim()));

  const record = async (temperature: number) => {
    if (!queue || !checkpoint) return;
    const id = crypto.randomUUID();
    let payload: CheckInput;
    let personName: string;
    if (mode === 'resident') {
      if (!person) return;
      payload = { id, source: 'GATE', checkpointId: checkpoint.id, direction, measuredAt: new Date().toISOString(), temperature, residentId: person.residentId };
      personName = person.name;
    } else {
      const v = visitorForm.getFieldsValue();
      const visitor: VisitorInput = {
        name: v.name?.trim(),
        documentType: v.documentNumber?.trim() ? v.documentType ?? 'MAINLAND_ID' : undefined,
        documentNumber: v.documentNumber?.trim() || undefined,
        phone: v.phone?.trim() || undefined,
        fromPlace: v.fromPlace?.trim() || undefined,
        reason: v.reason?.trim() || undefined,
      };
      payload = { id, source: 'GATE', checkpointId: checkpoint.id, direction, measuredAt: new Date().toISOString(), temperature, visitor };
      personName = visitor.name ?? '';
    }
    await queue.enqueue(payload, { personName, checkpointName: checkpoint.name });
    setLast({ id, personName, temperature, fever: isFever(temperature), sent: false });
    if (mode === 'resident') setPerson(undefined);
    else visitorForm.resetFields();
    if (navigator.onLine) {
      const report: FlushReport = await queue.flush();
      const outcome = report.results.get(id);
      if (outcome && outcome.status !== 'REJECTED') {
        setLast((l) => (l?.id === id ? { ...l, sent: true, alertId: outcome.alertId } : l));
      }
    }
  };

  if (!checkpoint || picking) {
    return (
      <div className="gg-checkpoint">
        <Typography.Title level={2}>{t('temperature.title')}</Typography.Title>
        {checkpoints.error && <ProblemAlert error={checkpoints.error} onRetry={() => void checkpoints.refetch()} />}
        <Card title={t('temperature.checkpoint.pick')}>
          {checkpoints.data?.length === 0 && <Empty description={t('temperature.checkpoint.none')} />}
          <List
            loading={checkpoints.isPending && !checkpoints.error}
            dataSource={checkpoints.data ?? []}
            rowKey={(c) => c.id ?? ''}
            renderItem={(c) => (
              <List.Item>
                <Button block size="large" className="gg-big-choice" onClick={() => pickCheckpoint(c.id ?? '')}>
                  {c.code} {c.name} {c.guardsNodeName ? `· ${c.guardsNodeName}` : ''}
                </Button>
              </List.Item>
            )}
          />
          <Typography.Text type="secondary">{t('temperature.checkpoint.remembered')}</Typography.Text>
        </Card>
      </div>
    );
  }

  return (
    <div className="gg-checkpoint">
      <div className="gg-checkpoint-head">
        <Typography.Title level={2}>{t('temperature.title')}</Typography.Title>
        <Space wrap>
          <Tag color="blue" className="gg-checkpoint-tag" data-testid="checkpoint-current">
            {checkpoint.name}
          </Tag>
          <Button icon={<SwapOutlined />} onClick={() => setPicking(true)}>
            {t('temperature.checkpoint.change')}
          </Button>
        </Space>
      </div>

      <QueueStatus queue={queue} />

      {last && (
        <Alert
          className={last.fever ? 'gg-fever' : undefined}
          data-testid={last.fever ? 'last-fever' : 'last-recorded'}
          type={last.fever ? 'error' : 'success'}
          showIcon
          title={
            last.fever
              ? t('temperature.result.fever', { temperature: last.temperature.toFixed(1), name: last.personName })
              : t('temperature.result.recorded', { temperature: last.temperature.toFixed(1), name: last.personName })
          }
          description={
            <Space orientation="vertical" size={0}>
              {last.fever && (last.sent ? <span>{t('temperature.result.alertOpened')}</span> : <span>{t('temperature.result.alertQueued')}</span>)}
              <span>{last.sent ? t('temperature.result.sent') : t('temperature.result.queued')}</span>
              {last.alertId && <Link to={`/alerts?id=${last.alertId}`}>{t('temperature.result.openAlert')}</Link>}
            </Space>
          }
        />
      )}

      <Space wrap className="gg-checkpoint-modes">
        <Segmented<Direction>
          size="large"
          aria-label={t('temperature.direction.label')}
          value={direction}
          onChange={setDirection}
          options={[
            { value: 'IN', label: t('temperature.direction.IN') },
            { value: 'OUT', label: t('temperature.direction.OUT') },
          ]}
        />
        <Segmented<Mode>
          size="large"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'resident', label: t('temperature.mode.resident') },
            { value: 'visitor', label: t('temperature.mode.visitor') },
          ]}
        />
      </Space>

      {mode === 'resident' ? (
        <Card size="small" className="gg-person">
          <Space.Compact style={{ width: '100%' }}>
            <Input
              size="large"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onPressEnter={findByText}
              placeholder={t('temperature.search.placeholder')}
              aria-label={t('temperature.search.placeholder')}
              autoComplete="off"
            />
            <Button size="large" type="primary" icon={<SearchOutlined />} loading={search.isPending} disabled={!online} onClick={findByText}>
              {t('temperature.search.button')}
            </Button>
          </Space.Compact>
          {!online && <Typography.Paragraph type="secondary">{t('temperature.search.offline')}</Typography.Paragraph>}
          {search.error && <ProblemAlert error={search.error} />}
          {people && people.length === 0 && <Empty description={t('temperature.search.empty')} />}
          {people && people.length > 0 && (
            <List
              dataSource={people}
              rowKey="residentId"
              renderItem={(p) => (
                <List.Item
                  className={p.residentId === person?.residentId ? 'gg-person-row gg-person-selected' : 'gg-person-row'}
                  data-testid="person"
                  actions={[
                    <Button key="hh" type="link" disabled={!online} onClick={() => find({ householdId: p.householdId })}>
                      {t('temperature.search.household')}
                    </Button>,
                  ]}
                >
                  <button type="button" className="gg-person-pick" onClick={() => setPerson(p)} aria-pressed={p.residentId === person?.residentId}>
                    <span className="gg-person-name">{p.name}</span>
                    {p.quarantine && <Tag color="red">{t('temperature.search.underOrder')}</Tag>}
                    {p.underWatch && <Tag color="orange">{t('temperature.search.underWatch')}</Tag>}
                    <span className="gg-person-sub">
                      {[p.doorLabel, p.idNumberMasked].filter(Boolean).join(' · ')}
                    </span>
                  </button>
                </List.Item>
              )}
            />
          )}
        </Card>
      ) : (
        <Card size="small" className="gg-person">
          <Form form={visitorForm} layout="vertical" requiredMark={false} initialValues={{ documentType: 'MAINLAND_ID' }}>
            <Form.Item name="name" label={t('temperature.visitor.name')} rules={[{ required: true, whitespace: true, message: t('temperature.visitor.nameRequired') }]}>
              <Input size="large" autoComplete="off" maxLength={100} />
            </Form.Item>
            <Form.Item name="phone" label={t('temperature.visitor.phone')}>
              <Input size="large" inputMode="tel" autoComplete="off" maxLength={30} />
            </Form.Item>
            {/* The rest is optional: folded so that the pad stays within a thumb's reach on a phone. */}
            <Collapse
              ghost
              size="small"
              items={[
                {
                  key: 'more',
                  label: t('temperature.visitor.more'),
                  forceRender: true,
                  children: (
                    <>
                      <Space.Compact style={{ width: '100%' }}>
                        <Form.Item name="documentType" label={t('temperature.visitor.documentType')} style={{ width: '40%' }}>
                          <Select size="large" options={DOC_TYPES.map((d) => ({ value: d, label: t(`docTypes.${d}`) }))} />
                        </Form.Item>
                        <Form.Item name="documentNumber" label={t('temperature.visitor.documentNumber')} style={{ width: '60%' }}>
                          <Input size="large" autoComplete="off" maxLength={40} />
                        </Form.Item>
                      </Space.Compact>
                      <Form.Item name="fromPlace" label={t('temperature.visitor.fromPlace')}>
                        <Input size="large" maxLength={200} />
                      </Form.Item>
                      <Form.Item name="reason" label={t('temperature.visitor.reason')}>
                        <Input size="large" maxLength={200} />
                      </Form.Item>
                    </>
                  ),
                },
              ]}
            />
          </Form>
        </Card>
      )}

      {person && mode === 'resident' && (
        <Typography.Text strong className="gg-selected" data-testid="person-selected">
          {t('temperature.person.selected', { name: person.name })}
        </Typography.Text>
      )}
      {person?.quarantine && mode === 'resident' && (
        <HomeOrderBanner key={`${person.residentId}:${person.quarantine.orderId}`} order={person.quarantine} checkpointId={checkpoint.id} />
      )}
      {underOrder && direction === 'OUT' && <Typography.Text type="danger">{t('temperature.homeOrder.noOut')}</Typography.Text>}
      {!ready && !underOrder && <Typography.Text type="secondary">{mode === 'resident' ? t('temperature.person.pickFirst') : t('temperature.visitor.fillFirst')}</Typography.Text>}
      <TemperaturePad disabled={!ready || !queue} onRecord={(v) => void record(v)} />
    </div>
  );
}
