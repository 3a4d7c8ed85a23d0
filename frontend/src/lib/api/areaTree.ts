import { useQuery } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from './ApiProvider';
import { dataOf } from './client';
import type { AreaNode } from './types';

/** The area hierarchy the caller may see: reference data shared by several features. */
export const areaTreeQueryKey = ['areas', 'tree'] as const;

export function useAreaTree() {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: areaTreeQueryKey,
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/areas/tree', { signal })),
    enabled: isAuthenticated,
    staleTime: 5 * 60_000,
  });
}

/** Depth-first search for a node by id. */
export function findNode(nodes: readonly AreaNode[], id: string): AreaNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const found = findNode(node.children ?? [], id);
    if (found) return found;
  }
  return undefined;
}

/**
 * Maps the area tree depth-first (e.g. into TreeSelect options). `toItem` gets a node that has
 * an id and its children already mapped; it returns undefined to leave the node, and what lies
 * under it, out.
 */
export function mapAreaTree<T>(nodes: readonly AreaNode[], toItem: (node: AreaNode & { id: string }, children: T[]) => T | undefined): T[] {
  return nodes.flatMap((n) => {
    if (!n.id) return [];
    const item = toItem({ ...n, id: n.id }, mapAreaTree(n.children ?? [], toItem));
    return item === undefined ? [] : [item];
  });
}
