import { useQuery } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../../lib/api/ApiProvider';
import { dataOf } from '../../../lib/api/client';
import type { ResponseBody } from '../../../lib/api/types';

export type Me = ResponseBody<'/api/v1/me', 'get'>;

export function useMe() {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  return useQuery({
    queryKey: ['me'],
    queryFn: async ({ signal }) => dataOf(await client.GET('/api/v1/me', { signal })),
    enabled: isAuthenticated,
  });
}
