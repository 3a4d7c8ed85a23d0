import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePlaces, type Place } from '../api/disinfection';

/** The value of a place picker: "KIND:id" (antd's Select holds strings). */
export const placeValue = (p: Pick<Place, 'placeKind' | 'placeId'>) => `${p.placeKind}:${p.placeId}`;

export function splitPlace(value: string): { placeKind: Place['placeKind']; placeId: string } {
  const [kind = '', id = ''] = value.split(':');
  return { placeKind: kind as Place['placeKind'], placeId: id };
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined, place?: Place) => void;
  allowClear?: boolean;
  size?: 'large' | 'middle';
  id?: string;
}

/** Compounds, checkpoints and buildings in reach, searched by name as one types. */
export function PlacePicker({ value, onChange, allowClear, size = 'large', id }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const places = usePlaces(q);
  const options = (places.data ?? []).map((p) => ({
    value: placeValue(p),
    label: `${p.name} · ${t(`disinfection.placeTypes.${p.type ?? p.placeKind}`, { defaultValue: p.type ?? '' })}`,
    place: p,
  }));
  return (
    <Select
      id={id}
      showSearch
      allowClear={allowClear}
      size={size}
      value={value}
      placeholder={t('disinfection.form.placePlaceholder')}
      filterOption={false}
      onSearch={setQ}
      loading={places.isFetching}
      options={options}
      onChange={(v: string | undefined) => onChange?.(v, options.find((o) => o.value === v)?.place)}
      notFoundContent={t('disinfection.form.noPlace')}
      style={{ width: '100%' }}
    />
  );
}
