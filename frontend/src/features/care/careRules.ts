import type { CarePlan, Condition, NeedKind, NeedUrgency, NewCareVisit, Uncovered, VisitMode } from './api/care';

/** Where a plan stands today: missed (a visit or delivery due day has passed), due today (or earlier), or fine. */
export type PlanFlag = 'missed' | 'due' | 'ok';

export function planFlag(plan: Pick<CarePlan, 'status' | 'visitMissed' | 'deliveryMissed' | 'nextVisitDue'>, today: string): PlanFlag {
  if (plan.status !== 'ACTIVE') return 'ok';
  if (plan.visitMissed || plan.deliveryMissed) return 'missed';
  return plan.nextVisitDue <= today ? 'due' : 'ok';
}

/** The plans whose visit or delivery cadence was exceeded (the leader's "missed" list), in the API's order. */
export const missedPlans = (plans: readonly CarePlan[]) => plans.filter((p) => p.status === 'ACTIVE' && (p.visitMissed || p.deliveryMissed));

/** Compound, building and door, as one line. */
export const addressOf = (u: Pick<Uncovered, 'compound' | 'building' | 'doorNumber'>) => [u.compound, u.building, u.doorNumber].filter(Boolean).join(' ');

/** One need the worker ticked on the visit form. */
export interface NeedPick {
  kind: NeedKind;
  urgency?: NeedUrgency;
  detail?: string;
}

export interface VisitValues {
  mode: VisitMode;
  condition: Condition;
  note?: string;
  needs: NeedPick[];
}

/**
 * The body posted for a visit: a blank note is left out; a need is ROUTINE unless the worker said otherwise, and
 * medicine or an appointment for somebody who needs help is TODAY at least.
 */
export function visitBody(v: VisitValues): NewCareVisit {
  const note = v.note?.trim();
  const needs = v.needs.map((n) => {
    const detail = n.detail?.trim();
    const medical = n.kind === 'MEDICINE' || n.kind === 'MEDICAL_APPOINTMENT';
    const urgency: NeedUrgency = n.urgency ?? (medical && v.condition === 'NEEDS_HELP' ? 'TODAY' : 'ROUTINE');
    return { kind: n.kind, urgency, ...(detail ? { detail } : {}) };
  });
  return { mode: v.mode, condition: v.condition, ...(note ? { note } : {}), ...(needs.length ? { needs } : {}) };
}

/** Adds a need kind, or takes it away when it was already ticked (one tap each way). */
export function toggleNeed(needs: readonly NeedPick[], kind: NeedKind): NeedPick[] {
  return needs.some((n) => n.kind === kind) ? needs.filter((n) => n.kind !== kind) : [...needs, { kind }];
}
