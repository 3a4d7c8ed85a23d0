/** The deployment's zone: "today" and due days are counted there (the API does the same). */
export const ZONE = 'Asia/Shanghai';

/** Today's date (YYYY-MM-DD) in the deployment's zone, whatever the device's zone. */
export function todayInZone(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
