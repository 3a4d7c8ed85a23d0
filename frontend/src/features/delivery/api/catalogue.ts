import { useQuery } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { CatalogueItem } from './forms';

/**
 * The items a carrier can hand over: the supply catalogue's active items (every role that carries a run may read
 * it; the place's stock is checked when the drop is recorded, and a shortfall is answered 409 naming it).
 */
export function usePlaceCatalogue(placeId: string | undefined): CatalogueItem[] {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  const items = useQuery({
    queryKey: ['delivery', 'catalogue'],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/supplies/items', { signal })),
    enabled: isAuthenticated && !!placeId,
    staleTime: 5 * 60_000,
  });
  return (items.data ?? []).flatMap((i) => (i.id && i.name && i.active !== false ? [{ id: i.id, name: i.name, unit: i.unit ?? '' }] : []));
}

/** The storage places the caller reaches, as select options ("name · area"). */
export function usePlaces() {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['delivery', 'places'],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/supplies/places', { signal })),
    enabled: isAuthenticated,
    select: (places) => places.flatMap((p) => (p.id ? [{ value: p.id, label: [p.name, p.areaName].filter(Boolean).join(' · ') }] : [])),
  });
}
