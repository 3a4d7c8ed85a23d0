import { describe, expect, it, vi } from 'vitest';
import { CONFIG_STORAGE_KEY, loadRuntimeConfig } from './config';

const CONFIG = { oidcAuthority: 'https://kc.example/realms/gridguard', oidcClientId: 'gridguard-web' };
const ok = () => Promise.resolve(new Response(JSON.stringify(CONFIG), { status: 200, headers: { 'Content-Type': 'application/json' } }));
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

describe('loadRuntimeConfig', () => {
  it('reads /config.json and keeps a copy on the device', async () => {
    expect(await loadRuntimeConfig(vi.fn(ok))).toEqual(CONFIG);
    expect(JSON.parse(window.localStorage.getItem(CONFIG_STORAGE_KEY) ?? 'null')).toEqual(CONFIG);
  });

  it('starts from the kept copy when there is no network (a reload at a gate)', async () => {
    await loadRuntimeConfig(vi.fn(ok));
    expect(await loadRuntimeConfig(vi.fn(offline))).toEqual(CONFIG);
  });

  it('fails without network on a device that never loaded the settings', async () => {
    await expect(loadRuntimeConfig(vi.fn(offline))).rejects.toThrow('Failed to fetch');
  });
});
