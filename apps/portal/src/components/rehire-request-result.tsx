import { useEffect } from 'react';
import { skipToken, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { ErrorAlert } from './PageState';

// An alert's title in its colour is too faint on the tinted background for WCAG AA; the text colour reads.
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

const RUN = graphql(`
  query PortalNamedRequestRun($id: ID!) {
    matchingRun(id: $id) {
      id
      status
      failureReason
    }
  }
`);

const NAMED_ON_ORDER = graphql(`
  query PortalNamedOnOrder($id: ID!) {
    jobOrder(id: $id) {
      id
      reference
      candidates(first: 100) {
        edges {
          node {
            named
            status
          }
        }
      }
    }
  }
`);

/**
 * What became of a named request: the matching run it queued (followed until it ends) and then how many named
 * workers the order's shortlist holds, placed first (an employer sees candidates by reference only, so a count).
 */
export function RehireRequestResult({
  request,
  reference,
}: {
  request: { jobOrderId: string; applicantIds: readonly string[]; matchingRunId?: string | null };
  reference: string;
}) {
  const { t } = useTranslation('rehire');
  const runId = request.matchingRunId;
  // An order not approved yet has no run: its approval queues one, which places them first.
  const run = useQuery(RUN, runId ? { variables: { id: runId }, fetchPolicy: 'network-only', pollInterval: 1000 } : skipToken);
  const status = run.data?.matchingRun.status;
  const finished = status === 'SUCCEEDED' || status === 'FAILED';
  const { stopPolling } = run;
  useEffect(() => {
    if (finished) stopPolling();
  }, [finished, stopPolling]);
  const order = useQuery(NAMED_ON_ORDER, { variables: { id: request.jobOrderId }, skip: status !== 'SUCCEEDED', fetchPolicy: 'network-only' });
  const named = order.data?.jobOrder.candidates.edges.filter((e) => e.node.named).length;

  return (
    <Alert color={status === 'FAILED' ? 'red' : 'green'} variant="light" role="status" styles={READABLE_TITLE} title={t('result.title')}>
      <Stack gap={6}>
        <Text size="sm">{t('result.recorded', { count: request.applicantIds.length, reference })}</Text>
        {run.error ? <ErrorAlert error={run.error} /> : null}
        {!runId ? <Text size="sm">{t('result.notApproved')}</Text> : null}
        {runId && !finished ? <Text size="sm">{t('result.running')}</Text> : null}
        {status === 'FAILED' ? <Text size="sm">{t('result.failed', { reason: run.data?.matchingRun.failureReason ?? '' })}</Text> : null}
        {named !== undefined ? <Text size="sm">{t('result.onShortlist', { count: named, reference })}</Text> : null}
        {order.error ? <ErrorAlert error={order.error} /> : null}
        {runId ? (
          <Anchor component={Link} to={`/orders/${request.jobOrderId}/shortlist`} size="sm">
            {t('result.shortlist', { reference })}
          </Anchor>
        ) : null}
      </Stack>
    </Alert>
  );
}
