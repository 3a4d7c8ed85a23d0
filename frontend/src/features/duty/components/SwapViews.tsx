import { useState } from 'react';
import { App, Button, Empty, Flex, Form, Input, List, Modal, Select, Skeleton, Tag, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useDutyPeople, useRequestSwap, useSwapStep, useSwaps, useVisiblePeople, type DutyPerson, type Shift, type Swap, type SwapStep } from '../api/duty';
import { RuleViolations } from './RuleViolations';
import { timeRange } from './shiftUtils';
import { TAG_COLOR } from './tagColors';

const STATE_COLOR: Record<string, string> = { REQUESTED: TAG_COLOR.gold, ACCEPTED: TAG_COLOR.blue, APPROVED: TAG_COLOR.green };

/** "CP-01 东门 · 11-24 08:00–16:00: 张三 → 李四" */
function SwapLine({ swap }: { swap: Swap }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>
        <span className="gg-code">{swap.checkpointCode}</span> {swap.checkpointName} · {dayjs(swap.startsAt).format('MM-DD')}{' '}
        {dayjs(swap.startsAt).format('HH:mm')}–{dayjs(swap.endsAt).format('HH:mm')}
      </Typography.Text>
      <Typography.Text>
        {t('duty.swap.from', { from: swap.personName, to: swap.otherPersonName })}
        {swap.otherStartsAt ? ` · ${t('duty.swap.exchange', { time: dayjs(swap.otherStartsAt).format('MM-DD HH:mm') })}` : ''}
      </Typography.Text>
      {swap.reason && <Typography.Text type="secondary">{swap.reason}</Typography.Text>}
    </Flex>
  );
}

function StateTag({ swap }: { swap: Swap }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[swap.state]} data-testid="duty-swap-state">
      {t(`duty.swap.states.${swap.state}`)}
    </Tag>
  );
}

/** One step (accept, approve, reject) per button, the refusal shown on the swap it concerns. */
function useSteps() {
  const step = useSwapStep();
  const [errors, setErrors] = useState<Record<string, unknown>>({});
  const [busy, setBusy] = useState<string>();
  async function run(id: string, s: SwapStep) {
    setErrors((e) => ({ ...e, [id]: undefined }));
    setBusy(`${id}:${s}`);
    try {
      await step.mutateAsync({ id, step: s });
    } catch (err) {
      setErrors((e) => ({ ...e, [id]: err }));
    } finally {
      setBusy(undefined);
    }
  }
  return { run, errors, busy };
}

/** From "my shifts": ask someone else to take one of my shifts. */
export function SwapRequestButton({ shift, me }: { shift: Shift; me: DutyPerson }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ otherPersonId: string; reason?: string }>();
  const people = useVisiblePeople();
  const request = useRequestSwap();
  const options = (people.data ?? []).filter((p) => p.id !== me.id && p.active !== false).map((p) => ({ value: p.id ?? '', label: `${p.name ?? ''} · ${p.unit ?? ''}` }));

  async function submit(v: { otherPersonId: string; reason?: string }) {
    try {
      await request.mutateAsync({ shiftId: shift.id ?? '', personId: me.id ?? '', otherPersonId: v.otherPersonId, reason: v.reason || undefined });
      void message.success(t('duty.swap.requested'));
      setOpen(false);
      form.resetFields();
    } catch {
      // shown in the dialog
    }
  }

  return (
    <>
      <Button icon={<SwapOutlined />} onClick={() => setOpen(true)}>
        {t('duty.swap.ask')}
      </Button>
      <Modal
        open={open}
        title={t('duty.swap.askTitle', { post: shift.checkpointCode, time: `${dayjs(shift.startsAt).format('MM-DD')} ${timeRange(shift)}` })}
        okText={t('duty.swap.send')}
        cancelText={t('common.cancel')}
        confirmLoading={request.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="otherPersonId" label={t('duty.swap.whom')} rules={[{ required: true, message: t('duty.swap.whomRequired') }]}>
            <Select showSearch optionFilterProp="label" options={options} loading={people.isPending} aria-label={t('duty.swap.whom')} />
          </Form.Item>
          <Form.Item name="reason" label={t('duty.swap.reason')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
        {request.error && <ProblemAlert error={request.error} />}
      </Modal>
    </>
  );
}

/** A worker's swaps: requests to them (accept or decline) and their own requests with where they stand. */
export function MySwaps({ me }: { me: DutyPerson | null | undefined }) {
  const { t } = useTranslation();
  const swaps = useSwaps();
  const { run, errors, busy } = useSteps();
  if (swaps.error) return <ProblemAlert error={swaps.error} onRetry={() => void swaps.refetch()} />;
  if (swaps.isPending) return <Skeleton active />;
  const mine = swaps.data.filter((s) => me && (s.personId === me.id || s.otherPersonId === me.id));
  if (mine.length === 0) return <Empty description={t('duty.swap.none')} />;
  return (
    <List
      dataSource={mine}
      rowKey={(s) => s.id}
      renderItem={(s) => {
        const askedOfMe = s.otherPersonId === me?.id && s.state === 'REQUESTED';
        return (
          <List.Item data-testid="duty-swap" data-swap-id={s.id}>
            <Flex vertical gap="small" style={{ width: '100%' }}>
              <Flex justify="space-between" align="start" gap="small">
                <SwapLine swap={s} />
                <StateTag swap={s} />
              </Flex>
              {askedOfMe && (
                <Flex gap="small">
                  <Button type="primary" loading={busy === `${s.id}:accept`} onClick={() => void run(s.id, 'accept')}>
                    {t('duty.swap.accept')}
                  </Button>
                  <Button danger loading={busy === `${s.id}:reject`} onClick={() => void run(s.id, 'reject')}>
                    {t('duty.swap.decline')}
                  </Button>
                </Flex>
              )}
              {errors[s.id] !== undefined && <ProblemAlert error={errors[s.id]} />}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}

const PENDING = ['REQUESTED', 'ACCEPTED'];

/** Leaders: pending swaps first; approve the accepted ones (the rules are checked then) or reject. */
export function SwapApprovals({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const swaps = useSwaps();
  const people = useDutyPeople(areaId);
  const { run, errors, busy } = useSteps();
  if (swaps.error) return <ProblemAlert error={swaps.error} onRetry={() => void swaps.refetch()} />;
  if (swaps.isPending) return <Skeleton active />;
  if (swaps.data.length === 0) return <Empty description={t('duty.swap.none')} />;
  const list = [...swaps.data].sort((a, b) => Number(PENDING.includes(b.state)) - Number(PENDING.includes(a.state)));
  const withoutLogin = (personId: string) => (people.data ?? []).some((p) => p.id === personId && !p.username);
  return (
    <List
      dataSource={list}
      rowKey={(s) => s.id}
      renderItem={(s) => (
        <List.Item data-testid="duty-swap" data-swap-id={s.id}>
          <Flex vertical gap="small" style={{ width: '100%' }}>
            <Flex justify="space-between" align="start" gap="small">
              <SwapLine swap={s} />
              <StateTag swap={s} />
            </Flex>
            {s.state === 'REQUESTED' && <Typography.Text type="secondary">{t('duty.swap.waiting', { name: s.otherPersonName })}</Typography.Text>}
            {PENDING.includes(s.state) && (
              <Flex gap="small" wrap>
                {s.state === 'ACCEPTED' && (
                  <Button type="primary" loading={busy === `${s.id}:approve`} onClick={() => void run(s.id, 'approve')}>
                    {t('duty.swap.approve')}
                  </Button>
                )}
                {s.state === 'REQUESTED' && withoutLogin(s.otherPersonId) && (
                  <Button loading={busy === `${s.id}:accept`} onClick={() => void run(s.id, 'accept')}>
                    {t('duty.swap.acceptFor', { name: s.otherPersonName })}
                  </Button>
                )}
                <Button danger loading={busy === `${s.id}:reject`} onClick={() => void run(s.id, 'reject')}>
                  {t('duty.swap.reject')}
                </Button>
              </Flex>
            )}
            {errors[s.id] !== undefined && <RuleViolations error={errors[s.id]} />}
          </Flex>
        </List.Item>
      )}
    />
  );
}
