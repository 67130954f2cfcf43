import { useId } from 'react';
import { Badge, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';

export interface TravelStepView {
  id: string;
  kind: string;
  status: string;
  dueDate: string;
}

export interface TravellerView {
  applicantId: string;
  name: string;
  status: string;
  steps: readonly TravelStepView[];
}

/** Steps that count as behind the worker: done, or waived by the ministry. A cancelled step no longer counts at all. */
const SETTLED = new Set(['DONE', 'WAIVED']);

/** Light badges with their label in the text colour: the tinted one is too pale on its tint for small text (WCAG AA). */
export const READABLE_LABEL = { label: { color: 'var(--mantine-color-text)' } };

const STATUS_COLOR: Record<string, string> = { SEATED: 'blue', DEPARTED: 'indigo', ARRIVED: 'green', RETURNED: 'gray' };
const STEP_COLOR: Record<string, string> = { DONE: 'green', WAIVED: 'gray', OVERDUE: 'red', INFEASIBLE: 'red', PENDING: 'blue' };

/** One worker of the employer in a contingent: their status and how many of their travel steps are done. */
export function TravelWorker({ traveller }: { traveller: TravellerView }) {
  const { t, i18n } = useTranslation('travel');
  const lang = i18n.resolvedLanguage ?? 'es';
  const headingId = useId();
  const steps = traveller.steps.filter((s) => s.status !== 'CANCELLED');
  const done = steps.filter((s) => SETTLED.has(s.status)).length;
  const overdue = steps.filter((s) => s.status === 'OVERDUE' || s.status === 'INFEASIBLE').length;
  const share = steps.length ? Math.round((done / steps.length) * 100) : 0;

  return (
    <Stack gap={6} component="article" aria-labelledby={headingId}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={3} size="h5" id={headingId}>
          {traveller.name}
        </Title>
        <Badge variant="light" color={STATUS_COLOR[traveller.status] ?? 'gray'} styles={READABLE_LABEL}>
          {t(`traveller.${traveller.status}`, { defaultValue: traveller.status })}
        </Badge>
      </Group>
      <Group justify="space-between" gap="xs">
        <Text size="sm">{t('progress.done', { done, count: steps.length })}</Text>
        {overdue > 0 && (
          <Text size="sm" c="red.9" fw={600}>
            {t('progress.overdue', { count: overdue })}
          </Text>
        )}
      </Group>
      <Progress.Root size="md">
        <Progress.Section value={share} color={overdue ? 'orange' : 'teal'} aria-label={t('progress.label', { name: traveller.name, done, total: steps.length })} />
      </Progress.Root>
      <details>
        <summary>
          <Text span size="sm">
            {t('progress.details', { name: traveller.name })}
          </Text>
        </summary>
        <Stack component="ol" gap={4} mt={6} pl="md" m={0}>
          {steps.map((s) => (
            <li key={s.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm">{t(`step.${s.kind}`, { defaultValue: s.kind })}</Text>
                <Text size="sm" c="gray.7">
                  {t('progress.due', { date: formatDate(s.dueDate, lang) })}
                </Text>
                <Badge size="sm" variant="light" color={STEP_COLOR[s.status] ?? 'gray'} styles={READABLE_LABEL}>
                  {t(`stepStatus.${s.status}`, { defaultValue: s.status })}
                </Badge>
              </Group>
            </li>
          ))}
        </Stack>
      </details>
    </Stack>
  );
}
