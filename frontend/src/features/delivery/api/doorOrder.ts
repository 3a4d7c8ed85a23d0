/**
 * The run sheet's order, as the API gives it: by compound, building and door, each label in natural
 * order (runs of digits by value), so 2-101 comes before 10-101 and 1-401 before 1-1201. Missing labels last.
 */
export function naturalCompare(a: string | null | undefined, b: string | null | undefined): number {
  if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
  const parts = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i] ?? '', pb[i] ?? ''];
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const c = numeric ? compareDigits(x, y) : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

function compareDigits(x: string, y: string): number {
  const [a, b] = [x.replace(/^0+(?=\d)/, ''), y.replace(/^0+(?=\d)/, '')];
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

export interface DoorLabels {
  compound?: string | null;
  building?: string | null;
  door?: string | null;
}

/** Compares two stops by compound, then building, then door. */
export const byDoor = (a: DoorLabels, b: DoorLabels): number =>
  naturalCompare(a.compound, b.compound) || naturalCompare(a.building, b.building) || naturalCompare(a.door, b.door);

/** A copy of the stops in door order. */
export const inDoorOrder = <T extends DoorLabels>(stops: readonly T[]): T[] => [...stops].sort(byDoor);

/** One line a stop is printed under: "阳光小区 2栋 1-401". */
export const doorLabel = (s: DoorLabels): string => [s.compound, s.building, s.door].filter(Boolean).join(' ');
