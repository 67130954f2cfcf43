import type { ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { OrderStatusBadge } from '../components/order-common';
import { ErrorAlert, Loading } from '../components/PageState';
import { StandingLevelBadge } from '../components/standing-level';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../format';
import { graphql } from '../gql';
import { currentLanguage } from '../i18n';

const ORDER = graphql(`
  query OrderDetail($id: ID!) {
    jobOrder(id: $id) {
      ...OrderTerms
      destinationOccupationSystem
      workRegion {
        name
      }
      endDate
      currency
      createdAt
      submittedAt
      approvedAt
      latestMatchingRun {
        id
        status
        candidatesCount
      }
    }
    occupations {
      iscoCode
      title
    }
    skills {
      code
      label
    }
  }
`);

// Asked apart from the order: the order's page shows even if the standing cannot be read.
const STANDING = graphql(`
  query OrderDetailStanding($id: ID!) {
    jobOrder(id: $id) {
      id
      employerStanding {
        ...StandingLevelFields
      }
    }
  }
`);

const SUBMIT = graphql(`
  mutation OrderDetailSubmit($id: ID!) {
    submitJobOrder(id: $id) {
      id
      status
      submittedAt
    }
  }
`);

/** Everything about one order, what happened to it, and what the employer can do with it now. */
export default function OrderDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation('orders');
  const lang = currentLanguage();
  const query = useQuery(ORDER, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const standing = useQuery(STANDING, { variables: { id } }).data?.jobOrder.employerStanding;
  const [submit, submitState] = useMutation(SUBMIT);

  if (query.error && !query.data) {
    return (
      <Stack>
        <Title order={1}>{t('detail.notFound')}</Title>
        <ErrorAlert error={query.error} />
        <Anchor component={Link} to="/">
          {t('detail.back')}
        </Anchor>
      </Stack>
    );
  }
  if (!query.data) return <Loading />;

  const order = query.data.jobOrder;
  const occupation = query.data.occupations.find((o) => o.iscoCode === order.iscoCode);
  const skillLabel = new Map(query.data.skills.map((s) => [s.code, s.label]));
  const skillsOf = (codes: string[]) => codes.map((c) => skillLabel.get(c) ?? c).join(', ') || t('form.none');
  const run = order.latestMatchingRun;
  const hasShortlist = run?.status === 'SUCCEEDED' && run.candidatesCount !== 0;

  const doSubmit = async () => {
    try {
      await submit({ variables: { id: order.id } });
      notifications.show({ message: t('detail.submitted'), color: 'green', closeButtonProps: { 'aria-label': t('form.close') } });
    } catch {
      // Shown below from submitState.error.
    }
  };

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/" size="sm">
          {t('detail.back')}
        </Anchor>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={1}>{t('detail.title', { reference: order.reference })}</Title>
          <Group gap="xs" wrap="wrap">
            <OrderStatusBadge status={order.status} />
            {standing ? (
              <Anchor component={Link} to="/standing" aria-label={t('badgeLink', { ns: 'standing', level: t(`level.${standing.level}`, { ns: 'standing' }) })}>
                <StandingLevelBadge level={standing.level} labelled />
              </Anchor>
            ) : null}
          </Group>
        </Group>
        <Text size="lg">{order.title}</Text>
      </Stack>

      <section aria-labelledby="status-heading">
        <Title order={2} size="h3" id="status-heading" mb="sm">
          {t('detail.timeline')}
        </Title>
        <Stack gap="sm">
          {order.status === 'REJECTED' && (
            <Alert color="red" variant="light" title={t('detail.rejectedTitle')}>
              <Stack gap="xs">
                {order.statusReason && <Text size="sm">{order.statusReason}</Text>}
                <Text size="sm">{t('detail.rejectedBody')}</Text>
                <Group>
                  <Button component={Link} to={`/orders/${order.id}/edit`} color="red">
                    {t('detail.editResubmit')}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          {order.status === 'DRAFT' && (
            <Paper withBorder p="md">
              <Stack gap="xs">
                {order.statusReason && <Text size="sm">{t('detail.previouslyRejected', { reason: order.statusReason })}</Text>}
                <Text size="sm">{t('detail.draftHelp')}</Text>
                <Group>
                  <Button onClick={() => void doSubmit()} loading={submitState.loading}>
                    {t('detail.submit')}
                  </Button>
                  <Button variant="default" component={Link} to={`/orders/${order.id}/edit`}>
                    {t('detail.edit')}
                  </Button>
                </Group>
                {submitState.error ? <ErrorAlert error={submitState.error} /> : null}
              </Stack>
            </Paper>
          )}
          {order.status === 'SUBMITTED' && order.submittedAt && (
            <Text role="status">{t('detail.underReview', { date: formatDateTime(order.submittedAt, lang) })}</Text>
          )}
          {order.approvedAt && <Text>{t('detail.approved', { date: formatDateTime(order.approvedAt, lang) })}</Text>}
          {order.status === 'CANCELLED' && order.statusReason && <Text>{t('detail.cancelledBecause', { reason: order.statusReason })}</Text>}
          {order.status === 'OPEN' && run && !hasShortlist && run.status !== 'FAILED' && <Text>{t('detail.matching')}</Text>}
          {hasShortlist && (
            <Group>
              {run.candidatesCount != null && <Text>{t('detail.candidates', { count: run.candidatesCount })}</Text>}
              <Button component={Link} to={`/orders/${order.id}/shortlist`}>
                {t('detail.shortlist')}
              </Button>
            </Group>
          )}
          <Table variant="vertical" layout="fixed" withTableBorder>
            <Table.Tbody>
              <Row label={t('detail.statusLabel')}>{t(`status.${order.status}`)}</Row>
              <Row label={t('detail.createdAt')}>{formatDateTime(order.createdAt, lang)}</Row>
              {order.submittedAt && <Row label={t('detail.submittedAt')}>{formatDateTime(order.submittedAt, lang)}</Row>}
              {order.approvedAt && <Row label={t('detail.approvedAt')}>{formatDateTime(order.approvedAt, lang)}</Row>}
            </Table.Tbody>
          </Table>
        </Stack>
      </section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Facts title={t('detail.job')} id="job">
          <Row label={t('detail.occupation')}>{occupation ? `${order.iscoCode} · ${occupation.title}` : order.iscoCode}</Row>
          <Row label={t('detail.destinationCode')}>
            {t(`system.${order.destinationOccupationSystem}`, { defaultValue: order.destinationOccupationSystem })} {order.destinationOccupationCode}
          </Row>
          <Row label={t('detail.positions')}>{formatNumber(order.positions, lang)}</Row>
        </Facts>
        <Facts title={t('detail.requirements')} id="requirements">
          <Row label={t('detail.requiredSkills')}>{skillsOf(order.requiredSkills)}</Row>
          <Row label={t('detail.preferredSkills')}>{skillsOf(order.preferredSkills)}</Row>
          <Row label={t('detail.languages')}>
            {order.languages.map((l) => `${t(`languageName.${l.code}`)} (${t(`level.${l.level}`)})`).join(', ') || t('form.none')}
          </Row>
          <Row label={t('detail.minExperience')}>{t('detail.years', { count: order.minExperienceYears })}</Row>
        </Facts>
        <Facts title={t('detail.place')} id="place">
          <Row label={t('detail.workPlace')}>
            {order.workCity}, {order.workRegion.name}
          </Row>
          <Row label={t('detail.dates')}>
            {t('detail.dateRange', { start: formatDate(order.startDate, lang), end: formatDate(order.endDate, lang), weeks: order.durationWeeks })}
          </Row>
        </Facts>
        <Facts title={t('detail.pay')} id="pay">
          <Row label={t('detail.hourlyWage')}>{formatMoney(order.hourlyWage, order.currency, lang)}</Row>
          <Row label={t('detail.hoursPerWeek')}>{formatNumber(order.hoursPerWeek, lang)}</Row>
          <Row label={t('detail.housing')}>{order.housingProvided ? order.housingDescription : t('detail.housingNone')}</Row>
          <Row label={t('detail.recruitment')}>{order.employerPaysRecruitment ? t('form.yes') : t('form.no')}</Row>
          <Row label={t('detail.travel')}>{order.employerPaysTravel ? t('form.yes') : t('form.no')}</Row>
        </Facts>
      </SimpleGrid>
    </Stack>
  );
}

function Facts({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`facts-${id}`}>
      <Title order={2} size="h3" id={`facts-${id}`} mb="sm">
        {title}
      </Title>
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="40%">{label}</Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}
