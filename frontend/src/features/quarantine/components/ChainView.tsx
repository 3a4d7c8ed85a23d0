import { Alert, Card, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useOrderChain, type ChainNode } from '../api/quarantine';
import { kindText, reasonText } from './labels';
import { StatusTag } from './StatusTag';

/** The chain's nodes as a tree: each order under the order it came from (roots: no visible source). */
export function chainTree(nodes: readonly ChainNode[], render: (n: ChainNode) => DataNode['title']): DataNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  const byParent = new Map<string, ChainNode[]>();
  for (const n of nodes) {
    const parent = n.sourceOrderId && ids.has(n.sourceOrderId) ? n.sourceOrderId : '';
    byParent.set(parent, [...(byParent.get(parent) ?? []), n]);
  }
  const build = (parent: string): DataNode[] =>
    (byParent.get(parent) ?? []).map((n) => ({ key: n.id, title: render(n), children: build(n.id) }));
  return build('');
}

/** Case → close contacts → secondary close contacts; orders outside the caller's area are only counted. */
export function ChainView({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const chain = useOrderChain(orderId);
  const c = chain.data;
  return (
    <Card title={t('quarantineDesk.chain.title')} loading={chain.isPending}>
      {chain.error && <ProblemAlert error={chain.error} onRetry={() => void chain.refetch()} />}
      {c && (
        <>
          {c.rootCaseRef && <p>{t('quarantineDesk.chain.case', { ref: c.rootCaseRef })}</p>}
          <Tree
            defaultExpandAll
            selectable={false}
            treeData={chainTree(c.nodes, (n) => (
              <span className={n.id === orderId ? 'gg-q-chain-self' : undefined}>
                <Link to={`/quarantines/${n.id}`}>{n.number}</Link> {n.personName ?? ''} · {kindText(t, n.kind)} · {reasonText(t, n.reason)}{' '}
                <StatusTag status={n.status} />
              </span>
            ))}
          />
          {c.hiddenCount > 0 && <Alert type="info" showIcon title={t('quarantineDesk.chain.hidden', { count: c.hiddenCount })} />}
          {c.truncated && <Alert type="warning" showIcon title={t('quarantineDesk.chain.truncated')} />}
        </>
      )}
    </Card>
  );
}
