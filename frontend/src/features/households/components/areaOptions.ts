import type { TFunction } from 'i18next';
import { mapAreaTree } from '../../../lib/api/areaTree';
import type { AreaNode } from '../../../lib/api/types';
import { kindLabel } from '../../../lib/i18n/labels';

export interface AreaOption {
  value: string;
  title: string;
  /** Households sit under grid cells, compounds and buildings; higher levels only group them. */
  selectable: boolean;
  children: AreaOption[];
}

const HOUSEHOLD_KINDS = new Set(['GRID_CELL', 'COMPOUND', 'BUILDING']);

/** The area tree as TreeSelect options; `householdsOnly` allows only nodes a household can sit under. */
export function areaOptions(nodes: readonly AreaNode[], t: TFunction, householdsOnly = false): AreaOption[] {
  return mapAreaTree<AreaOption>(nodes, (n, children) => ({
    value: n.id,
    title: `${n.name ?? n.code ?? ''} · ${kindLabel(t, n.kind)}`,
    selectable: n.context !== true && (!householdsOnly || HOUSEHOLD_KINDS.has(n.kind ?? '')),
    children,
  }));
}
