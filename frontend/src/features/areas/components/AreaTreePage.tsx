import { useMemo } from 'react';
import { Card, Empty, Skeleton, Tag, Tree, Typography, type TreeDataNode } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAreaTree } from '../../../lib/api/areaTree';
import { compoundTypeLabel, kindLabel } from '../../../lib/i18n/labels';
import type { AreaKind, AreaNode } from '../../../lib/api/types';

/** Levels above the grid cell are opened at first; compounds and buildings stay folded. */
const OPEN_KINDS: ReadonlySet<AreaKind | undefined> = new Set(['DISTRICT', 'STREET', 'COMMUNITY', 'ZONE']);

function toTreeData(nodes: readonly AreaNode[], t: TFunction): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.id ?? '',
    title: (
      <span className="gg-tree-node">
        <Tag className="gg-kind-tag">{kindLabel(t, n.kind)}</Tag>
        {n.kind === 'GRID_CELL' && n.id ? <Link to={`/grid-cells/${n.id}`}>{n.name}</Link> : <span>{n.name}</span>}
        {n.compoundType && <span className="gg-muted"> · {compoundTypeLabel(t, n.compoundType)}</span>}
        <span className="gg-code"> {n.code}</span>
      </span>
    ),
    children: toTreeData(n.children ?? [], t),
  }));
}

function openKeys(nodes: readonly AreaNode[]): string[] {
  return nodes.flatMap((n) => (OPEN_KINDS.has(n.kind) && n.id ? [n.id, ...openKeys(n.children ?? [])] : []));
}

/** The area hierarchy the caller may see; grid cells open their detail page. */
export function AreaTreePage() {
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useAreaTree();
  const treeData = useMemo(() => (data ? toTreeData(data, t) : []), [data, t]);
  const expanded = useMemo(() => (data ? openKeys(data) : []), [data]);

  return (
    <section aria-labelledby="areas-title" className="gg-page">
      <Typography.Title level={2} id="areas-title">
        {t('areas.title')}
      </Typography.Title>
      <Card>
        {error ? (
          <ProblemAlert error={error} onRetry={() => void refetch()} />
        ) : isPending ? (
          <Skeleton active />
        ) : treeData.length === 0 ? (
          <Empty description={t('areas.empty')} />
        ) : (
          <Tree className="gg-tree" treeData={treeData} defaultExpandedKeys={expanded} selectable={false} blockNode aria-label={t('areas.title')} />
        )}
      </Card>
    </section>
  );
}
