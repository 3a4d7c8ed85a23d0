import { useState } from 'react';
import { Empty, Input, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { usePlaces } from '../api/inspections';
import type { PlaceView } from '../api/types';

/** Finds a place in the caller's reach (compound, gate, isolation site, enterprise) by its name. */
export function PlacePicker({ onPick }: { onPick: (place: PlaceView) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const places = usePlaces(q);
  return (
    <section className="gg-insp-step">
      <Input.Search
        size="large"
        allowClear
        placeholder={t('inspections.place.search')}
        aria-label={t('inspections.place.search')}
        onSearch={setQ}
        onChange={(e) => setQ(e.target.value)}
      />
      {places.error && <ProblemAlert error={places.error} onRetry={() => void places.refetch()} />}
      {places.data && places.data.length === 0 && <Empty description={t('inspections.place.none')} />}
      <List<PlaceView>
        loading={places.isPending && !places.error}
        dataSource={places.data ?? []}
        rowKey={(p) => `${p.placeKind}|${p.placeId}`}
        renderItem={(p) => (
          <List.Item>
            <button type="button" className="gg-insp-pick" data-testid="place-option" onClick={() => onPick(p)}>
              <span className="gg-insp-pick-title">{p.name}</span>
              <span className="gg-insp-sub">
                <Tag>{t(`inspections.placeTypes.${p.placeType}`)}</Tag>
                {p.areaName}
              </span>
            </button>
          </List.Item>
        )}
      />
    </section>
  );
}
