import { useId } from 'react';
import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { reasonText, type ScoreContext, type ScoreLineView } from './score-reason';

export type { ScoreLineView } from './score-reason';

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
