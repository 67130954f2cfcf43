import { Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SCORES, type Score } from './evaluation-form';

export type EvaluationView = Record<Score, number> & { wouldRehire: boolean; comments?: string | null };

/** A submitted evaluation, read-only: the five scores, "would rehire" and the comments. */
export function EvaluationSummary({ evaluation }: { evaluation: EvaluationView }) {
  const { t } = useTranslation('evaluations');
  return (
    <>
      <List spacing={2} size="sm" listStyleType="none" aria-label={t('summary.label')}>
        {SCORES.map((s) => (
          <List.Item key={s}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" span>
                {t(`scores.${s}`)}:
              </Text>
              <Text size="sm" fw={600} span>
                {t('summary.outOf', { score: evaluation[s] })}
              </Text>
            </Group>
          </List.Item>
        ))}
        <List.Item>
          <Text size="sm" span>
            {t('summary.wouldRehire')}{' '}
          </Text>
          <Text size="sm" fw={600} span>
            {evaluation.wouldRehire ? t('form.yes') : t('form.no')}
          </Text>
        </List.Item>
      </List>
      {evaluation.comments ? (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          <Text span size="sm">
            {t('summary.comments')}{' '}
          </Text>
          {evaluation.comments}
        </Text>
      ) : null}
    </>
  );
}
