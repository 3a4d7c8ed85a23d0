import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasAnyRole, useRoles, type Role } from '../lib/auth/roles';

/** Hides a screen from callers without the role (the API refuses them anyway with 403). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const mine = useRoles();
  if (!hasAnyRole(mine, roles)) return <Result status="403" title={t('problem.forbidden')} />;
  return children;
}
