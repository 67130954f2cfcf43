/** Dates, numbers and money in the reader's language, through Intl. */

/** A LocalDate (YYYY-MM-DD, El Salvador's calendar day) as written in `lang`; no time zone can move it a day. */
export function formatDate(isoDate: string, lang: string, style: 'medium' | 'long' | 'short' = 'medium'): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant (DateTime) in El Salvador's time, where the program runs. */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/El_Salvador' }).format(new Date(iso));
}

export function formatMoney(amount: number, currency: string, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency, currencyDisplay: 'code' }).format(amount);
}

export function formatNumber(value: number, lang: string, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits }).format(value);
}
