import { useState } from 'react';
import { Button, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { usePlaceStock, useSetThreshold, type Place, type StockLine } from '../api/supplies';
import { formatQuantity, quantityProblem } from '../quantity';

/** What one place holds, low stock highlighted; managers set the low-stock threshold of an item. */
export function StockTab({ places, canManage }: { places: Place[]; canManage: boolean }) {
  const { t } = useTranslation();
  const [placeId, setPlaceId] = useState<string>();
  const current = placeId ?? places[0]?.id;
  const stock = usePlaceStock(current);
  const lines = stock.data?.lines ?? [];
  const low = lines.filter((l) => l.low).length;
  return (
    <>
      <Space wrap className="gg-supply-toolbar">
        <Select aria-label={t('supplies.form.place')} style={{ minWidth: 240 }} value={current} onChange={setPlaceId} options={places.map((p) => ({ value: p.id, label: p.name }))} />
        {low > 0 && <Tag color="red">{t('supplies.stock.lowCount', { count: low })}</Tag>}
      </Space>
      {stock.error && <ProblemAlert error={stock.error} onRetry={() => void stock.refetch()} />}
      <Table<StockLine>
        rowKey="itemId"
        loading={stock.isFetching}
        dataSource={lines}
        pagination={false}
        rowClassName={(l) => (l.low ? 'gg-supply-low' : '')}
        locale={{ emptyText: t('supplies.stock.empty') }}
        columns={[
          { title: t('supplies.item.name'), dataIndex: 'name' },
          { title: t('supplies.item.category'), render: (_, l) => t(`supplies.category.${l.category ?? 'OTHER'}`), responsive: ['md'] },
          { title: t('supplies.stock.onHand'), align: 'right', render: (_, l) => formatQuantity(l.onHand, l.unit) },
          {
            title: t('supplies.stock.threshold'),
            render: (_, l) => (canManage && current ? <ThresholdCell placeId={current} line={l} /> : l.lowThreshold != null ? formatQuantity(l.lowThreshold, l.unit) : ''),
          },
          { title: '', render: (_, l) => (l.low ? <Tag color="red">{t('supplies.stock.low')}</Tag> : null) },
        ]}
      />
    </>
  );
}

function ThresholdCell({ placeId, line }: { placeId: string; line: StockLine }) {
  const { t } = useTranslation();
  const set = useSetThreshold(placeId);
  const [value, setValue] = useState<string | null>(line.lowThreshold == null ? null : String(line.lowThreshold));
  const problem = value === null ? null : quantityProblem(value, line.unitKind, true);
  return (
    <Space>
      <InputNumber size="small" stringMode aria-label={t('supplies.stock.threshold')} value={value} onChange={setValue} status={problem ? 'error' : undefined} />
      <Button size="small" disabled={value === null || !!problem} loading={set.isPending} onClick={() => set.mutate({ itemId: line.itemId ?? '', low: Number(value) })}>
        {t('supplies.stock.setThreshold')}
      </Button>
      {problem && <Typography.Text type="danger">{t(`supplies.quantity.${problem}`)}</Typography.Text>}
      {set.error && <ProblemAlert error={set.error} />}
    </Space>
  );
}
