import { useMemo } from 'react';
import { Card, Col, Empty, List, Row, Skeleton, Statistic, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { PagedList } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { findNode, useAreaTree } from '../../../lib/api/areaTree';
import { checkpointKindLabel, compoundTypeLabel, kindLabel } from '../../../lib/i18n/labels';
import type { AreaNode } from '../../../lib/api/types';
import { useCheckpointPages } from '../../../lib/api/checkpoints';
import { useGridCell, type GridCell } from '../api/gridCells';

const COUNT_KEYS = ['households', 'residents', 'compounds', 'buildings', 'checkpoints'] as const satisfies readonly (keyof NonNullable<GridCell['counts']>)[];

function placesTree(nodes: readonly AreaNode[], t: TFunction): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.id ?? '',
    title: (
      <span>
        <Tag className="gg-kind-tag">{kindLabel(t, n.kind)}</Tag>
        {n.name}
        {n.compoundType && <span className="gg-muted"> · {compoundTypeLabel(t, n.compoundType)}</span>}
        <span className="gg-code"> {n.code}</span>
      </span>
    ),
    children: placesTree(n.children ?? [], t),
  }));
}

function People({ names = [], label }: { names?: readonly string[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={label} className="gg-section">
      {names.length === 0 ? (
        <span className="gg-muted">{t('common.none')}</span>
      ) : (
        names.map((n) => (
          <Tag key={n} className="gg-person">
            {n}
          </Tag>
        ))
      )}
    </Card>
  );
}

function Checkpoints({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const pages = useCheckpointPages(cellId);
  const { data, error, isPending, refetch } = pages;
  const items = data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <Card title={t('gridCells.checkpoints')} className="gg-section">
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={t('gridCells.noCheckpoints')} />
      ) : (
        <>
          <PagedList
            pages={pages}
            dataSource={items}
            rowKey={(c) => c.id ?? ''}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta
                  title={c.name}
                  description={
                    <>
                      <Tag>{checkpointKindLabel(t, c.kind)}</Tag>
                      <Tag color={c.watched24h ? 'red' : 'default'}>{c.watched24h ? t('gridCells.watched24h') : t('gridCells.daytime')}</Tag>
                      <span className="gg-muted">{c.guardsNodeName}</span> <span className="gg-code">{c.code}</span>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}

/** One grid cell: its figures, its people, its compounds and buildings, its checkpoints. */
export function GridCellDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: cell, error, isPending, refetch } = useGridCell(id);
  const tree = useAreaTree();
  const places = useMemo(() => {
    const node = tree.data ? findNode(tree.data, id) : undefined;
    return node ? placesTree(node.children ?? [], t) : [];
  }, [tree.data, id, t]);

  return (
    <section aria-labelledby="cell-title" className="gg-page">
      <Link to="/grid-cells" className="gg-back">
        ← {t('gridCells.back')}
      </Link>
      {error ? (
        <ProblemAlert error={error} onRetry={() => void refetch()} />
      ) : isPending ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Title level={2} id="cell-title">
            {cell.name} <span className="gg-code">{cell.code}</span>
          </Typography.Title>
          <p className="gg-muted">
            {cell.communityName} · {cell.zoneName}
          </p>
          <Row gutter={[12, 12]}>
            {COUNT_KEYS.map((k) => (
              <Col key={k} xs={12} sm={8} lg={4}>
                <Card size="small" data-testid={`cell-count-${k}`}>
                  {/* households and residents are absent until the census holds data */}
                  <Statistic title={t(`gridCells.counts.${k}`)} value={cell.counts?.[k] ?? '—'} />
                </Card>
              </Col>
            ))}
          </Row>
          <Link to={`/households?areaId=${id}`} className="gg-back" data-testid="cell-households-link">
            {t('gridCells.households')} →
          </Link>
          <Row gutter={[12, 0]}>
            <Col xs={24} md={12}>
              <People label={t('gridCells.leaders')} names={cell.leaders} />
            </Col>
            <Col xs={24} md={12}>
              <People label={t('gridCells.workers')} names={cell.workers} />
            </Col>
          </Row>
          <Card title={t('gridCells.places')} className="gg-section">
            {tree.error ? (
              <ProblemAlert error={tree.error} onRetry={() => void tree.refetch()} />
            ) : tree.isPending ? (
              <Skeleton active />
            ) : places.length === 0 ? (
              <Empty description={t('gridCells.noPlaces')} />
            ) : (
              <Tree treeData={places} selectable={false} blockNode aria-label={t('gridCells.places')} />
            )}
          </Card>
          <Checkpoints cellId={id} />
        </>
      )}
    </section>
  );
}
