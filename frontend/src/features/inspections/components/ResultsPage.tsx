import { lazy, Suspense, useState } from 'react';
import { Card, DatePicker, Skeleton, Space, Statistic, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { mapAreaTree, useAreaTree } from '../../../lib/api/areaTree';
import { useInspectionMetrics } from '../api/inspections';
import type { TemplateMetrics } from '../api/types';
import '../inspections.css';

const BarChart = lazy(() => import('../../../components/charts/BarChart'));

interface AreaItem {
  value: string;
  title: string;
  children: AreaItem[];
}

/** A pass rate (0..1, null when nothing was answered) as a whole percentage for the charts. */
export const percent = (rate: number | null | undefined): number => (rate == null ? 0 : Math.round(rate * 1000) / 10);

function TemplateCard({ template }: { template: TemplateMetrics }) {
  const { t } = useTranslation();
  const title = t('inspections.stats.byItem', { name: template.templateName, version: template.version });
  return (
    <Card title={title}>
      <Suspense fallback={<Skeleton active />}>
        <BarChart
          ariaLabel={title}
          horizontal
          height={Math.max(240, template.items.length * 32 + 64)}
          categories={template.items.map((i) => (i.failed > 0 ? `${t('inspections.stats.failedCount')} ${i.failed} · ${i.itemText}` : i.itemText))}
          series={[{ name: t('inspections.stats.passRate'), values: template.items.map((i) => percent(i.passRate)) }]}
        />
      </Suspense>
    </Card>
  );
}

/** 检查结果, the supervisor's view: pass rate by checklist and by item, open and overdue findings. */
export function ResultsPage() {
  const { t } = useTranslation();
  const [areaId, setAreaId] = useState<string>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(29, 'day'), dayjs()]);
  const metrics = useInspectionMetrics({ areaId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
  const tree = useAreaTree();
  const areas = mapAreaTree<AreaItem>(tree.data ?? [], (n, children) => ({ value: n.id, title: n.name ?? n.code ?? '', children }));
  const m = metrics.data;
  const templates = m?.byTemplate ?? [];
  return (
    <div className="gg-insp-desk">
      <Typography.Title level={2}>{t('inspections.stats.title')}</Typography.Title>
      <Space wrap>
        <TreeSelect allowClear placeholder={t('inspections.stats.area')} aria-label={t('inspections.stats.area')} value={areaId} onChange={(v: string | undefined) => setAreaId(v)} treeData={areas} style={{ minWidth: 200 }} />
        <DatePicker.RangePicker value={range} allowClear={false} aria-label={t('inspections.stats.dates')} disabledDate={(d) => d.isAfter(dayjs(), 'day')} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
      </Space>
      {metrics.error && <ProblemAlert error={metrics.error} onRetry={() => void metrics.refetch()} />}
      <Card loading={metrics.isPending}>
        <Space wrap size="large">
          <Statistic title={t('inspections.stats.inspections')} value={m?.inspections ?? 0} />
          <Statistic title={t('inspections.stats.passRate')} value={m?.passRate == null ? '—' : percent(m.passRate)} suffix={m?.passRate == null ? undefined : '%'} />
          <Statistic title={t('inspections.stats.failed')} value={m?.failed ?? 0} />
          <Statistic title={t('inspections.stats.openTasks')} value={m?.openTasks ?? 0} />
          <Statistic title={t('inspections.stats.overdueTasks')} value={m?.overdueTasks ?? 0} styles={{ content: { color: m?.overdueTasks ? '#cf1322' : undefined } }} />
        </Space>
      </Card>
      {templates.length > 0 && (
        <Card title={t('inspections.stats.byTemplate')}>
          <Suspense fallback={<Skeleton active />}>
            <BarChart
              ariaLabel={t('inspections.stats.byTemplate')}
              categories={templates.map((x) => `${x.templateName} v${x.version}`)}
              series={[{ name: t('inspections.stats.passRate'), values: templates.map((x) => percent(x.passRate)) }]}
            />
          </Suspense>
        </Card>
      )}
      {templates.map((x) => (
        <TemplateCard key={x.templateId} template={x} />
      ))}
    </div>
  );
}
