import { useId } from 'react';
import { Badge, Divider, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { READABLE_LABEL, TravelWorker, type TravellerView } from './travel-worker';

export interface ContingentView {
  id: string;
  reference: string;
  regionCode: string;
  status: string;
  startDate: string;
  departureDate: string;
  departedOn?: string | null;
  arrivedOn?: string | null;
  members: readonly TravellerView[];
}

const STATUS_COLOR: Record<string, string> = { PLANNED: 'blue', CONFIRMED: 'indigo', DEPARTED: 'violet', ARRIVED: 'green', RETURNED: 'gray', CANCELLED: 'red' };

/**
 * A contingent with the employer's workers in it (the api lists only those): planned and actual departure and
 * arrival, and each worker's travel-step progress. The planned arrival is the arrival step's due date.
 */
export function TravelContingent({ contingent, regionName }: { contingent: ContingentView; regionName: string }) {
  const { t, i18n } = useTranslation('travel');
  const lang = i18n.resolvedLanguage ?? 'es';
  const headingId = useId();
  const date = (d: string | null | undefined, fallback: string) => (d ? formatDate(d, lang) : fallback);
  const arrivals = contingent.members.flatMap((m) => m.steps.filter((s) => s.kind === 'ARRIVAL' && s.status !== 'CANCELLED').map((s) => s.dueDate));
  const plannedArrival = arrivals.length ? arrivals.reduce((a, b) => (a < b ? a : b)) : null;

  return (
    <Paper component="article" aria-labelledby={headingId} withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id={headingId}>
              {contingent.reference}
            </Title>
            <Text size="sm">
              {t('contingent.destination', { region: regionName })} · {t('contingent.startsWork', { date: formatDate(contingent.startDate, lang) })}
            </Text>
          </Stack>
          <Badge variant="light" color={STATUS_COLOR[contingent.status] ?? 'gray'} styles={READABLE_LABEL}>{t(`status.${contingent.status}`, { defaultValue: contingent.status })}</Badge>
        </Group>
        <Table withTableBorder={false} verticalSpacing={4} horizontalSpacing="xs">
          {/* Mantine dims captions below AA contrast for small text: this one is a heading-like label, in the text colour. */}
          <Table.Caption style={{ captionSide: 'top', textAlign: 'start', color: 'var(--mantine-color-text)' }}>
            <Text span size="sm" fw={600}>
              {t('dates.caption', { reference: contingent.reference })}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dates.leg')}</Table.Th>
              <Table.Th scope="col">{t('dates.planned')}</Table.Th>
              <Table.Th scope="col">{t('dates.actual')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">{t('dates.departure')}</Table.Th>
              <Table.Td>{formatDate(contingent.departureDate, lang)}</Table.Td>
              <Table.Td>{date(contingent.departedOn, t('dates.notYet'))}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('dates.arrival')}</Table.Th>
              <Table.Td>{date(plannedArrival, t('dates.unknown'))}</Table.Td>
              <Table.Td>{date(contingent.arrivedOn, t('dates.notYet'))}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Divider />
        <Text size="sm" fw={600}>
          {contingent.members.length ? t('contingent.workers', { count: contingent.members.length }) : t('contingent.noWorkers')}
        </Text>
        <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} spacing="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {contingent.members.map((m) => (
            <li key={m.applicantId}>
              <TravelWorker traveller={m} />
            </li>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
