import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ORDER_STATUSES, OrderStatusBadge, useOwnEmployer, READABLE_ALERT } from '../components/order-common';
import { ErrorAlert, Loading } from '../components/PageState';
import { formatDate, formatNumber } from '../format';
import { graphql } from '../gql';
import type { DashboardOrdersQuery, JobOrderStatus } from '../gql/graphql';
import { currentLanguage } from '../i18n';

const ORDERS = graphql(`
  query DashboardOrders($after: String) {
    jobOrderCounts {
      status
      count
    }
    jobOrders(first: 100, after: $after) {
      edges {
        node {
          id
          reference
          title
          status
          statusReason
          positions
          startDate
          endDate
          latestMatchingRun {
            id
            status
            candidatesCount
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// Newest first: a window still open belongs to a recent season, so the first page holds every evaluation due.
const PLACEMENTS = graphql(`
  query DashboardPlacements {
    myPlacements(first: 100) {
      edges {
        node {
          placementId
          evaluationState
          evaluationClosesOn
        }
      }
    }
  }
`);

type Order = DashboardOrdersQuery['jobOrders']['edges'][number]['node'];

/** The employer's home: how many orders are in each status, each order with the next thing to do. */
export default function Dashboard() {
  const { t } = useTranslation('dashboard');
  const own = useOwnEmployer();
  const orders = useQuery(ORDERS, { variables: {} });
  const lang = currentLanguage();

  const verified = own.employer?.status === 'VERIFIED';
  const list = orders.data?.jobOrders.edges.map((e) => e.node) ?? [];
  const counts = new Map((orders.data?.jobOrderCounts ?? []).map((c) => [c.status, c.count]));
  const pageInfo = orders.data?.jobOrders.pageInfo;

  const loadMore = () =>
    void orders.fetchMore({
      variables: { after: pageInfo?.endCursor ?? null },
      updateQuery: (prev, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        jobOrders: { ...fetchMoreResult.jobOrders, edges: [...prev.jobOrders.edges, ...fetchMoreResult.jobOrders.edges] },
      }),
    });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>{t('title')}</Title>
          {own.employer && <Text c="gray.7">{own.employer.tradeName ?? own.employer.legalName}</Text>}
        </Stack>
        {own.employer?.status !== 'SUSPENDED' && (
          <Button component={Link} to="/orders/new">
            {t('newOrder')}
          </Button>
        )}
      </Group>

      {own.error ? <ErrorAlert error={own.error} /> : null}
      {own.employer?.status === 'PENDING_VERIFICATION' && (
        <Alert color="yellow" title={t('pending.title')} role="status" styles={READABLE_ALERT}>
          {t('pending.body')}
        </Alert>
      )}
      {own.employer?.status === 'SUSPENDED' && (
        <Alert color="red" title={t('suspended.title')} role="status" styles={READABLE_ALERT}>
          <Stack gap={4}>
            <Text size="sm">{t('suspended.body')}</Text>
            {own.employer.statusReason && <Text size="sm">{t('suspended.reason', { reason: own.employer.statusReason })}</Text>}
          </Stack>
        </Alert>
      )}

      <EvaluationsDue />

      {orders.error && !orders.data ? (
        <ErrorAlert error={orders.error} />
      ) : !orders.data || own.loading ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="counts-heading">
            <Title order={2} size="h3" id="counts-heading" mb="sm">
              {t('counts.title')}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {ORDER_STATUSES.map((status) => (
                <Paper component="li" withBorder p="sm" key={status} aria-label={t('counts.item', { status: t(`orders:status.${status}`), count: counts.get(status) ?? 0 })}>
                  <Text size="xl" fw={700} aria-hidden>
                    {formatNumber(counts.get(status) ?? 0, lang)}
                  </Text>
                  <Text size="sm" aria-hidden>
                    {t(`orders:status.${status}`)}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          </section>

          {list.length === 0 ? (
            <Text py="lg" ta="center">
              {t('empty')}
            </Text>
          ) : (
            ORDER_STATUSES.filter((status) => list.some((o) => o.status === status)).map((status) => (
              <section key={status} aria-labelledby={`section-${status}`}>
                <Title order={2} size="h3" id={`section-${status}`} mb="sm">
                  {t('section', { status: t(`orders:status.${status}`), count: counts.get(status) ?? list.filter((o) => o.status === status).length })}
                </Title>
                <Stack gap="sm">
                  {list
                    .filter((o) => o.status === status)
                    .map((order) => (
                      <OrderCard key={order.id} order={order} verified={verified} />
                    ))}
                </Stack>
              </section>
            ))
          )}
          {pageInfo?.hasNextPage && (
            <Button variant="default" onClick={loadMore} loading={orders.loading}>
              {t('more')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

/** Workers whose season ended and whose evaluation window is open: how many, and the soonest last day. */
function EvaluationsDue() {
  const { t } = useTranslation('dashboard');
  const placements = useQuery(PLACEMENTS);
  const open = (placements.data?.myPlacements.edges ?? []).map((e) => e.node).filter((p) => p.evaluationState === 'OPEN' && p.evaluationClosesOn);
  if (placements.error) return <ErrorAlert error={placements.error} />;
  if (!open.length) return null;
  const soonest = open.map((p) => p.evaluationClosesOn!).sort()[0]!;
  return (
    <Alert color="blue" variant="light" title={t('evaluations', { count: open.length, date: formatDate(soonest, currentLanguage(), 'long') })}>
      <Stack gap="xs">
        <Text size="sm">{t('evaluationsHelp')}</Text>
        <Group>
          <Button size="xs" component={Link} to="/evaluations">
            {t('evaluate')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function OrderCard({ order, verified }: { order: Order; verified: boolean }) {
  const { t } = useTranslation('dashboard');
  const lang = currentLanguage();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`order-${order.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={`order-${order.id}`}>
            <Anchor component={Link} to={`/orders/${order.id}`}>
              {order.reference} · {order.title}
            </Anchor>
          </Title>
          <OrderStatusBadge status={order.status} />
        </Group>
        <Text size="sm">
          {t('dates', { start: formatDate(order.startDate, lang), end: formatDate(order.endDate, lang) })} ·{' '}
          {t('positions', { count: order.positions, formatted: formatNumber(order.positions, lang) })}
        </Text>
        <NextAction order={order} verified={verified} />
      </Stack>
    </Card>
  );
}

/** What the employer should do next with this order, as the api's statuses and shortlist tell it. */
function NextAction({ order, verified }: { order: Order; verified: boolean }) {
  const { t } = useTranslation('dashboard');
  const status: JobOrderStatus = order.status;
  if (!verified && (status === 'DRAFT' || status === 'REJECTED')) return <Text size="sm">{t('next.awaitingVerification')}</Text>;
  switch (status) {
    case 'DRAFT':
      return (
        <Group gap="xs">
          <Button size="xs" component={Link} to={`/orders/${order.id}`}>
            {t('next.submit')}
          </Button>
          <Button size="xs" variant="default" component={Link} to={`/orders/${order.id}/edit`}>
            {t('next.edit')}
          </Button>
        </Group>
      );
    case 'REJECTED':
      return (
        <Stack gap={4}>
          {order.statusReason && <Text size="sm">{t('next.rejectedBecause', { reason: order.statusReason })}</Text>}
          <Group>
            <Button size="xs" color="red" component={Link} to={`/orders/${order.id}/edit`}>
              {t('next.correct')}
            </Button>
          </Group>
        </Stack>
      );
    case 'SUBMITTED':
      return <Text size="sm">{t('next.underReview')}</Text>;
    case 'OPEN': {
      const run = order.latestMatchingRun;
      if (run?.status === 'SUCCEEDED' && run.candidatesCount !== 0) {
        return (
          <Group>
            <Button size="xs" component={Link} to={`/orders/${order.id}/shortlist`}>
              {run.candidatesCount == null ? t('next.reviewShortlist') : t('next.candidates', { count: run.candidatesCount })}
            </Button>
          </Group>
        );
      }
      return <Text size="sm">{run && run.status !== 'FAILED' && run.status !== 'SUCCEEDED' ? t('next.matching') : t('next.searching')}</Text>;
    }
    case 'FILLED':
      return (
        <Anchor component={Link} to="/travel" size="sm">
          {t('next.travel')}
        </Anchor>
      );
    case 'IN_PROGRESS':
      return <Text size="sm">{t('next.inProgress')}</Text>;
    default:
      return null;
  }
}
