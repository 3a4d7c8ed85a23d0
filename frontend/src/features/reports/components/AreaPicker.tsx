import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { mapAreaTree, useAreaTree } from '../../../lib/api/areaTree';

interface AreaItem {
  value: string;
  title: string;
  children: AreaItem[];
}

/** An area node of the caller's reach (the tree the API gives them), for the dashboard and the daily report. */
export function AreaPicker({ value, onChange }: { value: string | undefined; onChange: (areaId: string | undefined) => void }) {
  const { t } = useTranslation();
  const tree = useAreaTree();
  const areas = mapAreaTree<AreaItem>(tree.data ?? [], (n, children) => ({ value: n.id, title: n.name ?? n.code ?? '', children }));
  return (
    <TreeSelect
      size="large"
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={false}
      placeholder={t('reports.area')}
      aria-label={t('reports.area')}
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      treeData={areas}
      loading={tree.isPending}
      className="gg-report-area"
      data-testid="report-area"
    />
  );
}
