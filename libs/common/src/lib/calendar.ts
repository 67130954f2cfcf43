/** The program's calendar day: registrations and deadlines follow El Salvador's date, not the server's. */
export const PROGRAM_TIME_ZONE = 'America/El_Salvador';

// One formatter per time zone: making an Intl.DateTimeFormat costs far more than formatting with one (it showed in
// the api's CPU profile under load).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

export function todayIso(now: Date = new Date(), timeZone = PROGRAM_TIME_ZONE): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
