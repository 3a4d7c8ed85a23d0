import { lazy, Suspense, useState } from 'react';
import { Card, Empty, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useLanguage } from '../../../lib/i18n/language';
import { useDailyMetrics } from '../api/reports';
import { defaultMeasures, fourteenDaysBefore, labelIn, seriesOf, trendPanels } from '../model';

const TrendChart = lazy(() => import('./TrendChart'));

/** The last 14 days of a few key measures (the supervisor picks them), one small chart per measure, ratios together. */
export function TrendsCard({ areaId, today }: { areaId: string; today: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const metrics = useDailyMetrics({ areaId, from: fourteenDaysBefore(today), to: today });
  const [picked, setPicked] = useState<string[]>();
  const m = metrics.data;
  const selected = picked ?? (m ? defaultMeasures(m.measures) : []);
  const panels = m ? trendPanels(m, selected) : [];
  const days = m?.days.map((d) => d.date) ?? [];

  return (
    <Card size="small" title={t('reports.trends.title')}>
      {metrics.error && <ProblemAlert error={metrics.error} onRetry={() => void metrics.refetch()} />}
      <Select
        mode="multiple"
        size="large"
        className="gg-trend-measures"
        aria-label={t('reports.trends.measures')}
        placeholder={t('reports.trends.measures')}
        maxCount={6}
        value={selected}
        onChange={setPicked}
        loading={metrics.isPending}
        optionFilterProp="label"
        options={(m?.measures ?? []).map((x) => ({ value: x.key, label: labelIn(language, x) }))}
      />
      {metrics.isPending && <Skeleton active />}
      {m && panels.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.trends.pick')} />}
      <div className="gg-trend-panels">
        {panels.map((p) => {
          const title = p.percent ? t('reports.trends.ratios') : p.measures.map((x) => labelIn(language, x)).join('、');
          return (
            <section key={p.key} className="gg-trend-panel" data-testid="trend-panel">
              <h3>{title}</h3>
              <Suspense fallback={<Skeleton active />}>
                <TrendChart
                  days={days}
                  percent={p.percent}
                  ariaLabel={t('reports.trends.aria', { title })}
                  lines={p.measures.map((x) => ({ name: labelIn(language, x), values: m ? seriesOf(m, x) : [] }))}
                />
              </Suspense>
            </section>
          );
        })}
      </div>
    </Card>
  );
}
