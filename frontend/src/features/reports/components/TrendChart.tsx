import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the trends use is registered (tree-shaken echarts); loaded lazily: phones never download it.
echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export interface TrendLine {
  name: string;
  values: (number | null)[];
}

interface Props {
  days: string[];
  lines: TrendLine[];
  /** 0–100 % on the axis (ratios); otherwise the axis fits this panel's own numbers. */
  percent: boolean;
  ariaLabel: string;
  height?: number;
}

/** One panel of the trends: a line a measure over the days, its own value axis (small multiples). */
export default function TrendChart({ days, lines, percent, ariaLabel, height = 200 }: Props) {
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore
        echarts={echarts}
        style={{ height }}
        notMerge
        option={{
          aria: { enabled: true },
          tooltip: { trigger: 'axis', valueFormatter: (v: number | null | undefined) => (v == null ? '—' : percent ? `${v}%` : v.toLocaleString('zh-CN')) },
          legend: { top: 0, show: lines.length > 1 },
          grid: { left: 48, right: 16, top: lines.length > 1 ? 32 : 12, bottom: 28 },
          xAxis: { type: 'category', data: days.map((d) => d.slice(5)), boundaryGap: false },
          yAxis: percent
            ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
            : { type: 'value', minInterval: 1, scale: false },
          series: lines.map((l) => ({ type: 'line', name: l.name, data: l.values, connectNulls: false, symbolSize: 6 })),
        }}
      />
    </div>
  );
}
