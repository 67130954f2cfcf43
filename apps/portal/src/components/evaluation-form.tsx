import { useEffect, useId, useRef } from 'react';
import { Button, Group, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

// Mantine's default description grey is too faint on white for WCAG AA contrast.
const READABLE_DESCRIPTION = { description: { color: 'var(--mantine-color-gray-7)' } };

export const SCORES = ['overall', 'punctuality', 'quality', 'safety', 'teamwork'] as const;
export type Score = (typeof SCORES)[number];

export interface EvaluationValues {
  scores: Record<Score, number>;
  wouldRehire: boolean;
  comments: string | null;
}

const SCALE = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));

/**
 * The five 1–5 scores (a labelled radio group each), "would you hire this worker again" and comments. Only
 * completeness is checked here; the api judges the rest and its field messages come back in `fieldErrors`.
 */
export function EvaluationForm({
  name,
  loading,
  fieldErrors,
  onSubmit,
  onCancel,
}: {
  name: string;
  loading: boolean;
  fieldErrors: Record<string, string>;
  onSubmit: (values: EvaluationValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('evaluations');
  const id = useId();
  // The button that opened the form goes away: focus moves to the form, so a keyboard user goes on from there.
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const form = useForm({
    initialValues: { overall: '', punctuality: '', quality: '', safety: '', teamwork: '', wouldRehire: '', comments: '' },
    validate: {
      ...Object.fromEntries(SCORES.map((s) => [s, (v: string) => (v ? null : t('form.scoreRequired'))])),
      wouldRehire: (v: string) => (v ? null : t('form.wouldRehireRequired')),
    },
  });

  const submit = form.onSubmit((v) =>
    onSubmit({
      scores: Object.fromEntries(SCORES.map((s) => [s, Number(v[s])])) as Record<Score, number>,
      wouldRehire: v.wouldRehire === 'yes',
      comments: v.comments.trim() || null,
    }),
  );

  return (
    <form ref={ref} tabIndex={-1} onSubmit={submit} noValidate aria-label={t('form.label', { name })}>
      <Stack gap="md">
        <Text size="sm" id={`${id}-scale`}>
          {t('form.scale')}
        </Text>
        {SCORES.map((score) => {
          const error = form.errors[score] ?? fieldErrors[score];
          return (
            <Stack gap={4} key={score}>
              <Text fw={500} size="sm" id={`${id}-${score}`}>
                {t(`scores.${score}`)}
              </Text>
              <SegmentedControl
                data={SCALE}
                value={form.values[score]}
                onChange={(v) => form.setFieldValue(score, v)}
                aria-labelledby={`${id}-${score}`}
                aria-describedby={`${id}-scale${error ? ` ${id}-${score}-error` : ''}`}
                fullWidth
              />
              {error ? (
                <Text size="sm" c="red.8" id={`${id}-${score}-error`}>
                  {error}
                </Text>
              ) : null}
            </Stack>
          );
        })}
        <Radio.Group
          label={t('form.wouldRehire', { name })}
          {...form.getInputProps('wouldRehire')}
          error={form.errors['wouldRehire'] ?? fieldErrors['wouldRehire']}
        >
          <Group mt="xs">
            <Radio value="yes" label={t('form.yes')} />
            <Radio value="no" label={t('form.no')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('form.comments')}
          description={t('form.commentsHint')}
          styles={READABLE_DESCRIPTION}
          autosize
          minRows={3}
          maxLength={4000}
          {...form.getInputProps('comments')}
          error={fieldErrors['comments']}
        />
        <Text size="sm">
          {t('form.once')}
        </Text>
        <Group>
          <Button type="submit" loading={loading}>
            {t('form.submit')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={loading}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
