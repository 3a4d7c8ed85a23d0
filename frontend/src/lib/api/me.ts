import { useQuery } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from './ApiProvider';
import { dataOf } from './client';
import type { ResponseBody } from './types';

/** Who the caller is: user name, roles and jurisdiction (the nodes their roles apply to). */
export type Me = ResponseBody<'/api/v1/me', 'get'>;

/** One key for the caller's profile, so invalidating `['me']` refreshes every screen that shows it. */
export const meQueryKey = ['me'] as const;

export function useMe() {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/me', { signal })),
    enabled: isAuthenticated,
  });
}
