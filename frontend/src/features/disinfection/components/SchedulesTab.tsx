import { useState } from 'react';
import { App, Button, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { showProblemOnForm } from '../../../lib/forms/problemOnForm';
import { useChangeSchedule, useCreateSchedule, useDeactivateSchedule, useSchedules, type Schedule } from '../api/disinfection';
import { parseTimes } from '../roundRules';
import { PlacePicker, splitPlace } from './PlacePicker';

interface Values {
  place?: string;
  times: string;
  toleranceMinutes: number;
}

/** New schedule (editing: null) or the schedule being changed. */
function ScheduleModal({ editing, onClose }: { editing: Schedule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateSchedule();
  const change = useChangeSchedule();
  const [key] = useState(() => crypto.randomUUID());
  const submit = async (v: Values) => {
    const times = parseTimes(v.times);
    if (!times) {
      form.setFields([{ name: 'times', errors: [t('disinfection.schedules.badTimes')] }]);
      return;
    }
    try {
      if (editing) await change.mutateAsync({ schedule: editing, body: { times, toleranceMinutes: v.toleranceMinutes } });
      else await create.mutateAsync({ key, body: { ...splitPlace(v.place ?? ''), times, toleranceMinutes: v.toleranceMinutes } });
      onClose();
    } catch (e) {
      showProblemOnForm(form, e, ['times', 'toleranceMinutes']);
      if (!(e as { errors?: unknown[] }).errors?.length) form.setFields([{ name: editing ? 'times' : 'place', errors: [(e as Error).message] }]);
    }
  };
  return (
    <Modal open title={editing ? editing.placeName : t('disinfection.schedules.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending || change.isPending} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ times: (editing?.times ?? ['08:00', '16:00']).join(', '), toleranceMinutes: editing?.toleranceMinutes ?? 60 }}
        onFinish={(v) => void submit(v)}
      >
        {!editing && (
          <Form.Item name="place" label={t('disinfection.form.place')} rules={[{ required: true, message: t('disinfection.form.problems.required') }]}>
            <PlacePicker size="middle" />
          </Form.Item>
        )}
        <Form.Item name="times" label={t('disinfection.schedules.times')} extra={t('disinfection.schedules.timesHelp')} rules={[{ required: true, message: t('disinfection.form.problems.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="toleranceMinutes" label={t('disinfection.schedules.tolerance')} rules={[{ required: true, message: t('disinfection.form.problems.required') }]}>
          <InputNumber min={5} max={240} suffix={t('disinfection.schedules.minutes')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The schedules in reach; leaders and supervisors create, change and deactivate them. */
export function SchedulesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [inactive, setInactive] = useState(false);
  const [editing, setEditing] = useState<Schedule | null | undefined>();
  const schedules = useSchedules(inactive);
  const deactivate = useDeactivateSchedule();
  const actions = (s: Schedule) =>
    canManage &&
    s.active && (
      <Space>
        <Button size="small" onClick={() => setEditing(s)}>
          {t('disinfection.schedules.edit')}
        </Button>
        <Popconfirm
          title={t('disinfection.schedules.deactivateConfirm')}
          onConfirm={() => void deactivate.mutateAsync(s).catch((e: Error) => void message.error(e.message))}
        >
          <Button size="small" danger>
            {t('disinfection.schedules.deactivate')}
          </Button>
        </Popconfirm>
      </Space>
    );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canManage && (
          <Button type="primary" onClick={() => setEditing(null)}>
            {t('disinfection.schedules.new')}
          </Button>
        )}
        <Checkbox checked={inactive} onChange={(e) => setInactive(e.target.checked)}>
          {t('disinfection.schedules.includeInactive')}
        </Checkbox>
      </Space>
      {schedules.error && <ProblemAlert error={schedules.error} onRetry={() => void schedules.refetch()} />}
      <Table<Schedule>
        rowKey="id"
        size="small"
        loading={schedules.isLoading}
        dataSource={schedules.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('disinfection.columns.place'), dataIndex: 'placeName', key: 'place' },
          { title: t('disinfection.schedules.times'), key: 'times', render: (_: unknown, s: Schedule) => s.times.join(' · ') },
          { title: t('disinfection.schedules.tolerance'), key: 'tol', render: (_: unknown, s: Schedule) => `±${s.toleranceMinutes} ${t('disinfection.schedules.minutes')}` },
          {
            title: '',
            key: 'state',
            render: (_: unknown, s: Schedule) => (s.active ? <Tag color="green">{t('disinfection.schedules.active')}</Tag> : <Tag>{t('disinfection.schedules.inactive')}</Tag>),
          },
          { title: '', key: 'actions', render: (_: unknown, s: Schedule) => actions(s) },
        ]}
      />
      <LoadMoreButton pages={schedules} />
      {editing !== undefined && <ScheduleModal editing={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
