import type { TFunction } from 'i18next';
import { formatNumber } from '../format';

export interface ScoreLineView {
  factor: string;
  points: number;
  maxPoints: number;
  explanation: string;
  code?: string | null;
  params?: unknown;
}

/** The candidate's own groups, which the fairness line speaks of (the api sends rates only, never names). */
export interface ScoreContext {
  municipality: string;
  gender: string;
}

type Params = Record<string, number | string | undefined>;

/** Which param decides the plural of each code's sentence. */
const PLURAL_BY: Record<string, string> = {
  REQUIRED_SKILLS: 'asked',
  PREFERRED_SKILLS: 'asked',
  EXPERIENCE: 'years',
  EVALUATIONS_NONE: 'seasons',
  EVALUATIONS_AVERAGE: 'evaluations',
  LANGUAGE_ABOVE_REQUIRED: 'required',
};
/** Params shown as they come: a year is not a quantity ("2026", never "2.026"), a level is a code (B1). */
const VERBATIM = new Set(['year', 'level']);

const percent = (value: number, lang: string) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);

/**
 * A score line's reason in the reader's language, from its code and params; the api's English sentence when the
 * line has no code (scores stored before codes existed) or a code this portal does not know yet.
 */
export function reasonText(t: TFunction<'shortlist'>, lang: string, line: ScoreLineView, context: ScoreContext): string {
  if (!line.code) return line.explanation;
  const p = (line.params && typeof line.params === 'object' ? line.params : {}) as Params;
  const num = (v: number | string | undefined) => (typeof v === 'number' ? formatNumber(v, lang) : String(v ?? ''));
  if (line.code === 'FAIRNESS') {
    const thousand = formatNumber(1000, lang);
    const part = (group: string, rate: Params[string], under: Params[string]) =>
      Number(under) > 0
        ? t('reason.FAIRNESS_UNDER', { group, rate: num(rate), overall: num(p['overallRate']), under: percent(Number(under), lang), thousand })
        : t('reason.FAIRNESS_NOT_BELOW', { group, rate: num(rate), overall: num(p['overallRate']), thousand });
    const gender = t(`genderGroup.${context.gender}`, { defaultValue: context.gender.toLowerCase() });
    return `${part(context.municipality, p['municipalityRate'], p['municipalityUnderPercent'])}; ${part(gender, p['genderRate'], p['genderUnderPercent'])}`;
  }
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p)) values[name] = VERBATIM.has(name) ? String(value) : num(value);
  const countParam = PLURAL_BY[line.code];
  if (countParam) values['count'] = Number(p[countParam]);
  const key = `reason.${line.code}`;
  return t(key, { ...values, defaultValue: line.explanation });
}
