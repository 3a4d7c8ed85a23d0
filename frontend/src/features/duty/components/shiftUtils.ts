import dayjs from 'dayjs';
import type { Shift } from '../api/duty';

export type ShiftPhase = 'upcoming' | 'current' | 'past';

export function shiftPhase(shift: Shift, now = dayjs()): ShiftPhase {
  if (now.isBefore(dayjs(shift.startsAt))) return 'upcoming';
  if (now.isBefore(dayjs(shift.endsAt))) return 'current';
  return 'past';
}

/** Today's shifts first (current, then upcoming), then later days, then past ones. */
export function orderTodayFirst(shifts: readonly Shift[], now = dayjs()): Shift[] {
  const today = now.format('YYYY-MM-DD');
  const rank = (s: Shift) => {
    const phase = shiftPhase(s, now);
    if (phase === 'current') return 0;
    if (s.businessDate === today && phase === 'upcoming') return 1;
    if (phase === 'upcoming') return 2;
    return 3;
  };
  return [...shifts].sort((a, b) => rank(a) - rank(b) || dayjs(a.startsAt).valueOf() - dayjs(b.startsAt).valueOf());
}

export const timeRange = (s: Shift) => `${dayjs(s.startsAt).format('HH:mm')}–${dayjs(s.endsAt).format('HH:mm')}`;

/** Monday of the week holding the date. */
export function weekStart(d = dayjs()): dayjs.Dayjs {
  const dow = (d.day() + 6) % 7;
  return d.startOf('day').subtract(dow, 'day');
}
