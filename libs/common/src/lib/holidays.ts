/**
 * El Salvador's national public holidays (Código de Trabajo, art. 190, and the decrees adding Mother's and
 * Father's Day), the days its offices (ministry, clinics, consulates' local partners) are closed besides weekends.
 * Pure and dated by year: the movable Holy Week days are computed from Easter Sunday, never typed per year.
 *
 * Left out on purpose: 3, 4 and 5 August (the August festivities) are holidays in the municipality of San
 * Salvador only, and other patron-saint days are local; only 6 August (Divino Salvador del Mundo) is national.
 */
import { addDays } from './calendar';

export interface Holiday {
  /** YYYY-MM-DD. */
  date: string;
  name: string;
}

const FIXED: readonly [month: number, day: number, name: string][] = [
  [1, 1, "New Year's Day"],
  [5, 1, 'Labour Day'],
  [5, 10, "Mother's Day"],
  [6, 17, "Father's Day"],
  [8, 6, 'Divino Salvador del Mundo'],
  [9, 15, 'Independence Day'],
  [11, 2, 'All Souls’ Day'],
  [12, 25, 'Christmas Day'],
];

const iso = (year: number, month: number, day: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus: Meeus, Jones, Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The national holidays of one year, in date order. */
export function nationalHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const holyWeek: Holiday[] = [
    { date: addDays(easter, -3), name: 'Holy Thursday' },
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, -1), name: 'Holy Saturday' },
  ];
  return [...FIXED.map(([month, day, name]) => ({ date: iso(year, month, day), name })), ...holyWeek].sort((x, y) => x.date.localeCompare(y.date));
}

const byYear = new Map<number, Map<string, string>>();

/** The holiday's name when a YYYY-MM-DD date is a national holiday in El Salvador, else null. */
export function holidayOn(date: string): string | null {
  const year = Number(date.slice(0, 4));
  let days = byYear.get(year);
  if (!days) {
    days = new Map(nationalHolidays(year).map((h) => [h.date, h.name]));
    byYear.set(year, days);
  }
  return days.get(date) ?? null;
}
