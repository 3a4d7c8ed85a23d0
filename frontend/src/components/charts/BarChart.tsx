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
}

/** A grouped bar chart (ECharts, tree-shaken). Loaded lazily: phones never download it. */
export default function BarChart({ categories, series, ariaLabel, height = 320 }: Props) {
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
          grid: { left: 48, right: 16, top: 40, bottom: 48 },
          xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 30 : 0 } },
          yAxis: { type: 'value', minInterval: 1 },
          series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values })),
        }}
      />
    </div>
  );
}
