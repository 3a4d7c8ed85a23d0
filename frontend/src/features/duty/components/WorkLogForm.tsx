import { App, Button, DatePicker, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCreateWorkLog } from '../api/duty';

interface Values {
  workDate: Dayjs;
  description: string;
  hours: number;
  householdsPhoned?: number;
  householdsVisited?: number;
}

/** 日志填报: what was done today, how long, and the figures. */
export function WorkLogForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateWorkLog();

  async function onFinish(v: Values) {
    await create.mutateAsync({
      workDate: v.workDate.format('YYYY-MM-DD'),
      description: v.description,
      hours: v.hours,
      householdsPhoned: v.householdsPhoned ?? 0,
      householdsVisited: v.householdsVisited ?? 0,
    });
    void message.success(t('duty.log.saved'));
    form.resetFields();
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      size="large"
      initialValues={{ workDate: dayjs() }}
      onFinish={(v) => void onFinish(v).catch(() => undefined)}
    >
      <Form.Item name="workDate" label={t('duty.log.date')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
      <Form.Item name="description" label={t('duty.log.description')} rules={[{ required: true, message: t('duty.log.descriptionRequired') }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="hours" label={t('duty.log.hours')} rules={[{ required: true, message: t('duty.log.hoursRequired') }]}>
        <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="householdsPhoned" label={t('duty.log.phoned')}>
        <InputNumber min={0} max={100000} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="householdsVisited" label={t('duty.log.visited')}>
        <InputNumber min={0} max={100000} style={{ width: '100%' }} />
      </Form.Item>
      {create.error && <ProblemAlert error={create.error} />}
      <Button type="primary" htmlType="submit" block size="large" className="gg-duty-big" loading={create.isPending}>
        {t('duty.log.submit')}
      </Button>
    </Form>
  );
}
