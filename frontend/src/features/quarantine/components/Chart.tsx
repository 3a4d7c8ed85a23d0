import { lazy, Suspense, type ComponentProps } from 'react';
import { Skeleton } from 'antd';

const BarChart = lazy(() => import('../../../components/charts/BarChart'));

/** The shared bar chart, loaded on first use (phones that never open a chart never download ECharts). */
export function Chart(props: ComponentProps<typeof BarChart>) {
  return (
    <Suspense fallback={<Skeleton active />}>
      <BarChart {...props} />
    </Suspense>
  );
}
