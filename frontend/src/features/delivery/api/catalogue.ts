import type { CatalogueItem } from './forms';

/** The items of the run's storage place (the supply catalogue; wired to the supply API when it lands). */
export function usePlaceCatalogue(placeId: string | undefined): CatalogueItem[] {
  void placeId;
  return [];
}

/** The storage places the caller may issue from, as select options (wired to the supply API when it lands). */
export function usePlaces(): { isPending: boolean; data: { value: string; label: string }[] } {
  return { isPending: false, data: [] };
}
