import { useMemo } from 'react';
import { Button, Card, Checkbox, DatePicker, Form, Input, Radio, Select, TimePicker, TreeSelect, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAreaTree } from '../../../lib/api/areaTree';
import { MODES, POOL_SIZES, useCreateRound, type Mode } from '../api/testing';
import { scopeOptions } from './scopeOptions';
import '../testing.css';

interface Values {
  name: string;
  scope: string[];
  roundDate: Dayjs;
  window: [Dayjs, Dayjs];
  modes: Mode[];
  poolSize: number;
  labs: string[];
}

/** The instant of a time of day on the round's date, in the browser's zone. */
export const at = (date: Dayjs, time: Dayjs) => date.hour(time.hour()).minute(time.minute()).second(0).millisecond(0).toISOString();

/** A supervisor opens a round: name, scope, date and window, modes, pool size and labs. It starts planned. */
export function RoundSetupPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tree = useAreaTree();
  const options = useMemo(() => scopeOptions(tree.data ?? []), [tree.data]);
  const create = useCreateRound();
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) =>
    create.mutate(
      {
        name: v.name.trim(),
        scope: v.scope,
        roundDate: v.roundDate.format('YYYY-MM-DD'),
        samplingFrom: at(v.roundDate, v.window[0]),
        samplingTo: at(v.roundDate, v.window[1]),
        modes: v.modes,
        poolSize: v.poolSize,
        labs: v.labs,
      },
      { onSuccess: (r) => void navigate(`/rounds/${r.id}`) },
    );

  return (
    <div className="gg-round-setup">
      <Typography.Title level={2}>{t('testing.rounds.new')}</Typography.Title>
      <Card>
        {create.error && <ProblemAlert error={create.error} />}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ roundDate: dayjs(), window: [dayjs().hour(7).minute(0), dayjs().hour(19).minute(0)], modes: MODES, poolSize: 10, labs: ['lab-demo'] }}
        >
          <Form.Item name="name" label={t('testing.round.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="scope" label={t('testing.round.scope')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <TreeSelect multiple treeData={options} loading={tree.isPending} showSearch={{ treeNodeFilterProp: 'title' }} aria-label={t('testing.round.scope')} />
          </Form.Item>
          <Form.Item name="roundDate" label={t('testing.round.date')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="window" label={t('testing.round.window')} rules={[{ required: true }]}>
            <TimePicker.RangePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
          <Form.Item name="modes" label={t('testing.round.modes')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={MODES.map((m) => ({ value: m, label: t(`testing.mode.${m}`) }))} />
          </Form.Item>
          <Form.Item name="poolSize" label={t('testing.round.poolSize')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={POOL_SIZES.map((n) => ({ value: n, label: t('testing.round.poolOf', { count: n }) }))} />
          </Form.Item>
          <Form.Item name="labs" label={t('testing.round.labs')} extra={t('testing.round.labsHint')}>
            <Select mode="tags" tokenSeparators={[',', ' ']} aria-label={t('testing.round.labs')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('testing.rounds.create')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
