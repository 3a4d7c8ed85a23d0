import { useState } from 'react';
import { App, Button, DatePicker, Empty, Flex, Form, Input, Modal, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAreaShifts, useCorrectCheckIn, useCorrections, type Shift, type ShiftAssignee } from '../api/duty';
import { timeRange } from './shiftUtils';
import { TAG_COLOR } from './tagColors';

interface Row {
  shift: Shift;
  a: ShiftAssignee;
}

const hm = (v: string | null | undefined) => (v ? dayjs(v).format('MM-DD HH:mm') : '—');

/** A check-in's history of corrections, newest first. */
function History({ checkInId }: { checkInId: string }) {
  const { t } = useTranslation();
  const { data, error, isPending } = useCorrections(checkInId);
  if (error) return <ProblemAlert error={error} />;
  if (isPending) return null;
  if (data.length === 0) return <Typography.Text type="secondary">{t('duty.correct.noHistory')}</Typography.Text>;
  return (
    <Timeline
      data-testid="duty-correction-history"
      items={data.map((c) => ({
        key: c.id,
        content: (
          <>
            <Typography.Text strong>
              {hm(c.correctedAt)} · {c.correctedBy}
            </Typography.Text>
            <br />
            {t('duty.correct.change', { oldIn: hm(c.oldCheckInAt), oldOut: hm(c.oldCheckOutAt), newIn: hm(c.newCheckInAt), newOut: hm(c.newCheckOutAt) })}
            <br />
            <Typography.Text type="secondary">{c.reason}</Typography.Text>
          </>
        ),
      }))}
    />
  );
}

interface Values {
  checkInAt: Dayjs;
  checkOutAt?: Dayjs | null;
  reason: string;
}

function CorrectDialog({ row, onClose }: { row: Row; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const correct = useCorrectCheckIn();
  const checkInId = row.a.checkInId ?? '';

  async function onFinish(v: Values) {
    try {
      await correct.mutateAsync({
        checkInId,
        body: { checkInAt: v.checkInAt.format(), checkOutAt: v.checkOutAt ? v.checkOutAt.format() : undefined, reason: v.reason, version: row.a.checkInVersion ?? undefined },
      });
      void message.success(t('duty.correct.saved'));
      onClose();
    } catch {
      // shown below
    }
  }

  return (
    <Modal
      open
      title={t('duty.correct.title', { name: row.a.name, post: row.shift.checkpointCode, time: timeRange(row.shift) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={correct.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ checkInAt: dayjs(row.a.checkInAt), checkOutAt: row.a.checkOutAt ? dayjs(row.a.checkOutAt) : null }}
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item name="checkInAt" label={t('duty.correct.checkIn')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="checkOutAt" label={t('duty.correct.checkOut')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('duty.correct.reason')} rules={[{ required: true, whitespace: true, message: t('duty.correct.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
      {correct.error && <ProblemAlert error={correct.error} />}
      <Typography.Title level={5}>{t('duty.correct.history')}</Typography.Title>
      <History checkInId={checkInId} />
    </Modal>
  );
}

/** Leaders: a day's check-ins at the area's posts (late arrivals, missing check-outs); correct one with a reason. */
export function CheckInCorrections({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(dayjs());
  const day = date.format('YYYY-MM-DD');
  const shifts = useAreaShifts(areaId, day, day);
  const [editing, setEditing] = useState<Row>();
  const rows: Row[] = (shifts.data ?? []).flatMap((shift) => (shift.assignees ?? []).filter((a) => a.checkInId).map((a) => ({ shift, a })));

  return (
    <Flex vertical gap="middle">
      <Flex gap="small" align="center" wrap>
        <Typography.Text>{t('duty.logs.day')}</Typography.Text>
        <DatePicker value={date} allowClear={false} onChange={(d) => d && setDate(d)} aria-label={t('duty.logs.day')} />
      </Flex>
      {shifts.error && <ProblemAlert error={shifts.error} onRetry={() => void shifts.refetch()} />}
      <Table<Row>
        size="small"
        loading={shifts.isPending}
        rowKey={(r) => r.a.checkInId ?? ''}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('duty.correct.empty')} /> }}
        onRow={() => ({ 'data-testid': 'duty-checkin' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'post', title: t('duty.board.post'), render: (_, r) => `${r.shift.checkpointCode ?? ''} ${timeRange(r.shift)}` },
          { key: 'name', title: t('duty.hours.name'), render: (_, r) => r.a.name },
          {
            key: 'in',
            title: t('duty.correct.checkIn'),
            render: (_, r) => (
              <>
                {hm(r.a.checkInAt)} {r.a.lateMinutes ? <Tag color={TAG_COLOR.orange}>{t('duty.late', { minutes: r.a.lateMinutes })}</Tag> : null}
              </>
            ),
          },
          {
            key: 'out',
            title: t('duty.correct.checkOut'),
            render: (_, r) => (
              <>
                {hm(r.a.checkOutAt)} {r.a.missingCheckOut ? <Tag color={TAG_COLOR.red}>{t('duty.correct.missingOut')}</Tag> : null}
              </>
            ),
          },
          {
            key: 'act',
            title: '',
            render: (_, r) => (
              <Button size="small" onClick={() => setEditing(r)} aria-label={t('duty.correct.correctFor', { name: r.a.name })}>
                {t('duty.correct.correct')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <CorrectDialog row={editing} onClose={() => setEditing(undefined)} />}
    </Flex>
  );
}
