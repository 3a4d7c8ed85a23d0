import { lazy, Suspense, useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Col, Grid, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CHILD_LEVEL, useCoverage, useCoverageCsv, type CoverageRow, type Figures, type Level, type Round } from '../api/testing';

const BarChart = lazy(() => import('../../../components/charts/BarChart'));

export interface Crumb {
  areaId?: string;
  level: Level;
  name: string;
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);

/**
 * "Miss no one": the round's figures at one level, drilled down community → grid cell → compound
 * → building → household by clicking a row, refreshed every few seconds while sampling, with the
 * previous round over the same scope beside each row.
 */
export function CoverageView({ round }: { round: Round }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const root: Crumb = { level: 'COMMUNITY', name: t('testing.coverage.all') };
  const [path, setPath] = useState<Crumb[]>([root]);
  const here = path.at(-1) ?? root;
  const live = round.status === 'SAMPLING';
  const coverage = useCoverage(round.id, here.areaId, here.level, live);
  const csv = useCoverageCsv(round.id);
  const rows = coverage.data?.rows ?? [];
  const child = CHILD_LEVEL[here.level];
  const total = coverage.data?.total;
  const previous = coverage.data?.previous;

  // figures older than the server's budget are still being counted: never shown as current (issue 27)
  const stale = coverage.data?.stale ?? false;
  const lag = coverage.data?.lagSeconds ?? 0;
  const behind = lag >= 60 ? t('testing.coverage.behindMinutes', { count: Math.floor(lag / 60) }) : t('testing.coverage.behindSeconds', { count: lag });
  const asOfTime = coverage.data?.asOf ? dayjs(coverage.data.asOf).format('HH:mm:ss') : '';

  const drill = (row: CoverageRow) => child && setPath([...path, { areaId: row.areaId, level: child, name: row.name }]);
  const num = (k: keyof Figures) => ({ title: t(`testing.figures.${k}`), render: (_: unknown, r: CoverageRow) => r.figures[k], align: 'right' as const });

  return (
    <div className="gg-coverage" data-testid="coverage">
      <Space wrap className="gg-coverage-head">
        <Breadcrumb
          items={path.map((c, i) => ({
            title:
              i < path.length - 1 ? (
                <Button type="link" size="small" className="gg-drill" onClick={() => setPath(path.slice(0, i + 1))}>
                  {c.name}
                </Button>
              ) : (
                <span>{c.name}</span>
              ),
          }))}
        />
        <Typography.Text type={stale ? 'warning' : 'secondary'} data-testid="coverage-as-of" data-stale={stale}>
          {coverage.data?.asOf ? t('testing.coverage.asOf', { time: asOfTime }) : null}
          {stale ? ` · ${behind}` : live ? ` · ${t('testing.coverage.live')}` : ''}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} loading={csv.isPending} onClick={() => csv.mutate({ areaId: here.areaId, level: here.level })}>
          {t('testing.coverage.csv')}
        </Button>
      </Space>
      {stale && (
        <Alert type="warning" showIcon data-testid="coverage-stale" title={behind} description={t('testing.coverage.staleHint', { time: asOfTime })} />
      )}
      {coverage.error && <ProblemAlert error={coverage.error} onRetry={() => void coverage.refetch()} />}
      {csv.error && <ProblemAlert error={csv.error} />}
      {total && (
        <Row gutter={[12, 12]} className="gg-coverage-totals" style={stale ? { opacity: 0.55 } : undefined}>
          <Col xs={12} md={4}>
            <Statistic title={t('testing.figures.coveragePct')} value={total.coveragePct} precision={1} suffix="%" />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('testing.figures.expected')} value={total.expected} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('testing.figures.sampled')} value={total.sampled} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('testing.figures.missing')} value={total.missing} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('testing.figures.positive')} value={total.positive} valueStyle={total.positive ? { color: '#cf1322' } : undefined} />
          </Col>
          {previous && (
            <Col xs={24} md={4}>
              <Card size="small" data-testid="coverage-previous">
                <Typography.Text type="secondary">{t('testing.coverage.previous', { name: previous.name, date: previous.roundDate })}</Typography.Text>
                <div>
                  {pct(previous.figures.coveragePct)} → <strong>{pct(total.coveragePct)}</strong>
                </div>
              </Card>
            </Col>
          )}
        </Row>
      )}
      <Table<CoverageRow>
        rowKey="areaId"
        size="small"
        loading={coverage.isPending}
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100 } : false}
        scroll={{ x: true }}
        onRow={(r) => ({ 'data-testid': 'coverage-row', 'data-name': r.name } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          {
            title: t(`testing.level.${here.level}`),
            dataIndex: 'name',
            fixed: 'left',
            render: (_, r) =>
              child ? (
                <Button type="link" size="small" className="gg-drill" onClick={() => drill(r)}>
                  {r.name}
                </Button>
              ) : (
                r.name
              ),
          },
          {
            title: t('testing.figures.coveragePct'),
            render: (_, r) => (
              <span data-testid="coverage-pct" data-value={r.figures.coveragePct}>
                <Progress percent={r.figures.coveragePct} size="small" format={(p) => `${(p ?? 0).toFixed(1)}%`} style={{ minWidth: 110 }} />
              </span>
            ),
          },
          num('expected'),
          { ...num('sampled'), render: (_: unknown, r: CoverageRow) => <span data-testid="coverage-sampled">{r.figures.sampled}</span> },
          num('makeup'),
          num('exempt'),
          num('missing'),
          num('pending'),
          num('negative'),
          { ...num('positive'), render: (_: unknown, r: CoverageRow) => <Typography.Text type={r.figures.positive ? 'danger' : undefined}>{r.figures.positive}</Typography.Text> },
          { title: t('testing.coverage.previousPct'), render: (_, r) => pct(r.previousCoveragePct), align: 'right' },
        ]}
      />
      {screens.md && rows.length > 0 && here.level !== 'HOUSEHOLD' && (
        <Card size="small" title={t('testing.coverage.chart', { level: t(`testing.level.${here.level}`) })}>
          <Suspense fallback={null}>
            <BarChart
              ariaLabel={t('testing.coverage.chart', { level: t(`testing.level.${here.level}`) })}
              categories={rows.map((r) => r.name)}
              series={[
                { name: t('testing.figures.sampled'), values: rows.map((r) => r.figures.sampled) },
                { name: t('testing.figures.missing'), values: rows.map((r) => r.figures.missing) },
                { name: t('testing.figures.exempt'), values: rows.map((r) => r.figures.exempt) },
                { name: t('testing.figures.positive'), values: rows.map((r) => r.figures.positive) },
              ]}
            />
          </Suspense>
        </Card>
      )}
    </div>
  );
}
