import type { AnswerResult, NewInspection, PlaceView, TaskView, TemplateItem, TemplateView } from './api/types';

/** The phone's answer to one item while it is being filled in. */
export interface Draft {
  result?: AnswerResult;
  reason?: string;
  responsibleName?: string;
}

export type Drafts = Record<string, Draft>;

/** What a FAIL still lacks, as the API names the fields ('reason', 'responsibleName'); nothing for PASS and NA. */
export function missingForFail(d: Draft | undefined): ('reason' | 'responsibleName')[] {
  if (d?.result !== 'FAIL') return [];
  const missing: ('reason' | 'responsibleName')[] = [];
  if (!d.reason?.trim()) missing.push('reason');
  if (!d.responsibleName?.trim()) missing.push('responsibleName');
  return missing;
}

/** An item is done when it has a result and, for a FAIL, its reason and responsible person. */
export const isAnswered = (d: Draft | undefined): boolean => !!d?.result && missingForFail(d).length === 0;

/**
 * The items in the order the inspector walks them: by position, a major item followed by its
 * minor ones; on a recheck the items of the findings being rechecked come first.
 */
export function walkOrder(items: readonly TemplateItem[], first: ReadonlySet<string> = new Set()): TemplateItem[] {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  return [...sorted.filter((i) => first.has(i.id)), ...sorted.filter((i) => !first.has(i.id))];
}

/** "3 / 8": how many items are answered out of all of them. */
export function progress(items: readonly TemplateItem[], drafts: Drafts): { done: number; total: number } {
  return { done: items.filter((i) => isAnswered(drafts[i.id])).length, total: items.length };
}

/** The first item not answered yet (its index in the walk), or -1 when all are. */
export const firstOpen = (items: readonly TemplateItem[], drafts: Drafts): number => items.findIndex((i) => !isAnswered(drafts[i.id]));

/** The open rectification tasks of a place a recheck can close (first-check tasks close with any inspection). */
export const recheckable = (tasks: readonly TaskView[] | undefined): TaskView[] =>
  (tasks ?? []).filter((t) => t.kind === 'RECTIFY' && t.status !== 'CLOSED' && !!t.itemId);

export interface SignOff {
  name: string;
  phone: string;
  /** data:image/png;base64,… as the canvas gives it. */
  signature: string;
  responsibleUser?: string;
}

/** The API takes the PNG's base64 without the data-URL prefix. */
export const base64Of = (dataUrl: string): string => dataUrl.slice(dataUrl.indexOf(',') + 1);

/** The API refuses a signature over 256 KB decoded. */
export const SIGNATURE_LIMIT = 256 * 1024;
export const decodedSize = (base64: string): number => Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);

/** The body posted for a finished inspection: every item answered once, in template order. */
export function inspectionBody(args: {
  place: PlaceView;
  template: TemplateView;
  drafts: Drafts;
  recheckOf: readonly TaskView[];
  note?: string;
  signOff: SignOff;
  inspectedAt: Date;
}): NewInspection {
  const { place, template, drafts, signOff } = args;
  return {
    placeKind: place.placeKind,
    placeId: place.placeId,
    templateId: template.id,
    inspectedAt: args.inspectedAt.toISOString(),
    answers: walkOrder(template.items).map((i) => {
      const d = drafts[i.id] ?? {};
      const fail = d.result === 'FAIL';
      return { itemId: i.id, result: d.result ?? 'NA', reason: fail ? (d.reason?.trim() ?? null) : null, responsibleName: fail ? (d.responsibleName?.trim() ?? null) : null };
    }),
    recheckOf: args.recheckOf.map((t) => t.id),
    note: args.note?.trim() || null,
    signOff: { name: signOff.name.trim(), phone: signOff.phone.trim(), signaturePng: base64Of(signOff.signature) },
    responsibleUser: signOff.responsibleUser?.trim() || null,
  };
}

/** FAILED as soon as one item failed: what the server will say too. */
export const expectedResult = (drafts: Drafts): 'PASSED' | 'FAILED' => (Object.values(drafts).some((d) => d.result === 'FAIL') ? 'FAILED' : 'PASSED');

/** How late an overdue task is, in whole hours (at least 1) and days. */
export function lateness(dueAt: string, now: Date = new Date()): { days: number; hours: number } {
  const hoursLate = Math.max(1, Math.floor((now.getTime() - new Date(dueAt).getTime()) / 3_600_000));
  return { days: Math.floor(hoursLate / 24), hours: hoursLate % 24 };
}
