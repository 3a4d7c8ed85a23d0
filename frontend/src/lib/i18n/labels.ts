import type { TFunction } from 'i18next';
import zhCN from './locales/zh-CN.json';

/**
 * Labels for the API's enums. The contract types many of them as plain strings, so an
 * unknown value (a kind added on the server before the app knows it) shows as itself.
 */
type Group =
  | 'kinds'
  | 'roles'
  | 'compoundTypes'
  | 'checkpointKinds'
  | 'principalTypes'
  | 'householdStatuses'
  | 'residentStatuses'
  | 'categories'
  | 'docTypes'
  | 'healthCodes'
  | 'verificationMethods';

function label(t: TFunction, group: Group, value: string | undefined): string {
  if (!value) return '';
  return value in zhCN[group] ? t(`${group}.${value}` as never) : value;
}

export const kindLabel = (t: TFunction, v: string | undefined) => label(t, 'kinds', v);
export const roleLabel = (t: TFunction, v: string | undefined) => label(t, 'roles', v);
export const compoundTypeLabel = (t: TFunction, v: string | undefined) => label(t, 'compoundTypes', v);
export const checkpointKindLabel = (t: TFunction, v: string | undefined) => label(t, 'checkpointKinds', v);
export const principalTypeLabel = (t: TFunction, v: string | undefined) => label(t, 'principalTypes', v);
export const householdStatusLabel = (t: TFunction, v: string | undefined) => label(t, 'householdStatuses', v);
export const residentStatusLabel = (t: TFunction, v: string | undefined) => label(t, 'residentStatuses', v);
export const categoryLabel = (t: TFunction, v: string | undefined) => label(t, 'categories', v);
export const docTypeLabel = (t: TFunction, v: string | undefined) => label(t, 'docTypes', v);
export const healthCodeLabel = (t: TFunction, v: string | undefined) => label(t, 'healthCodes', v);
export const verificationMethodLabel = (t: TFunction, v: string | undefined) => label(t, 'verificationMethods', v);
