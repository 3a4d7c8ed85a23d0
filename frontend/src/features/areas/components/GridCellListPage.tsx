import { lazy, Suspense, useState } from 'react';
import { Card, Empty, Grid, Input, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PagedList } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useGridCells } from '../api/gridCells';

const BarChart = lazy(() => import('../../../components/charts/BarChart'));

/** The grid cells the caller works in or oversees; desks also get households/residents per cell. */
export function GridCellListPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [q, setQ] = useState('');
  const pages = useGridCells(q);
  const { data, error, isPending, refetch } = pages;
  const cells = data?.pages.flatMap((p) => p.items ?? []) ?? [];

  return (
    <section aria-labelledby="cells-title" className="gg-page">
      <Typography.Title level={2} id="cells-title">
        {t('gridCells.title')}
      </Typography.Title>
      <Input.Search
        className="gg-section"
        size="large"
        allowClear
        aria-label={t('gridCells.search')}
        placeholder={t('gridCells.search')}
        onSearch={(v) => setQ(v.trim())}
        enterButton={t('common.search')}
      />
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Skeleton active />
      ) : cells.length === 0 ? (
        <Empty description={t('gridCells.empty')} />
      ) : (
        <>
          {screens.md && cells.length > 1 && (
            <Card title={t('gridCells.chartTitle')} className="gg-section">
              <Suspense fallback={<Skeleton active />}>
                <BarChart
                  ariaLabel={t('gridCells.chartTitle')}
                  categories={cells.map((c) => c.name ?? c.code ?? '')}
                  series={[
                    { name: t('gridCells.counts.households'), values: cells.map((c) => c.counts?.households ?? 0) },
                    { name: t('gridCells.counts.residents'), values: cells.map((c) => c.counts?.residents ?? 0) },
                  ]}
                />
              </Suspense>
            </Card>
          )}
          <PagedList
            pages={pages}
            data-testid="grid-cell-list"
            grid={{ gutter: 16, xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 4 }}
            dataSource={cells}
            rowKey={(c) => c.id ?? ''}
            renderItem={(c) => (
              <List.Item>
                <Link to={`/grid-cells/${c.id}`} className="gg-card-link" data-testid="grid-cell-item">
                  <Card hoverable title={c.name} extra={<span className="gg-code">{c.code}</span>}>
                    <p className="gg-muted">
                      {c.communityName} · {c.zoneName}
                    </p>
                    <p>
                      {t('gridCells.counts.households')} {c.counts?.households ?? '—'} · {t('gridCells.counts.residents')}{' '}
                      {c.counts?.residents ?? '—'} · {t('gridCells.counts.checkpoints')} {c.counts?.checkpoints ?? 0}
                    </p>
                  </Card>
                </Link>
              </List.Item>
            )}
          />
        </>
      )}
    </section>
  );
}
