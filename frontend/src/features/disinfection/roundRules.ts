/**
 * The record form's rules, pure: what the API accepts (m² and concentration above 0 with at most two decimals, an
 * agent named), what is remembered from the last record on this device (the agent and its concentration), and the
 * day of the deployment's zone the log shows.
 */

/** The deployment's zone: slots and "today" are counted there (the API does the same). */
export const DISINFECTION_ZONE = 'Asia/Shanghai';

export interface RoundInput {
  areaM2?: number | null;
  agent?: string | null;
  concentrationMgL?: number | null;
}

export type RoundField = 'areaM2' | 'agent' | 'concentrationMgL';
export type RoundProblem = 'required' | 'positive' | 'decimals' | 'tooLong';

const twoDecimals = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

function amount(value: number | null | undefined): RoundProblem | undefined {
  if (value === null || value === undefined || Number.isNaN(value)) return 'required';
  if (value <= 0) return 'positive';
  return twoDecimals(value) ? undefined : 'decimals';
}

/** The first problem of each field (none: the round may be sent). */
export function roundProblems(input: RoundInput): Partial<Record<RoundField, RoundProblem>> {
  const out: Partial<Record<RoundField, RoundProblem>> = {};
  const area = amount(input.areaM2);
  if (area) out.areaM2 = area;
  const agent = (input.agent ?? '').trim();
  if (!agent) out.agent = 'required';
  else if (agent.length > 100) out.agent = 'tooLong';
  const concentration = amount(input.concentrationMgL);
  if (concentration) out.concentrationMgL = concentration;
  return out;
}

/** What the form remembers of the last record: the agent and its concentration. */
export interface Remembered {
  agent: string;
  concentrationMgL: number;
}

export const DEFAULT_REMEMBERED: Remembered = { agent: '含氯消毒剂 84', concentrationMgL: 500 };
const KEY = 'gg.disinfection.last';

/** The last agent and concentration recorded on this device, or the usual 84 disinfectant at 500 mg/L. */
export function loadRemembered(storage: Pick<Storage, 'getItem'> = window.localStorage): Remembered {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<Remembered> | null;
    if (parsed && typeof parsed.agent === 'string' && parsed.agent.trim() && typeof parsed.concentrationMgL === 'number' && parsed.concentrationMgL > 0) {
      return { agent: parsed.agent, concentrationMgL: parsed.concentrationMgL };
    }
  } catch {
    // a broken entry is forgotten
  }
  return DEFAULT_REMEMBERED;
}

export function saveRemembered(r: Remembered, storage: Pick<Storage, 'setItem'> = window.localStorage) {
  try {
    storage.setItem(KEY, JSON.stringify({ agent: r.agent.trim(), concentrationMgL: r.concentrationMgL }));
  } catch {
    // a full storage only costs the memory
  }
}

/** The day (YYYY-MM-DD) of an instant in the deployment's zone, whatever the device's zone. */
export function dayInZone(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DISINFECTION_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** HH:mm of an ISO instant in the deployment's zone. */
export function clockInZone(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: DISINFECTION_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** Times of day as typed ("8:00, 16:00") → sorted HH:MM, or undefined when one is not a time. */
export function parseTimes(text: string): string[] | undefined {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const out: string[] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(p);
    const [, hours = '', minutes = ''] = m ?? [];
    if (!m || Number(hours) > 23 || Number(minutes) > 59) return undefined;
    out.push(`${hours.padStart(2, '0')}:${minutes}`);
  }
  return [...new Set(out)].sort();
}
