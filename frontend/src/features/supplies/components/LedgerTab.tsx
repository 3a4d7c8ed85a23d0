import { useState } from 'react';
import { Button, DatePicker, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../../components/PagedList';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { downloadLedger, downloadReceipt, MOVEMENT_KINDS, useLedger, type Item, type LedgerFilter, type Movement, type MovementKind, type Place } from '../api/supplies';
import { formatQuantity } from '../quantity';

/** The movements ledger with its filters, CSV/XLSX export, and the receipt of each donation. */
export function LedgerTab({ places, items }: { places: Place[]; items: Item[] }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const [filter, setFilter] = useState<LedgerFilter>({});
  const [failure, setFailure] = useState<unknown>(null);
  const ledger = useLedger(filter);
  const names = new Map(places.map((p) => [p.id, p.name]));
  const run = (p: Promise<void>) => {
    setFailure(null);
    p.catch(setFailure);
  };
  const set = (patch: Partial<LedgerFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <>
      <Space wrap className="gg-supply-toolbar">
        <Select allowClear placeholder={t('supplies.form.place')} style={{ minWidth: 200 }} onChange={(v?: string) => set({ placeId: v })} options={places.map((p) => ({ value: p.id, label: p.name }))} aria-label={t('supplies.form.place')} />
        <Select allowClear placeholder={t('supplies.form.item')} style={{ minWidth: 160 }} onChange={(v?: string) => set({ itemId: v })} options={items.map((i) => ({ value: i.id, label: i.name }))} aria-label={t('supplies.form.item')} />
        <Select<MovementKind> allowClear placeholder={t('supplies.ledger.kind')} style={{ minWidth: 140 }} onChange={(v?: MovementKind) => set({ kind: v })} options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`supplies.kind.${k}`) }))} aria-label={t('supplies.ledger.kind')} />
        <DatePicker.RangePicker
          aria-label={t('supplies.ledger.period')}
          onChange={(r) => set({ from: r?.[0]?.startOf('day').toISOString(), to: r?.[1]?.add(1, 'day').startOf('day').toISOString() })}
        />
        <Button onClick={() => run(downloadLedger(client, filter, 'csv'))}>{t('supplies.ledger.exportCsv')}</Button>
        <Button onClick={() => run(downloadLedger(client, filter, 'xlsx'))}>{t('supplies.ledger.exportXlsx')}</Button>
      </Space>
      {(ledger.error ?? failure) && <ProblemAlert error={ledger.error ?? failure} />}
      <Table<Movement>
        rowKey="id"
        loading={ledger.isFetching}
        dataSource={ledger.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('supplies.ledger.at'), render: (_, m) => dayjs(m.at).format('MM-DD HH:mm') },
          { title: t('supplies.ledger.kind'), render: (_, m) => t(`supplies.kind.${m.kind ?? 'ISSUE_OUT'}`) },
          { title: t('supplies.form.place'), render: (_, m) => (m.toPlaceName ? `${m.placeName} → ${m.toPlaceName}` : m.placeName) },
          {
            title: t('supplies.form.lines'),
            render: (_, m) =>
              (m.lines ?? [])
                .filter((l) => m.kind !== 'TRANSFER' || l.placeId === m.placeId)
                .map((l) => `${l.itemName} ${formatQuantity(l.delta, l.unit)}`)
                .join('，'),
          },
          { title: t('supplies.ledger.detail'), render: (_, m) => detail(m, names) },
          { title: t('supplies.ledger.actor'), dataIndex: 'actor', responsive: ['md'] },
          {
            title: '',
            render: (_, m) =>
              m.kind === 'DONATION_IN' ? (
                <Button size="small" onClick={() => run(downloadReceipt(client, m))}>
                  {t('supplies.ledger.receipt')}
                </Button>
              ) : null,
          },
        ]}
      />
      {!ledger.isPending && ledger.items.length === 0 && <Typography.Text type="secondary">{t('supplies.ledger.empty')}</Typography.Text>}
      <LoadMoreButton pages={ledger} />
    </>
  );
}

function detail(m: Movement, places: Map<string | undefined, string | undefined>): string {
  return [m.donor, m.receiptNumber, m.supplier, m.reference, m.toPerson, m.reason, m.note, m.runId ? `run ${m.runId.slice(0, 8)}` : undefined, m.toPlaceId ? places.get(m.toPlaceId) : undefined]
    .filter(Boolean)
    .join(' · ');
}
