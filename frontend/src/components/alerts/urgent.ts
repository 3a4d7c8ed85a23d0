import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { useAuth } from 'react-oidc-context';
import { useApiClient } from '../../lib/api/ApiProvider';
import { dataOf } from '../../lib/api/client';
import { ACTIVE_STATES, useAlertKinds, type AlertKindInfo } from './alerts';

/** Health emergencies that are urgent whatever colour their feature gives them. */
const ALWAYS_URGENT = ['FEVER', 'POSITIVE_POOL', 'SYMPTOM', 'QUARANTINE_BREACH'];

/** The urgent kinds: those their feature shows in red, and the health emergencies the server knows. */
export function urgentKinds(kinds: readonly AlertKindInfo[] | undefined): string[] {
  const list = kinds ?? [];
  const red = list.filter((k) => k.color === 'red').map((k) => k.kind);
  const emergencies = ALWAYS_URGENT.filter((code) => list.some((k) => k.kind === code));
  return [...new Set([...red, ...emergencies])];
}

export const URGENT_POLL_MS = 30_000;
export const MUTE_STORAGE_KEY = 'gg.alerts.muted';

const storedMuted = (): boolean => {
  try {
    return window.localStorage.getItem(MUTE_STORAGE_KEY) === '1';
  } catch {
    return false;
  }
};

// ---------- the sound (Web Audio: no file, no library) ----------

type AudioCtor = typeof AudioContext;
let audio: AudioContext | undefined;

/**
 * Browsers let a page make sound only after a user gesture: the context is made (or resumed) in the first tap or
 * key press, never before, so a blocked page logs nothing and simply stays silent.
 */
function unlockAudio() {
  try {
    const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioCtor }).webkitAudioContext) as AudioCtor | undefined;
    if (!Ctor) return;
    audio ??= new Ctor();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  } catch {
    audio = undefined;
  }
}

/** Two short high tones; false (and silence) when the browser has not allowed sound yet. */
export function beep(): boolean {
  const ctx = audio;
  if (ctx?.state !== 'running') return false;
  try {
    const start = ctx.currentTime;
    for (const at of [start, start + 0.25]) {
      const tone = ctx.createOscillator();
      const gain = ctx.createGain();
      tone.type = 'sine';
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.18);
      tone.connect(gain).connect(ctx.destination);
      tone.start(at);
      tone.stop(at + 0.2);
    }
    return true;
  } catch {
    return false;
  }
}

/** Forgets the audio context (tests). */
export function resetAudio() {
  audio = undefined;
}

function useAudioUnlock(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const events = ['pointerdown', 'keydown', 'touchend'] as const;
    events.forEach((e) => window.addEventListener(e, unlockAudio, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, unlockAudio));
  }, [enabled]);
}

// ---------- the poll ----------

/**
 * Open urgent alerts in the caller's reach while the app is open (no push: ADR 0049): polled every 30 s, one
 * request per urgent kind. Returns their count for the nav's badge; beeps when an alert appears that was not there
 * at the first load or any later poll, unless muted (remembered on the device).
 */
export function useUrgentAlerts(enabled: boolean) {
  const client = useApiClient();
  const { isAuthenticated } = useAuth();
  const on = enabled && isAuthenticated;
  const { data: kinds } = useAlertKinds(on);
  const codes = on ? urgentKinds(kinds) : [];
  const { ids, loaded } = useQueries({
    queries: codes.map((kind) => ({
      queryKey: ['alerts', 'urgent', kind],
      queryFn: async ({ signal }: { signal: AbortSignal }) =>
        (dataOf(await client.GET('/api/v1/alerts', { params: { query: { kind, state: ACTIVE_STATES, limit: 100 } }, signal })).items ?? []).flatMap((a) => (a.id ? [a.id] : [])),
      refetchInterval: URGENT_POLL_MS,
    })),
    combine: (results) => ({ ids: results.flatMap((r) => r.data ?? []), loaded: results.length > 0 && results.every((r) => r.isSuccess) }),
  });
  const [muted, setMutedState] = useState(storedMuted);
  const setMuted = useCallback((next: boolean) => {
    window.localStorage.setItem(MUTE_STORAGE_KEY, next ? '1' : '0');
    setMutedState(next);
  }, []);
  useAudioUnlock(on);

  const seen = useRef<Set<string> | null>(null);
  const idsKey = [...ids].sort().join(',');
  useEffect(() => {
    if (!loaded) return;
    const current = idsKey ? idsKey.split(',') : [];
    if (seen.current === null) {
      seen.current = new Set(current);
      return;
    }
    const known = seen.current;
    const fresh = current.filter((id) => !known.has(id));
    fresh.forEach((id) => known.add(id));
    if (fresh.length > 0 && !muted) beep();
  }, [idsKey, loaded, muted]);

  return { count: ids.length, muted, setMuted };
}
