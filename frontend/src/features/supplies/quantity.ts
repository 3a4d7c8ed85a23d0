/** The quantity rules of the stock screens, the same as the API's (SupplyRules): checked before a form is sent. */
export type UnitKind = 'COUNT' | 'KG' | 'LITRE';

/** Why a quantity is refused, as an i18n key under supplies.quantity; null when it is fine. */
export type QuantityProblem = 'required' | 'positive' | 'notNegative' | 'whole' | 'decimals' | 'tooLarge';

const MAX = 99_999_999_999.999;

/** Decimal places of a number as typed (1.50 → 1, 2 → 0). */
export function decimals(q: number | string): number {
  const text = String(q).trim().toLowerCase();
  if (text.includes('e')) {
    const [mantissa, exp] = text.split('e');
    return Math.max(0, decimals(mantissa ?? '') - Number(exp));
  }
  const frac = text.split('.')[1] ?? '';
  return frac.replace(/0+$/, '').length;
}

/** A moved quantity must be above 0; a counted one (stocktake, threshold) 0 or more. Whole for COUNT, ≤ 3 decimals otherwise. */
export function quantityProblem(q: number | string | null | undefined, unitKind: UnitKind | undefined, counting = false): QuantityProblem | null {
  if (q === null || q === undefined || String(q).trim() === '' || Number.isNaN(Number(q))) return 'required';
  const n = Number(q);
  if (counting ? n < 0 : n <= 0) return counting ? 'notNegative' : 'positive';
  if (n > MAX) return 'tooLarge';
  const places = decimals(q);
  if (unitKind === 'COUNT' && places > 0) return 'whole';
  if (places > 3) return 'decimals';
  return null;
}

/** "2.5 kg", "300 只": a quantity as the ledger shows it, without trailing zeros. */
export function formatQuantity(q: number | string | undefined, unit?: string): string {
  const n = Number(q ?? 0);
  const text = Number.isInteger(n) ? String(n) : String(Number(n.toFixed(3)));
  return unit ? `${text} ${unit}` : text;
}

/** Each item once per movement: the index of the first repeat, or -1. */
export function repeatedLine(itemIds: readonly (string | undefined)[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < itemIds.length; i++) {
    const id = itemIds[i];
    if (!id) continue;
    if (seen.has(id)) return i;
    seen.add(id);
  }
  return -1;
}
