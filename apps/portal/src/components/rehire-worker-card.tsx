import { Badge, Card, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import type { PortalRehirePoolQuery } from '../gql/graphql';

export type PoolWorker = PortalRehirePoolQuery['rehirePool']['edges'][number]['node'];

/** A former worker the api says may come back: their last season and your evaluation of it, and a box to name them. */
export function RehireWorkerCard({ worker, checked, onChange }: { worker: PoolWorker; checked: boolean; onChange: (checked: boolean) => void }) {
  const { t, i18n } = useTranslation('rehire');
  const lang = i18n.resolvedLanguage ?? 'es';
  const headingId = `worker-${worker.applicantId}`;
  return (
    <Card withBorder padding="md" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text fw={700} id={headingId} component="h3" m={0}>
            {worker.name}
          </Text>
          <Checkbox
            checked={checked}
            onChange={(e) => onChange(e.currentTarget.checked)}
            label={t('pool.selectShort')}
            aria-label={t('pool.select', { name: worker.name })}
          />
        </Group>
        <Text size="sm">
          {t('pool.lastSeason', { season: worker.lastSeason, employer: worker.lastEmployerName })}
          {' · '}
          {t('pool.seasons', { count: worker.seasons })}
        </Text>
        <Text size="sm">
          {worker.lastOverall === null || worker.lastOverall === undefined
            ? t('pool.noEvaluation')
            : t('pool.evaluation', { score: worker.lastOverall }) +
              (worker.lastWouldRehire === null || worker.lastWouldRehire === undefined ? '' : ` · ${worker.lastWouldRehire ? t('pool.wouldRehire') : t('pool.wouldNotRehire')}`)}
        </Text>
        <Group gap="xs">
          <Badge variant="light" color={worker.status === 'AVAILABLE' ? 'green' : 'gray'} c="dark.7">
            {t(`status.${worker.status}`, { defaultValue: worker.status })}
          </Badge>
          {worker.needsPassportRenewal ? (
            <Badge variant="light" color="yellow" c="dark.7">
              {t('pool.passport')}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs">
          {t('pool.decidedAt', { date: formatDateTime(worker.decidedAt, lang) })}
        </Text>
      </Stack>
    </Card>
  );
}
