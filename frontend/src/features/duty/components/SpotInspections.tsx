import { App, Button, Card, Flex, Form, Input, InputNumber, Select, Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCheckpoints } from '../../../lib/api/checkpoints';
import { useInspections, useRecordInspection, type Inspection } from '../api/duty';
import { TAG_COLOR } from './tagColors';

interface Values {
  checkpointId: string;
  present: number;
  staffed: boolean;
  note?: string;
}

/** Leaders' twice-daily spot inspections: record one (post, people present, findings), see today's. */
export function SpotInspections({ areaId }: { areaId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const today = dayjs().format('YYYY-MM-DD');
  const checkpoints = useCheckpoints({ areaId }, { limit: 200 });
  const list = useInspections(areaId, today);
  const record = useRecordInspection();
  const options = (checkpoints.data ?? []).map((c) => ({ value: c.id ?? '', label: `${c.code ?? ''} ${c.name ?? ''}` }));

  async function onFinish(v: Values) {
    try {
      await record.mutateAsync({ checkpointId: v.checkpointId, present: v.present, staffed: v.staffed, note: v.note || undefined });
      void message.success(t('duty.inspect.saved'));
      form.resetFields();
    } catch {
      // shown below
    }
  }

  return (
    <Flex vertical gap="middle">
      <Card size="small" title={t('duty.inspect.record')}>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ present: 1, staffed: true }}
          onValuesChange={(changed: Partial<Values>) => {
            if (changed.present !== undefined) form.setFieldValue('staffed', (changed.present ?? 0) > 0);
          }}
          onFinish={(v) => void onFinish(v)}
        >
          <Form.Item name="checkpointId" label={t('duty.board.post')} rules={[{ required: true, message: t('duty.inspect.postRequired') }]}>
            <Select showSearch optionFilterProp="label" options={options} loading={checkpoints.isPending} aria-label={t('duty.board.post')} />
          </Form.Item>
          <Flex gap="large" wrap>
            <Form.Item name="present" label={t('duty.inspect.present')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="staffed" label={t('duty.inspect.staffed')} valuePropName="checked">
              <Switch checkedChildren={t('duty.inspect.yes')} unCheckedChildren={t('duty.inspect.no')} />
            </Form.Item>
          </Flex>
          <Form.Item name="note" label={t('duty.inspect.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          {record.error && <ProblemAlert error={record.error} />}
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {t('duty.inspect.submit')}
          </Button>
        </Form>
      </Card>
      {list.error && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Inspection>
        size="small"
        loading={list.isPending}
        rowKey={(i) => i.id ?? ''}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        caption={
          <Typography.Text strong data-testid="duty-inspections-today">
            {t('duty.inspect.today', { count: (list.data ?? []).length })}
          </Typography.Text>
        }
        columns={[
          { key: 'time', title: t('duty.inspect.time'), render: (_, i) => dayjs(i.inspectedAt).format('HH:mm') },
          { key: 'post', title: t('duty.board.post'), dataIndex: 'checkpointCode' },
          { key: 'present', title: t('duty.inspect.present'), dataIndex: 'present' },
          {
            key: 'staffed',
            title: t('duty.inspect.staffed'),
            render: (_, i) => <Tag color={i.staffed ? TAG_COLOR.green : TAG_COLOR.red}>{i.staffed ? t('duty.inspect.yes') : t('duty.inspect.no')}</Tag>,
          },
          { key: 'note', title: t('duty.inspect.note'), dataIndex: 'note' },
          { key: 'by', title: t('duty.inspect.by'), dataIndex: 'inspector' },
        ]}
      />
    </Flex>
  );
}
