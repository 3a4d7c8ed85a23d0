import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { RuntimeConfig } from '../config';
import type { TokenSource } from '../api/client';

/**
 * Authorization code + PKCE against Keycloak's own login page. Tokens live in sessionStorage
 * (phones are shared: closing the tab forgets them) and are renewed silently with the refresh token.
 * Not in memory: a reload at a gate with no network must keep the checkpoint working offline; the strict
 * CSP (script-src 'self') is what keeps foreign scripts away from them (ADR 0027). No iframe is used
 * (no silent_redirect_uri, no session monitor), so the CSP allows no frame.
 */
export function createUserManager(config: RuntimeConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.oidcAuthority,
    client_id: config.oidcClientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** The API client's token: the stored one, renewed first if it has expired (a phone that slept). */
export function tokenSource(userManager: UserManager): TokenSource {
  return async () => {
    let user = await userManager.getUser();
    if (user?.expired) {
      try {
        user = await userManager.signinSilent();
      } catch {
        return undefined;
      }
    }
    return user?.access_token;
  };
}
