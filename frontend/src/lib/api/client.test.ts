import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './client';
import { ProblemError, problemFromResponse } from './problem';

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('API client', () => {
  it('sends the bearer token on every request', async () => {
    const fetch = vi.fn((req: Request) => Promise.resolve(req.method === 'GET' ? json({ username: 'worker1', roles: ['grid-worker'] }) : json({}, 405)));
    const client = createApiClient(() => Promise.resolve('tok-123'), fetch as unknown as typeof globalThis.fetch);
    const { data } = await client.GET('/api/v1/me');
    expect(data?.username).toBe('worker1');
    const req = fetch.mock.calls[0]![0];
    expect(req.headers.get('Authorization')).toBe('Bearer tok-123');
    expect(new URL(req.url).pathname).toBe('/api/v1/me');
  });

  it('never sends a request without a token', async () => {
    const fetch = vi.fn();
    const client = createApiClient(() => Promise.resolve(undefined), fetch);
    await expect(client.GET('/api/v1/me')).rejects.toMatchObject({ name: 'ProblemError', status: 401 });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('turns a problem+json answer into a typed ProblemError', async () => {
    const problem = {
      type: 'https://gridguard.example/problems/validation',
      title: 'Invalid input',
      status: 400,
      detail: '1 field is invalid',
      errors: [{ field: 'create.body.principal', message: 'must not be blank' }],
    };
    const fetch = vi.fn(() => Promise.resolve(json(problem, 400, 'application/problem+json')));
    const client = createApiClient(() => Promise.resolve('t'), fetch);
    const error: unknown = await client
      .POST('/api/v1/assignments', { body: { principal: ' ', principalType: 'USER', role: 'grid-worker', nodeId: 'x' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 400, title: 'Invalid input', detail: '1 field is invalid', errors: problem.errors });
  });

  it('turns a network failure into a ProblemError with status 0', async () => {
    const fetch = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const client = createApiClient(() => Promise.resolve('t'), fetch);
    const error = (await client.GET('/api/v1/me').catch((e: unknown) => e)) as ProblemError;
    expect(error).toBeInstanceOf(ProblemError);
    expect(error.isNetworkError).toBe(true);
    expect(error.detail).toBe('Failed to fetch');
  });
});

describe('problemFromResponse', () => {
  it('copes with an error that is not problem+json (a proxy page)', async () => {
    const p = await problemFromResponse(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }));
    expect(p).toMatchObject({ status: 502, title: 'Bad Gateway', type: 'about:blank', errors: [] });
  });

  it('drops malformed field errors', async () => {
    const p = await problemFromResponse(json({ title: 'x', status: 422, errors: [{ field: 'a' }, 'junk', { message: 'global' }] }, 422, 'application/problem+json'));
    expect(p.errors).toEqual([{ field: '', message: 'global' }]);
  });
});
