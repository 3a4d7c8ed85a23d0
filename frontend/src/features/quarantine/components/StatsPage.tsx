import { useState } from 'react';
import { Card, DatePicker, Space, Table, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { mapAreaTree, useAreaTree } from '../../../lib/api/areaTree';
import { KINDS, useQuarantineMetrics, type MetricsFigures } from '../api/quarantine';
import { Chart } from './Chart';
import { kindText } from './labels';
import { QuarantineTabs } from './QuarantineTabs';

interface AreaItem {
  value: string;
  title: string;
  children: AreaItem[];
}

const COUNTS = ['started', 'released', 'hospital', 'visitsDue', 'visitsDone', 'visitsMissed', 'fevers', 'symptoms', 'breaches'] as const;

/** The daily report's figures: active orders by kind per day, moves, visits, fevers and breaches. */
export function StatsPage() {
  const { t } = useTranslation();
  const [areaId, setAreaId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(6, 'day'), dayjs()]);
  const metrics = useQuarantineMetrics({ areaId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
  const tree = useAreaTree();
  const areas = mapAreaTree<AreaItem>(tree.data ?? [], (n, children) => ({ value: n.id, title: n.name ?? n.code ?? '', children }));
  const days = metrics.data?.days ?? [];
  const categories = days.map((d) => d.date.slice(5));
  const totals: MetricsFigures | undefined = metrics.data?.totals;

  return (
    <section className="gg-page gg-quarantine" aria-labelledby="stats-title">
      <Typography.Title level={2} id="stats-title">
        {t('quarantineDesk.title')}
      </Typography.Title>
      <QuarantineTabs />
      <Space wrap>
        <TreeSelect allowClear placeholder={t('quarantineDesk.order.area')} aria-label={t('quarantineDesk.order.area')} value={areaId} onChange={(v: string | undefined) => setAreaId(v)} treeData={areas} style={{ minWidth: 200 }} />
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          aria-label={t('quarantineDesk.filters.dates')}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
      </Space>
      {metrics.error && <ProblemAlert error={metrics.error} onRetry={() => void metrics.refetch()} />}
      <Card title={t('quarantineDesk.stats.activeByKind')} loading={metrics.isPending}>
        <Chart
          ariaLabel={t('quarantineDesk.stats.activeByKind')}
          categories={categories}
          series={KINDS.map((k) => ({ name: kindText(t, k), values: days.map((d) => d.active[k] ?? 0) }))}
        />
      </Card>
      <Card title={t('quarantineDesk.stats.moves')} loading={metrics.isPending}>
        <Chart
          ariaLabel={t('quarantineDesk.stats.moves')}
          categories={categories}
          series={(['started', 'released', 'hospital'] as const).map((k) => ({ name: t(`quarantineDesk.stats.${k}`), values: days.map((d) => d[k]) }))}
        />
      </Card>
      <Card title={t('quarantineDesk.stats.table')}>
        <Table
          rowKey="date"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={[...days, ...(totals ? [{ ...totals, date: t('quarantineDesk.stats.total') }] : [])]}
          columns={[
            { title: t('quarantineDesk.stats.date'), dataIndex: 'date', fixed: 'left' },
            ...KINDS.map((k) => ({ title: kindText(t, k), key: k, render: (_: unknown, d: MetricsFigures) => d.active[k] ?? 0 })),
            ...COUNTS.map((k) => ({ title: t(`quarantineDesk.stats.${k}`), dataIndex: k })),
          ]}
        />
      </Card>
    </section>
  );
}
