/** Settings the backend serves at /config.json, so that one build runs on any host. */
export interface RuntimeConfig {
  oidcAuthority: string;
  oidcClientId: string;
}

export async function loadRuntimeConfig(fetchImpl: typeof fetch = globalThis.fetch): Promise<RuntimeConfig> {
  const response = await fetchImpl('/config.json', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  const body = (await response.json()) as Partial<Record<keyof RuntimeConfig, unknown>>;
  const { oidcAuthority, oidcClientId } = body;
  if (typeof oidcAuthority !== 'string' || typeof oidcClientId !== 'string' || !oidcAuthority || !oidcClientId) {
    throw new Error('/config.json lacks oidcAuthority or oidcClientId');
  }
  return { oidcAuthority, oidcClientId };
}
