import { useId } from 'react';
import { Box, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
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

/**
 * One bar per factor, its points of the factor's maximum, and the reason in words. The bars are drawn for the
 * eye only; the same numbers are in the text beside them, which is what a screen reader reads.
 */
export function ScoreBreakdown({ lines, reference, context }: { lines: readonly ScoreLineView[]; reference: string; context: ScoreContext }) {
  const { t, i18n } = useTranslation('shortlist');
  const lang = i18n.resolvedLanguage ?? 'es';
  const captionId = useId();
  return (
    <Box component="figure" m={0}>
      <Text component="figcaption" id={captionId} size="sm" fw={600} mb={6}>
        {t('breakdown.label', { reference })}
      </Text>
      <Stack component="ul" gap={8} p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={captionId}>
        {lines.map((line) => {
          const share = line.maxPoints > 0 ? Math.min(100, Math.max(0, (line.points / line.maxPoints) * 100)) : 0;
          return (
            <li key={line.factor}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {t(`factor.${line.factor}`, { defaultValue: line.factor })}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {t('breakdown.points', { points: formatNumber(line.points, lang), max: formatNumber(line.maxPoints, lang) })}
                </Text>
              </Group>
              <Box aria-hidden h={8} my={4} bg="gray.2" style={{ borderRadius: 4, overflow: 'hidden' }}>
                <Box h="100%" w={`${share}%`} bg="indigo.7" />
              </Box>
              <Text size="xs" c="gray.7">
                {reasonText(t, lang, line, context)}
              </Text>
            </li>
          );
        })}
      </Stack>
    </Box>
  );
}
