import { useMemo } from 'react';
import { useAuth } from 'react-oidc-context';

export const ROLES = [
  'admin',
  'supervisor',
  'grid-leader',
  'grid-worker',
  'lab',
  'agency',
  'site-staff',
  'inspector',
] as const;
export type Role = (typeof ROLES)[number];

const isRole = (r: unknown): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r);

/**
 * The GridGuard roles in an access token's `realm_access.roles` claim. Used only to decide
 * what the navigation shows: the API checks roles and jurisdiction on every call.
 */
export function rolesFromAccessToken(token: string | undefined): Role[] {
  const payload = token?.split('.')[1];
  if (!payload) return [];
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as { realm_access?: { roles?: unknown } };
    const roles = claims.realm_access?.roles;
    return Array.isArray(roles) ? roles.filter(isRole) : [];
  } catch {
    return [];
  }
}

export function useRoles(): Role[] {
  const token = useAuth().user?.access_token;
  return useMemo(() => rolesFromAccessToken(token), [token]);
}

export const hasAnyRole = (roles: readonly Role[], allowed: readonly Role[]): boolean =>
  allowed.some((r) => roles.includes(r));
