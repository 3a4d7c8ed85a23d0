import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../../test-support/render';
import { VerifyPage } from './VerifyPage';

describe('VerifyPage (public)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('checks the number and code of the query without a token, and shows genuine with the community and dates', async () => {
    const calls: Request[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((req: Request) => {
        calls.push(req);
        return Promise.resolve(jsonResponse({ genuine: true, communityName: '燕泉社区', startsOn: '2026-11-20', releasedOn: '2026-12-04' }));
      }),
    );
    renderWithApp(<VerifyPage />, { route: '/verify?number=Q20261120-7&code=AB12CD34' });
    expect(await screen.findByText('告知书真实有效')).toBeInTheDocument();
    expect(screen.getByText('燕泉社区')).toBeInTheDocument();
    expect(screen.getByText('2026-12-04')).toBeInTheDocument();
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe('/api/v1/quarantine-notices/verify');
    expect(url.searchParams.get('number')).toBe('Q20261120-7');
    expect(url.searchParams.get('code')).toBe('AB12CD34');
    expect(calls[0]!.headers.get('Authorization')).toBeNull();
  });

  it('says not genuine, and shows nothing else', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(jsonResponse({ genuine: false }))));
    renderWithApp(<VerifyPage />, { route: '/verify?number=Q1&code=X' });
    expect(await screen.findByText('告知书无效')).toBeInTheDocument();
    expect(screen.queryByText('社区')).toBeNull();
  });

  it('asks for the number and code when the link carries none', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderWithApp(<VerifyPage />, { route: '/verify' });
    expect(await screen.findByRole('textbox', { name: '编号' })).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });
});
