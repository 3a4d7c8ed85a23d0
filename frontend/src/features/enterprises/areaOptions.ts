import { mapAreaTree } from '../../lib/api/areaTree';
import type { AreaNode } from '../../lib/api/types';

export interface AreaOption {
  value: string;
  title: string;
  disabled: boolean;
  children: AreaOption[];
}

/** An enterprise sits on (and a sheet is imported into) a node from community level down. */
const PLACEABLE = ['COMMUNITY', 'ZONE', 'GRID_CELL', 'COMPOUND', 'BUILDING'];

/** The area tree as TreeSelect options, the nodes an enterprise cannot sit on greyed out. */
export const areaOptions = (nodes: readonly AreaNode[]): AreaOption[] =>
  mapAreaTree<AreaOption>(nodes, (n, children) => ({
    value: n.id,
    title: n.name ?? n.code ?? '',
    disabled: n.context === true || !PLACEABLE.includes(n.kind ?? ''),
    children,
  }));
