import { useState } from 'react';
import { Segmented, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { hasAnyRole, useRoles } from '../../../lib/auth/roles';
import { MOVEMENT_KINDS, useItems, usePlaces, type MovementKind } from '../api/supplies';
import { CatalogueTab } from './CatalogueTab';
import { LedgerTab } from './LedgerTab';
import { MovementForm } from './MovementForm';
import { StockTab } from './StockTab';
import '../supplies.css';

/** Supplies (物资): stock per place, the ledger, recording movements, the catalogue. Leaders read and issue. */
export function SuppliesPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const canManage = hasAnyRole(roles, ['admin', 'supervisor']);
  const kinds: MovementKind[] = canManage ? MOVEMENT_KINDS : ['ISSUE_OUT'];
  const [kind, setKind] = useState<MovementKind>(kinds[0] ?? 'ISSUE_OUT');
  const places = usePlaces();
  const items = useItems();
  const placeList = places.data ?? [];
  const itemList = items.data ?? [];
  const error = places.error ?? items.error;
  return (
    <section className="gg-page gg-supplies" aria-labelledby="supplies-title">
      <Typography.Title level={2} id="supplies-title">
        {t('supplies.title')}
      </Typography.Title>
      {error && <ProblemAlert error={error} />}
      <Tabs
        items={[
          { key: 'stock', label: t('supplies.tabs.stock'), children: <StockTab places={placeList} canManage={canManage} /> },
          { key: 'ledger', label: t('supplies.tabs.ledger'), children: <LedgerTab places={placeList} items={itemList} /> },
          {
            key: 'record',
            label: t('supplies.tabs.record'),
            children: (
              <>
                <Segmented<MovementKind> value={kind} onChange={setKind} options={kinds.map((k) => ({ value: k, label: t(`supplies.kind.${k}`) }))} />
                <MovementForm key={kind} kind={kind} places={placeList} items={itemList} />
              </>
            ),
          },
          ...(canManage ? [{ key: 'catalogue', label: t('supplies.tabs.catalogue'), children: <CatalogueTab items={itemList} places={placeList} /> }] : []),
        ]}
      />
    </section>
  );
}
