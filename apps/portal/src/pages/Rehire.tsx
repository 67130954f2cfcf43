import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Radio, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty, ErrorAlert, Failed, Loading } from '../components/PageState';
import { RehireRequestResult } from '../components/rehire-request-result';
import { RehireWorkerCard, type PoolWorker } from '../components/rehire-worker-card';
import { problemOf } from '../errors';
import { formatDate } from '../format';
import { graphql } from '../gql';

// An alert's title in its colour is too faint on the tinted background for WCAG AA; the text colour reads.
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

// Mantine's default description grey is too faint on white for WCAG AA contrast.
const READABLE_DESCRIPTION = { description: { color: 'var(--mantine-color-gray-7)' } };

const REHIRE_POOL = graphql(`
  query PortalRehirePool {
    rehirePool(first: 100) {
      edges {
        node {
          applicantId
          name
          status
          needsPassportRenewal
          seasons
          lastSeason
          lastEmployerName
          lastOverall
          lastWouldRehire
          decidedAt
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

// Workers are named on an order not yet matched or open (the api refuses the others); newest 100 of each.
const NAMEABLE_ORDERS = graphql(`
  query PortalRehireOrders {
    open: jobOrders(first: 100, filter: { status: OPEN }) {
      edges {
        node {
          id
          reference
          title
          positions
          startDate
          status
        }
      }
    }
    submitted: jobOrders(first: 100, filter: { status: SUBMITTED }) {
      edges {
        node {
          id
          reference
          title
          positions
          startDate
          status
        }
      }
    }
    drafts: jobOrders(first: 100, filter: { status: DRAFT }) {
      edges {
        node {
          id
          reference
          title
          positions
          startDate
          status
        }
      }
    }
  }
`);

const REQUEST_NAMED = graphql(`
  mutation PortalRequestNamedWorkers($input: RequestNamedWorkersInput!) {
    requestNamedWorkers(input: $input) {
      jobOrderId
      applicantIds
      matchingRunId
    }
  }
`);

/** Rehire: name good former workers (the api's rehire pool) on one of your orders, open or not yet approved; they are placed first. */
export default function Rehire() {
  const { t, i18n } = useTranslation('rehire');
  const lang = i18n.resolvedLanguage ?? 'es';
  const pool = useQuery(REHIRE_POOL);
  const orders = useQuery(NAMEABLE_ORDERS);
  const [selected, setSelected] = useState<string[]>([]);
  const [orderId, setOrderId] = useState<string | null>(null);
  const [substitute, setSubstitute] = useState<'yes' | 'no'>('yes');
  const [missing, setMissing] = useState<{ workers?: boolean; order?: boolean }>({});
  const [request, { data: requested, loading, error }] = useMutation(REQUEST_NAMED);

  const workers: PoolWorker[] = pool.data?.rehirePool.edges.map((e) => e.node) ?? [];
  const nameable = orders.data ? [orders.data.open, orders.data.submitted, orders.data.drafts].flatMap((c) => c.edges.map((e) => e.node)) : [];
  const fields = error ? problemOf(error).fields : {};
  const result = requested?.requestNamedWorkers;
  const resultReference = nameable.find((o) => o.id === result?.jobOrderId)?.reference ?? '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const gaps = { workers: selected.length === 0, order: !orderId };
    setMissing(gaps);
    if (gaps.workers || gaps.order) return;
    try {
      await request({ variables: { input: { jobOrderId: orderId!, applicantIds: selected, substituteAcceptable: substitute === 'yes' } } });
    } catch {
      // Shown from `error`, with the api's reasons.
    }
  };

  if ((pool.loading && !pool.data) || (orders.loading && !orders.data)) {
    return (
      <Stack gap="lg">
        <Title order={1}>{t('title')}</Title>
        <Loading />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      {pool.error && !pool.data ? (
        <Failed error={pool.error} onRetry={pool.refetch} />
      ) : workers.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="lg">
            <Stack component="section" gap="sm" aria-labelledby="rehire-workers">
              <Title order={2} size="h3" id="rehire-workers">
                {t('pool.title', { count: workers.length })}
              </Title>
              {pool.data?.rehirePool.pageInfo.hasNextPage ? <Text size="sm">{t('pool.more')}</Text> : null}
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {workers.map((w) => (
                  <RehireWorkerCard
                    key={w.applicantId}
                    worker={w}
                    checked={selected.includes(w.applicantId)}
                    onChange={(on) => setSelected((s) => (on ? [...s, w.applicantId] : s.filter((id) => id !== w.applicantId)))}
                  />
                ))}
              </SimpleGrid>
              {missing.workers && !selected.length ? (
                <Text size="sm" c="red.8" role="alert">
                  {t('form.workersRequired')}
                </Text>
              ) : null}
              {fields['applicantIds'] ? (
                <Text size="sm" c="red.8">
                  {fields['applicantIds']}
                </Text>
              ) : null}
            </Stack>

            <Stack component="section" gap="sm" aria-labelledby="rehire-order">
              <Title order={2} size="h3" id="rehire-order">
                {t('form.orderTitle')}
              </Title>
              {orders.error ? <ErrorAlert error={orders.error} /> : null}
              {nameable.length === 0 && !orders.error ? (
                <Alert color="blue" variant="light" styles={READABLE_TITLE} title={t('form.noOrderTitle')}>
                  <Stack gap={6}>
                    <Text size="sm">{t('form.noOrder')}</Text>
                    <Anchor component={Link} to="/orders/new" size="sm">
                      {t('form.newOrder')}
                    </Anchor>
                  </Stack>
                </Alert>
              ) : (
                <>
                  <Select
                    label={t('form.order')}
                    description={t('form.orderHint')}
                    styles={READABLE_DESCRIPTION}
                    placeholder={t('form.orderPlaceholder')}
                    data={nameable.map((o) => ({
                      value: o.id,
                      label: t('form.orderOption', {
                        reference: o.reference,
                        title: o.title,
                        positions: o.positions,
                        start: formatDate(o.startDate, lang),
                        status: t(`orderStatus.${o.status}`, { defaultValue: o.status }),
                      }),
                    }))}
                    value={orderId}
                    onChange={setOrderId}
                    required
                    error={(missing.order && !orderId ? t('form.orderRequired') : undefined) ?? fields['jobOrderId']}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <Text size="sm">
                    {t('form.newOrderLead')}{' '}
                    <Anchor component={Link} to="/orders/new">
                      {t('form.newOrder')}
                    </Anchor>
                  </Text>
                </>
              )}
              <Radio.Group
                label={t('form.substitute')}
                description={t('form.substituteHint')}
                styles={READABLE_DESCRIPTION}
                value={substitute}
                onChange={(v) => setSubstitute(v === 'no' ? 'no' : 'yes')}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="yes" label={t('form.substituteYes')} />
                  <Radio value="no" label={t('form.substituteNo')} />
                </Stack>
              </Radio.Group>
            </Stack>

            {error ? <ErrorAlert error={error} title={t('form.refused')} /> : null}
            {result ? <RehireRequestResult key={result.matchingRunId} request={result} reference={resultReference} /> : null}
            <div>
              <Button type="submit" loading={loading} disabled={nameable.length === 0}>
                {t('form.submit', { count: selected.length })}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
