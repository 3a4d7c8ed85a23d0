import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart as EBarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the charts use is registered: full echarts is ~365 kB gzip.
echarts.use([EBarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  values: number[];
}

interface Props {
  categories: string[];
  series: BarSeries[];
  /** Read out by screen readers in place of the canvas. */
  ariaLabel: string;
  height?: number;
  /** Categories down the side (long labels, e.g. checklist items), bars to the right. */
  horizontal?: boolean;
}

/** A grouped bar chart (ECharts, tree-shaken). Loaded lazily: phones never download it. */
export default function BarChart({ categories, series, ariaLabel, height = 320, horizontal = false }: Props) {
  const categoryAxis = horizontal
    ? { type: 'category', data: categories, inverse: true, axisLabel: { width: 300, overflow: 'truncate' } }
    : { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0 } };
  const valueAxis = { type: 'value', minInterval: 1 };
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore
        echarts={echarts}
        style={{ height }}
        notMerge
        option={{
          aria: { enabled: true },
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: horizontal ? { left: 8, right: 24, top: 40, bottom: 24, containLabel: true } : { left: 48, right: 16, top: 40, bottom: 48 },
          xAxis: horizontal ? valueAxis : categoryAxis,
          yAxis: horizontal ? categoryAxis : valueAxis,
          series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
        }}
      />
    </div>
  );
}
