import { useCallback } from 'react';
import { useAuth } from 'react-oidc-context';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { LANGUAGE_STORAGE_KEY } from '../i18n/language';

/**
 * Forgets everything personal this browser holds for the app: cached API answers, web
 * storage (except the language choice, which is not personal) and the app's IndexedDB
 * databases (offline queues). Shared phones pass from one worker to the next.
 */
export async function clearPersonalData(queryClient: QueryClient): Promise<void> {
  await queryClient.cancelQueries();
  queryClient.clear();
  window.sessionStorage.clear();
  for (const key of Object.keys(window.localStorage)) {
    if (key !== LANGUAGE_STORAGE_KEY) window.localStorage.removeItem(key);
  }
  if (typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    const databases = await indexedDB.databases();
    for (const db of databases) {
      if (db.name) indexedDB.deleteDatabase(db.name);
    }
  }
}

/** Signs out: clears local data, then ends the Keycloak session (signoutRedirect). */
export function useSignOut(): () => Promise<void> {
  const auth = useAuth();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const idToken = auth.user?.id_token;
    await clearPersonalData(queryClient);
    await auth.signoutRedirect({ id_token_hint: idToken });
  }, [auth, queryClient]);
}
