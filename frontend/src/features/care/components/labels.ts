import type { TFunction } from 'i18next';
import type { Condition, NeedKind, NeedUrgency, VisitMode } from '../api/care';
import type { PlanFlag } from '../careRules';

/** Labels of the API's enums (care.* in the locale files). */
export const conditionText = (t: TFunction, v: Condition) => t(`care.conditions.${v}`);
export const modeText = (t: TFunction, v: VisitMode) => t(`care.modes.${v}`);
export const needKindText = (t: TFunction, v: NeedKind) => t(`care.needKinds.${v}`);
export const urgencyText = (t: TFunction, v: NeedUrgency) => t(`care.urgencies.${v}`);
export const flagText = (t: TFunction, v: PlanFlag) => t(`care.flags.${v}`);
export const FLAG_COLOR: Record<PlanFlag, string> = { missed: 'red', due: 'orange', ok: 'green' };
