import type { ReactElement, ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AuthContext, type AuthContextProps } from 'react-oidc-context';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { User } from 'oidc-client-ts';
import { vi } from 'vitest';
import { UiProvider } from '../app/UiProvider';
import { ApiProvider } from '../lib/api/ApiProvider';
import { createApiClient } from '../lib/api/client';
import type { Role } from '../lib/auth/roles';

/** An unsigned JWT carrying Keycloak's realm_access.roles claim (only the payload is read). */
export function fakeAccessToken(roles: readonly Role[], username = 'tester'): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${b64({ alg: 'none' })}.${b64({ preferred_username: username, realm_access: { roles } })}.`;
}

export function fakeAuth(roles: readonly Role[], username = 'tester'): AuthContextProps {
  const user = { access_token: fakeAccessToken(roles, username), id_token: 'id', profile: { preferred_username: username } } as unknown as User;
  return {
    user,
    isAuthenticated: true,
    isLoading: false,
    activeNavigator: undefined,
    error: undefined,
    signinRedirect: vi.fn(),
    signoutRedirect: vi.fn(),
  } as unknown as AuthContextProps;
}

/** A fetch that answers JSON (or problem+json when status ≥ 400) and records every request. */
export function jsonResponse(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

interface Options {
  roles?: readonly Role[];
  route?: string;
  /** Route pattern for the element, e.g. /grid-cells/:id. */
  path?: string;
  fetch?: (req: Request) => Promise<Response>;
  auth?: AuthContextProps;
}

/** Renders with the app's real providers (antd, i18n, react-query, API client), a fake login and a fake server. */
export function renderWithApp(ui: ReactElement, { roles = ['grid-worker'], route = '/', path = '*', fetch, auth }: Options = {}) {
  const authValue = auth ?? fakeAuth(roles);
  const fetchImpl = vi.fn(fetch ?? (() => Promise.resolve(jsonResponse({}, 404))));
  const apiClient = createApiClient(() => Promise.resolve(authValue.user?.access_token), fetchImpl as unknown as typeof globalThis.fetch);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const wrap = (children: ReactNode) => (
    <AuthContext value={authValue}>
      <QueryClientProvider client={queryClient}>
        <ApiProvider client={apiClient}>
          <UiProvider>
            <MemoryRouter initialEntries={[route]}>
              <Routes>
                <Route path={path} element={children} />
              </Routes>
            </MemoryRouter>
          </UiProvider>
        </ApiProvider>
      </QueryClientProvider>
    </AuthContext>
  );
  return { ...render(wrap(ui)), fetch: fetchImpl, queryClient, auth: authValue };
}
