import { mapAreaTree } from '../../../lib/api/areaTree';
import type { AreaNode } from '../../../lib/api/types';

export interface ScopeOption {
  value: string;
  title: string;
  children?: ScopeOption[];
}

/** The area tree as TreeSelect options by name only (a round's scope, a sampling site's area). */
export const scopeOptions = (nodes: readonly AreaNode[]): ScopeOption[] =>
  mapAreaTree<ScopeOption>(nodes, (n, children) => ({ value: n.id, title: n.name ?? n.code ?? '', children: children.length ? children : undefined }));
