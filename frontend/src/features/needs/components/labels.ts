import type { TFunction } from 'i18next';
import type { NeedKind, NeedStatus, NeedUrgency, Step } from '../api/needs';

/** Labels of the register's enums (needs.* in the locale files). */
export const kindText = (t: TFunction, v: NeedKind) => t(`needs.kinds.${v}`);
export const urgencyText = (t: TFunction, v: NeedUrgency) => t(`needs.urgencies.${v}`);
export const statusText = (t: TFunction, v: NeedStatus) => t(`needs.statuses.${v}`);
export const stepText = (t: TFunction, v: Step) => t(`needs.steps.${v}`);
