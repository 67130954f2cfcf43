import { useId } from 'react';
import { Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { ScoreBreakdown, type ScoreLineView } from './score-breakdown';

export interface CandidateView {
  rank: number;
  score: number;
  status: string;
  named: boolean;
  applicant: {
    reference: string;
    age: number;
    gender: string;
    yearsExperience: number;
    skills: readonly string[];
    municipality: { name: string };
    languages: readonly { code: string; level: string }[];
  };
  breakdown: readonly ScoreLineView[];
}

/** Light badges with their label in the text colour: the tinted one is too pale on its tint for small text (WCAG AA). */
const READABLE_LABEL = { label: { color: 'var(--mantine-color-text)' } };

const STATUS_COLOR: Record<string, string> = { SUGGESTED: 'blue', RESERVE: 'gray', SELECTED: 'green', REJECTED: 'red', RELEASED: 'gray' };
/** Only these can still be selected or rejected; the api refuses the others. */
export const OPEN_STATUSES = new Set(['SUGGESTED', 'RESERVE']);

interface Props {
  candidate: CandidateView;
  skillLabels: ReadonlyMap<string, string>;
  /** Null when the order takes no selection now (not open, or nothing left to choose): no checkbox. */
  chosen: boolean | null;
  choosable: boolean;
  onChoose: (reference: string, chosen: boolean) => void;
  onReject: ((reference: string) => void) | null;
}

/** One anonymised candidate: an article named by its reference, with the score explained factor by factor. */
export function ShortlistCandidate({ candidate, skillLabels, chosen, choosable, onChoose, onReject }: Props) {
  const { t, i18n } = useTranslation('shortlist');
  const lang = i18n.resolvedLanguage ?? 'es';
  const headingId = useId();
  const { applicant } = candidate;
  const open = OPEN_STATUSES.has(candidate.status);
  const languageName = (code: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(code) ?? code;

  return (
    <Paper component="article" aria-labelledby={headingId} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2}>
            <Title order={3} size="h4" id={headingId}>
              {applicant.reference}
            </Title>
            <Text size="sm">
              {t('rank', { rank: candidate.rank })} · {t('score', { score: formatNumber(candidate.score, lang) })}
            </Text>
          </Stack>
          <Group gap={6}>
            {candidate.named && (
              <Badge color="grape" variant="light" styles={READABLE_LABEL}>
                {t('named')}
              </Badge>
            )}
            <Badge color={STATUS_COLOR[candidate.status] ?? 'gray'} variant="light" styles={READABLE_LABEL}>
              {t(`status.${candidate.status}`, { defaultValue: candidate.status })}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {[
            t('profile.age', { age: applicant.age }),
            t(`gender.${applicant.gender}`, { defaultValue: applicant.gender }),
            t('profile.from', { municipality: applicant.municipality.name }),
            t('profile.experience', { count: applicant.yearsExperience }),
          ].join(' · ')}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('profile.skills')}:{' '}
          </Text>
          {applicant.skills.length ? applicant.skills.map((s) => skillLabels.get(s) ?? s).join(', ') : t('profile.noSkills')}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t('profile.languages')}:{' '}
          </Text>
          {applicant.languages.map((l) => `${languageName(l.code)} (${l.level})`).join(', ')}
        </Text>
        <ScoreBreakdown
          lines={candidate.breakdown}
          reference={applicant.reference}
          context={{ municipality: applicant.municipality.name, gender: applicant.gender }}
        />
        {open && (chosen !== null || onReject) && (
          <Group justify="space-between" wrap="wrap" gap="sm">
            {chosen !== null ? (
              <Checkbox
                label={t('choose', { reference: applicant.reference })}
                checked={chosen}
                disabled={!chosen && !choosable}
                onChange={(e) => onChoose(applicant.reference, e.currentTarget.checked)}
              />
            ) : (
              <span />
            )}
            {onReject && (
              <Button variant="outline" color="red" size="xs" aria-label={t('reject.openLabel', { reference: applicant.reference })} onClick={() => onReject(applicant.reference)}>
                {t('reject.open')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
