import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { mapAreaTree, useAreaTree } from '../../../lib/api/areaTree';

interface Cell {
  id: string;
  name: string;
  cells: Cell[];
}

/**
 * A grid worker with more than one cell switches between them: their dashboard shows one cell at a time (the tree
 * the API gives a worker holds their own cells, and their ancestors only as context).
 */
export function MyCells({ value, onChange }: { value: string | undefined; onChange: (areaId: string) => void }) {
  const { t } = useTranslation();
  const tree = useAreaTree();
  const cells = mapAreaTree<Cell>(tree.data ?? [], (n, children) => ({
    id: n.id,
    name: n.name ?? n.code ?? '',
    cells: n.kind === 'GRID_CELL' ? [{ id: n.id, name: n.name ?? n.code ?? '', cells: [] }] : children.flatMap((c) => c.cells),
  })).flatMap((c) => c.cells);
  if (cells.length < 2) return null;
  return (
    <Segmented
      size="large"
      aria-label={t('reports.dashboard.myCells')}
      value={value ?? cells[0]?.id}
      onChange={(v) => onChange(String(v))}
      options={cells.map((c) => ({ value: c.id, label: c.name }))}
      data-testid="my-cells"
    />
  );
}
