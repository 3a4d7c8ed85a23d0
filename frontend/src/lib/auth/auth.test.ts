import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { fakeAccessToken } from '../../test-support/render';
import { LANGUAGE_STORAGE_KEY } from '../i18n/language';
import { hasAnyRole, rolesFromAccessToken } from './roles';
import { clearPersonalData } from './signOut';

describe('roles from the access token', () => {
  it('reads realm_access.roles and keeps only GridGuard roles', () => {
    const token = fakeAccessToken(['grid-worker', 'default-roles-gridguard' as never]);
    expect(rolesFromAccessToken(token)).toEqual(['grid-worker']);
    expect(hasAnyRole(['grid-worker'], ['admin', 'grid-leader'])).toBe(false);
  });

  it('gives no roles for a missing or malformed token', () => {
    expect(rolesFromAccessToken(undefined)).toEqual([]);
    expect(rolesFromAccessToken('not-a-jwt')).toEqual([]);
    expect(rolesFromAccessToken('a.%%%.b')).toEqual([]);
  });
});

describe('clearPersonalData', () => {
  it('empties the query cache and web storage but keeps the language choice', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(['me'], { username: 'worker1' });
    window.sessionStorage.setItem('oidc.user:x', '{}');
    window.localStorage.setItem('anything', 'personal');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');

    await clearPersonalData(queryClient);

    expect(queryClient.getQueryData(['me'])).toBeUndefined();
    expect(window.sessionStorage.length).toBe(0);
    expect(window.localStorage.getItem('anything')).toBeNull();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });
});
