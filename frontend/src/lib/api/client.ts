import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ProblemError, networkProblem, problemFromResponse } from './problem';

export type ApiClient = Client<paths>;

/** Resolves to the current (fresh) access token, or undefined while nobody is signed in. */
export type TokenSource = () => Promise<string | undefined>;

/** Adds the bearer token; refuses to send a request without one (the API would answer 401 anyway). */
export function authMiddleware(getToken: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const token = await getToken();
      if (!token) {
        throw new ProblemError({
          type: 'about:not-signed-in',
          title: 'Not signed in',
          status: 401,
          errors: [],
        });
      }
      request.headers.set('Authorization', `Bearer ${token}`);
      // Downloads (CSV) ask for their own type; everything else is JSON or problem+json.
      if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json, application/problem+json');
      return request;
    },
  };
}

/** Turns every non-2xx answer (problem+json or not) and every network failure into a ProblemError. */
export const problemMiddleware: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await problemFromResponse(response);
    return undefined;
  },
  onError({ error }) {
    return error instanceof ProblemError ? error : networkProblem(error);
  },
};

export function createApiClient(getToken: TokenSource, fetchImpl: typeof fetch = globalThis.fetch): ApiClient {
  // The SPA is served at the same origin as the API: every path in the schema starts with /api/v1.
  const client = createClient<paths>({
    baseUrl: window.location.origin,
    fetch: (input: Request) => fetchImpl(input),
  });
  client.use(authMiddleware(getToken), problemMiddleware);
  return client;
}

/**
 * The data of a successful call. The middleware has already thrown for every error answer,
 * so a missing body here means the server broke the contract.
 */
export function dataOf<T>(result: { data?: T; response: Response }): T {
  if (result.data === undefined) {
    throw new ProblemError({
      type: 'about:empty-response',
      title: 'Empty response',
      status: result.response.status,
      errors: [],
    });
  }
  return result.data;
}
