import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { AuthProvider } from 'react-oidc-context';
import { RouterProvider } from 'react-router';
import type { User, UserManager } from 'oidc-client-ts';
import { ApiProvider } from '../lib/api/ApiProvider';
import type { ApiClient } from '../lib/api/client';
import { router } from './router';
import { UiProvider } from './UiProvider';

/**
 * After Keycloak's redirect back: drop ?code&state from the URL and return to where the user
 * was (RequireAuth shows the app only once those parameters are gone).
 */
async function onSigninCallback(user: User | undefined) {
  const target = typeof user?.url_state === 'string' && user.url_state.startsWith('/') ? user.url_state : '/';
  await router.navigate(target, { replace: true });
}

interface Props {
  userManager: UserManager;
  apiClient: ApiClient;
  queryClient: QueryClient;
}

export function App({ userManager, apiClient, queryClient }: Props) {
  return (
    <AuthProvider userManager={userManager} onSigninCallback={onSigninCallback}>
      <QueryClientProvider client={queryClient}>
        <ApiProvider client={apiClient}>
          <UiProvider>
            <RouterProvider router={router} />
          </UiProvider>
        </ApiProvider>
      </QueryClientProvider>
    </AuthProvider>
  );
}
