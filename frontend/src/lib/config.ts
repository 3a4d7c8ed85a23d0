/** Settings the backend serves at /config.json, so that one build runs on any host. */
export interface RuntimeConfig {
  oidcAuthority: string;
  oidcClientId: string;
}

/** The last settings read, so that a reload with no network (a gate without signal) still starts the app and its offline queue. */
export const CONFIG_STORAGE_KEY = 'gg.runtime-config';

export async function loadRuntimeConfig(fetchImpl: typeof fetch = globalThis.fetch): Promise<RuntimeConfig> {
  let config: RuntimeConfig;
  try {
    config = await fetchRuntimeConfig(fetchImpl);
  } catch (error) {
    const saved = savedRuntimeConfig();
    if (saved) return saved;
    throw error;
  }
  try {
    window.localStorage.setItem(CONFIG_STORAGE_KEY, JSON.stringify(config));
  } catch {
    // storage full or disabled: the app still runs online
  }
  return config;
}

function savedRuntimeConfig(): RuntimeConfig | undefined {
  try {
    const saved = JSON.parse(window.localStorage.getItem(CONFIG_STORAGE_KEY) ?? 'null') as Partial<RuntimeConfig> | null;
    return typeof saved?.oidcAuthority === 'string' && typeof saved.oidcClientId === 'string' ? { oidcAuthority: saved.oidcAuthority, oidcClientId: saved.oidcClientId } : undefined;
  } catch {
    return undefined;
  }
}

async function fetchRuntimeConfig(fetchImpl: typeof fetch): Promise<RuntimeConfig> {
  const response = await fetchImpl('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  const body = (await response.json()) as Partial<Record<keyof RuntimeConfig, unknown>>;
  const { oidcAuthority, oidcClientId } = body;
  if (typeof oidcAuthority !== 'string' || typeof oidcClientId !== 'string' || !oidcAuthority || !oidcClientId) {
    throw new Error('/config.json lacks oidcAuthority or oidcClientId');
  }
  return { oidcAuthority, oidcClientId };
}
