import { createHash } from 'node:crypto';
import { DomainException, ErrorCode } from '@puente/common';
import type { PublicJobOrderModel } from './graphql/public-job-order.model';

export type FeedLanguage = 'es' | 'en';
export const FEED_LANGUAGES: readonly FeedLanguage[] = ['es', 'en'];

/** The feeds speak Spanish unless `?lang=en` asks for English; any other language is BAD_USER_INPUT naming `lang`. */
export function feedLanguage(lang: unknown): FeedLanguage {
  if (lang === undefined || lang === null || lang === '') return 'es';
  if (typeof lang === 'string' && (FEED_LANGUAGES as readonly string[]).includes(lang.toLowerCase())) return lang.toLowerCase() as FeedLanguage;
  throw new DomainException(ErrorCode.BAD_USER_INPUT, 'The feed is in Spanish (lang=es, the default) or English (lang=en).', [
    { field: 'lang', message: 'must be es or en' },
  ]);
}

const COUNTRIES: Record<FeedLanguage, Record<string, string>> = {
  es: { US: 'Estados Unidos', CA: 'Canadá' },
  en: { US: 'United States', CA: 'Canada' },
};

const PROGRAMS: Record<FeedLanguage, Record<string, string>> = {
  es: {
    US_H2A: 'H-2A (trabajo agrícola temporal, Estados Unidos)',
    US_H2B: 'H-2B (trabajo temporal no agrícola, Estados Unidos)',
    CA_TFWP_AGRICULTURAL: 'Programa de Trabajadores Extranjeros Temporales, corriente agrícola (Canadá)',
    CA_TFWP_LOW_WAGE: 'Programa de Trabajadores Extranjeros Temporales, puestos de salario bajo (Canadá)',
    CA_SAWP: 'Programa de Trabajadores Agrícolas Estacionales (SAWP, Canadá)',
  },
  en: {
    US_H2A: 'H-2A (temporary agricultural work, United States)',
    US_H2B: 'H-2B (temporary non-agricultural work, United States)',
    CA_TFWP_AGRICULTURAL: 'Temporary Foreign Worker Program, agricultural stream (Canada)',
    CA_TFWP_LOW_WAGE: 'Temporary Foreign Worker Program, low-wage positions (Canada)',
    CA_SAWP: 'Seasonal Agricultural Worker Program (SAWP, Canada)',
  },
};

const MONTHS: Record<FeedLanguage, readonly string[]> = {
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A YYYY-MM-DD day as people read it: "1 de septiembre de 2026", "1 September 2026". */
export function longDate(iso: string, lang: FeedLanguage): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const name = MONTHS[lang][month - 1] ?? String(month);
  return lang === 'es' ? `${day} de ${name} de ${year}` : `${day} ${name} ${year}`;
}

/** The feeds' own words, by language. */
export const FEED_WORDS: Record<FeedLanguage, { title: string; description: string }> = {
  es: {
    title: 'Ofertas de empleo verificadas en el extranjero: Puente, Ministerio de Trabajo de El Salvador',
    description:
      'Las órdenes de trabajo abiertas de empleadores verificados por el Ministerio de Trabajo, para comprobar que una oferta de ' +
      'empleo en Estados Unidos o Canadá es real. Usted nunca paga por un empleo: el empleador paga el reclutamiento y el viaje.',
  },
  en: {
    title: 'Verified job offers abroad: Puente, Ministry of Labour of El Salvador',
    description:
      'The open job orders of employers the Ministry of Labour has verified, to check that a job offered in the United States or ' +
      'Canada is real. You never pay for a job: the employer pays recruitment and travel.',
  },
};

/** One order of the feed in words: its title, a one-line summary and the lines of its text. */
export interface FeedItemText {
  title: string;
  summary: string;
  lines: string[];
}

/**
 * What a feed item says about an order, in Spanish or English: the job, employer (verified, with its program
 * certification), place, pay, dates, positions and housing, and the Employer Pays Principle (a worker never pays a
 * fee; whoever asks for money commits fraud) when the order declares both the recruitment and the travel paid,
 * else a warning to ask the ministry. Only the public order's fields: nothing about a person.
 */
export function feedItemText(order: PublicJobOrderModel, lang: FeedLanguage): FeedItemText {
  const country = COUNTRIES[lang][order.country] ?? order.country;
  const employer = order.employer;
  const employerName = employer.tradeName && employer.tradeName !== employer.legalName ? `${employer.tradeName} (${employer.legalName})` : employer.legalName;
  const employerCountry = COUNTRIES[lang][employer.country] ?? employer.country;
  const program = PROGRAMS[lang][employer.program] ?? employer.program;
  const place = `${order.workCity}, ${order.workRegion.name}, ${country}`;
  const wage = `${order.hourlyWage.toFixed(2)} ${order.currency}`;
  const start = longDate(order.startDate, lang);
  const end = longDate(order.endDate, lang);
  const employerPays = order.employerPaysRecruitment && order.employerPaysTravel;
  if (lang === 'es') {
    return {
      title: `${order.title}: ${employerName}, ${place}`,
      summary: `${order.title} en ${place}: ${wage} por hora, desde el ${start}. Empleador verificado: ${employerName}.`,
      lines: [
        `Empleador verificado por el Ministerio de Trabajo: ${employerName}, ${employer.city}, ${employer.region.name}, ${employerCountry}.`,
        `Programa: ${program}; referencia ${employer.programReference}.`,
        `Ocupación: ${order.occupation.title} (CIUO-08 ${order.occupation.iscoCode}).`,
        `Lugar de trabajo: ${place}.`,
        `Salario: ${wage} por hora, ${order.hoursPerWeek} horas por semana.`,
        `Del ${start} al ${end} (${order.durationWeeks} semanas).`,
        `Puestos: ${order.positions}.`,
        order.housingProvided
          ? `Vivienda: la proporciona el empleador${order.housingDescription ? ` (${order.housingDescription})` : ''}.`
          : 'Vivienda: el empleador no la proporciona.',
        employerPays
          ? 'El empleador paga el reclutamiento y el viaje de ida y vuelta. Usted nunca paga una tarifa a nadie por este empleo: si alguien le pide dinero, es fraude; denúncielo al Ministerio de Trabajo.'
          : 'Atención: esta orden no declara que el empleador pague el reclutamiento y el viaje. No pague nada y consulte al Ministerio de Trabajo.',
        `Referencia de la orden: ${order.reference}, aprobada el ${longDate(order.approvedOn, lang)}.`,
      ],
    };
  }
  return {
    title: `${order.title}: ${employerName}, ${place}`,
    summary: `${order.title} in ${place}: ${wage} an hour, from ${start}. Verified employer: ${employerName}.`,
    lines: [
      `Employer verified by the Ministry of Labour: ${employerName}, ${employer.city}, ${employer.region.name}, ${employerCountry}.`,
      `Program: ${program}; reference ${employer.programReference}.`,
      `Occupation: ${order.occupation.title} (ISCO-08 ${order.occupation.iscoCode}).`,
      `Workplace: ${place}.`,
      `Pay: ${wage} an hour, ${order.hoursPerWeek} hours a week.`,
      `From ${start} to ${end} (${order.durationWeeks} weeks).`,
      `Positions: ${order.positions}.`,
      order.housingProvided
        ? `Housing: provided by the employer${order.housingDescription ? ` (${order.housingDescription})` : ''}.`
        : 'Housing: not provided by the employer.',
      employerPays
        ? 'The employer pays recruitment and travel both ways. You never pay a fee to anyone for this job: whoever asks you for money is committing fraud; report it to the Ministry of Labour.'
        : 'Warning: this order does not declare that the employer pays recruitment and travel. Pay nothing and ask the Ministry of Labour.',
      `Order reference: ${order.reference}, approved on ${longDate(order.approvedOn, lang)}.`,
    ],
  };
}

/** Text made safe inside HTML (the employer's own words included). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The lines of an item as HTML paragraphs, every character of the text escaped. */
export function feedItemHtml(text: FeedItemText): string {
  return text.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
}

/**
 * Text for a CDATA section of the RSS document: `]]>` would close it early, so a space parts it (`]] >`; the XML
 * writer splits only the first one), and the control characters XML 1.0 forbids are dropped.
 */
export function cdataSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/]]>/g, ']] >');
}

/**
 * The order's public address, which stays the same while it is open: the api's `/feeds/job-orders/<reference>.json`
 * on PUBLIC_URL (the portal has no page of its own for one order yet).
 */
export function orderUrl(publicUrl: string, reference: string): string {
  return `${publicUrl}/feeds/job-orders/${encodeURIComponent(reference)}.json`;
}

/** A strong ETag of a document: the same bytes give the same tag in every process. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this ETag (or `*`), weak or strong: the client's copy is current (304). */
export function matchesEtag(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : (ifNoneMatch ?? '');
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * The order as data for programs reading the JSON feed (its `_puente` extension, JSON Feed's way): the public
 * order's fields in snake_case, language-neutral. Nothing about a person.
 */
export function feedItemData(order: PublicJobOrderModel): Record<string, unknown> {
  const e = order.employer;
  return {
    reference: order.reference,
    title: order.title,
    isco_code: order.occupation.iscoCode,
    occupation_title: order.occupation.title,
    destination_occupation_system: order.destinationOccupationSystem,
    destination_occupation_code: order.destinationOccupationCode,
    country: order.country,
    region_code: order.workRegion.code,
    region_name: order.workRegion.name,
    city: order.workCity,
    hourly_wage: order.hourlyWage,
    currency: order.currency,
    hours_per_week: order.hoursPerWeek,
    start_date: order.startDate,
    end_date: order.endDate,
    duration_weeks: order.durationWeeks,
    positions: order.positions,
    housing_provided: order.housingProvided,
    housing_description: order.housingDescription,
    employer_pays_recruitment: order.employerPaysRecruitment,
    employer_pays_travel: order.employerPaysTravel,
    approved_on: order.approvedOn,
    employer: {
      legal_name: e.legalName,
      trade_name: e.tradeName,
      country: e.country,
      region_code: e.region.code,
      region_name: e.region.name,
      city: e.city,
      sector: e.sector,
      program: e.program,
      program_reference: e.programReference,
      verified_on: e.verifiedOn,
    },
  };
}
