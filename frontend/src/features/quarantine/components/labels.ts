import type { TFunction } from 'i18next';
import type { DepartureReason, OrderKind, OrderReason, OrderStatus, TransferTarget, WorklistStatus } from '../api/quarantine';

/** Labels of the API's enums (quarantineDesk.* in the locale files). */
export const kindText = (t: TFunction, v: OrderKind) => t(`quarantineDesk.kinds.${v}`);
export const reasonText = (t: TFunction, v: OrderReason) => t(`quarantineDesk.reasons.${v}`);
export const statusText = (t: TFunction, v: OrderStatus) => t(`quarantineDesk.statuses.${v}`);
export const targetText = (t: TFunction, v: TransferTarget) => t(`quarantineDesk.targets.${v}`);
export const departureText = (t: TFunction, v: DepartureReason) => t(`quarantineDesk.departures.${v}`);
export const worklistStatusText = (t: TFunction, v: WorklistStatus) => t(`quarantineDesk.worklist.statuses.${v}`);
