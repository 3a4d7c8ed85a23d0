import type { NewDrop, NewRun } from './delivery';

/** One item of the storage place's catalogue the worker can pick from. */
export interface CatalogueItem {
  id: string;
  name: string;
  unit: string;
}

export type Receiver = '本人' | '家属' | '邻居' | 'other';

/** The delivery form's values, as the worker fills them on the doorstep. */
export interface DeliveryValues {
  receiver?: Receiver;
  receiverOther?: string;
  items?: { itemId?: string; quantity?: number | null }[];
  note?: string;
}

/** Who received it: a quick choice, or the words typed under "other". */
export function receivedBy(v: DeliveryValues): string | undefined {
  const named = v.receiver === 'other' ? v.receiverOther?.trim() : v.receiver;
  return named ? named : undefined;
}

/** The drop a delivery form makes: lines without an item or a quantity are left out, a blank note is none. */
/**
 * The first item line filled half (an item without a quantity above zero, or a quantity without an item) and what it
 * lacks; a worker who picked 口罩 and typed nothing, or typed 2 and lost the pick, must not hand over "nothing".
 */
export function halfLine(v: DeliveryValues): { index: number; missing: 'itemId' | 'quantity' } | null {
  const lines = v.items ?? [];
  for (let index = 0; index < lines.length; index++) {
    const l = lines[index] ?? {};
    const hasQuantity = l.quantity != null && l.quantity > 0;
    if (l.itemId && !hasQuantity) return { index, missing: 'quantity' };
    if (!l.itemId && l.quantity != null) return { index, missing: 'itemId' };
  }
  return null;
}

export function deliveryBody(needId: string, v: DeliveryValues): NewDrop {
  const items = (v.items ?? [])
    .filter((l): l is { itemId: string; quantity: number } => !!l.itemId && l.quantity != null && l.quantity > 0)
    .map((l) => ({ itemId: l.itemId, quantity: l.quantity }));
  const note = v.note?.trim();
  return { needId, outcome: 'DELIVERED', receivedBy: receivedBy(v), items, ...(note ? { note } : {}) };
}

/** The one-tap drops: nobody home (back on the board) and refused (cancelled). */
export const tapBody = (needId: string, outcome: 'NOBODY_HOME' | 'REFUSED'): NewDrop => ({ needId, outcome });

/** The new-run form's values. */
export interface RunValues {
  name?: string;
  date?: string;
  placeId?: string;
  carriers?: string[];
}

/** The run a leader's form makes from the needs chosen on the board. */
export function runBody(v: RunValues, needIds: readonly string[]): NewRun {
  return {
    name: (v.name ?? '').trim(),
    date: v.date ?? '',
    placeId: v.placeId ?? '',
    needIds: [...needIds],
    carriers: (v.carriers ?? []).map((c) => c.trim()).filter(Boolean),
  };
}
