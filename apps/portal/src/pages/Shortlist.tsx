import { useEffect, useMemo, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Empty, ErrorAlert, Loading } from '../components/PageState';
import { OPEN_STATUSES, ShortlistCandidate, type CandidateView } from '../components/shortlist-candidate';
import { ShortlistReject } from '../components/shortlist-reject';
import { problemOf } from '../errors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { PortalShortlistQuery } from '../gql/graphql';

const SHORTLIST = graphql(`
  query PortalShortlist($id: ID!, $after: String) {
    jobOrder(id: $id) {
      id
      reference
      title
      status
      positions
      positionsLeft
      startDate
      latestMatchingRun {
        id
        status
      }
      candidates(first: 50, after: $after) {
        edges {
          node {
            rank
            score
            status
            named
            applicant {
              reference
              age
              gender
              yearsExperience
              skills
              municipality {
                name
              }
              languages {
                code
                level
              }
            }
            breakdown {
              factor
              points
              maxPoints
              explanation
              code
              params
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const SKILLS = graphql(`
  query PortalShortlistSkills {
    skills {
      code
      label
    }
  }
`);

const SELECT = graphql(`
  mutation PortalSelectCandidates($input: SelectCandidatesInput!) {
    selectCandidates(input: $input) {
      status
      applicant {
        reference
      }
    }
  }
`);

const REJECT = graphql(`
  mutation PortalRejectCandidate($input: RejectCandidateInput!) {
    rejectCandidate(input: $input) {
      status
      applicant {
        reference
      }
    }
  }
`);

type Order = Omit<PortalShortlistQuery['jobOrder'], 'candidates'>;
interface Loaded {
  order: Order;
  candidates: CandidateView[];
}

/** While a run is queued or running the list is not final: look again this often. */
const RUN_POLL_MS = 2000;

/**
 * The shortlist as the api says it is now (no cache: "refresh" after a conflict must not show the stale list). The
 * first 50 come at once (a page this deep stays within the api's query cost limit); an order with more (70
 * positions have a few hundred) shows the rest on request.
 */
function useShortlist(id: string) {
  const client = useApolloClient();
  const query = useQuery(SHORTLIST, { variables: { id, after: null }, fetchPolicy: 'no-cache', notifyOnNetworkStatusChange: true });
  const [more, setMore] = useState<{ candidates: CandidateView[]; endCursor: string | null }>({ candidates: [], endCursor: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  const first = query.data?.jobOrder;
  const data: Loaded | null = first
    ? { order: first, candidates: [...first.candidates.edges.map((e) => e.node), ...more.candidates] }
    : null;
  const nextCursor = more.endCursor ?? (first?.candidates.pageInfo.hasNextPage ? first.candidates.pageInfo.endCursor : null);
  const hasMore = more.endCursor !== null || (first?.candidates.pageInfo.hasNextPage ?? false);

  const run = first?.latestMatchingRun?.status;
  const running = run === 'QUEUED' || run === 'RUNNING';
  const { startPolling, stopPolling } = query;
  useEffect(() => {
    if (!running) return;
    startPolling(RUN_POLL_MS);
    return () => stopPolling();
  }, [running, startPolling, stopPolling]);

  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const result = await client.query({ query: SHORTLIST, variables: { id, after: nextCursor }, fetchPolicy: 'no-cache' });
      const page = result.data!.jobOrder.candidates;
      setMore((m) => ({ candidates: [...m.candidates, ...page.edges.map((e) => e.node)], endCursor: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null }));
      setMoreError(null);
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const reload = async () => {
    setMore({ candidates: [], endCursor: null });
    await query.refetch().catch(() => undefined);
  };

  return { data, error: query.error ?? moreError, busy: query.loading || loadingMore, running, hasMore, loadMore, reload };
}

type Outcome = { kind: 'selected'; count: number } | { kind: 'rejected'; reference: string } | { kind: 'failed'; error: unknown } | null;

/** The employer's anonymised shortlist for one order: each score explained, select up to the positions, reject with a reason. */
export default function Shortlist() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('shortlist');
  const lang = i18n.resolvedLanguage ?? 'es';
  const client = useApolloClient();
  const { data, error, busy, running, hasMore, loadMore, reload } = useShortlist(id);
  const skills = useQuery(SKILLS, { fetchPolicy: 'cache-first' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [selecting, setSelecting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);

  const skillLabels = useMemo(() => new Map((skills.data?.skills ?? []).map((s) => [s.code, s.label])), [skills.data]);

  if (!data) {
    if (error) {
      const notFound = problemOf(error).code === 'NOT_FOUND';
      return (
        <Stack>
          <Title order={1}>{t('candidates')}</Title>
          {notFound ? <Alert color="yellow">{t('notFound')}</Alert> : <ErrorAlert error={error} />}
          <Group>
            <Button variant="default" onClick={() => void reload()}>
              {t('run.refresh')}
            </Button>
          </Group>
        </Stack>
      );
    }
    return <Loading />;
  }

  const { order, candidates } = data;
  // The api counts the selections (a long shortlist may not be all on this page).
  const remaining = order.positionsLeft;
  const takesSelections = order.status === 'OPEN' && remaining > 0;
  const failedRun = order.latestMatchingRun?.status === 'FAILED';

  const refresh = async () => {
    setOutcome(null);
    setChosen([]);
    await reload();
  };

  const choose = (reference: string, on: boolean) => setChosen((list) => (on ? [...list, reference] : list.filter((r) => r !== reference)));

  const select = async () => {
    setSelecting(true);
    setOutcome(null);
    try {
      const result = await client.mutate({ mutation: SELECT, variables: { input: { jobOrderId: order.id, applicantIds: chosen } }, fetchPolicy: 'no-cache' });
      setOutcome({ kind: 'selected', count: result.data?.selectCandidates.length ?? chosen.length });
      setChosen([]);
      await reload();
    } catch (e) {
      setOutcome({ kind: 'failed', error: e });
    } finally {
      setSelecting(false);
    }
  };

  const reject = async (reference: string, reason: string): Promise<unknown> => {
    try {
      await client.mutate({ mutation: REJECT, variables: { input: { jobOrderId: order.id, applicantId: reference, reason } }, fetchPolicy: 'no-cache' });
    } catch (e) {
      return e;
    }
    setOutcome({ kind: 'rejected', reference });
    setChosen((list) => list.filter((r) => r !== reference));
    await reload();
    return null;
  };

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t('title', { reference: order.reference })}</Title>
        <Text>{t('subtitle', { title: order.title, startDate: formatDate(order.startDate, lang, 'long') })}</Text>
        <Anchor component={Link} to={`/orders/${order.id}`} size="sm">
          {t('back')}
        </Anchor>
      </Stack>

      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Text fw={600} role="status">
            {remaining > 0 ? t('positions.remaining', { count: remaining, total: order.positions }) : t('positions.full', { total: order.positions })}
          </Text>
          <Text size="sm">{t('anonymous')}</Text>
          {takesSelections && candidates.some((c) => OPEN_STATUSES.has(c.status)) && <Text size="sm">{t('chooseHint')}</Text>}
        </Stack>
      </Paper>

      <OutcomeAlert outcome={outcome} onRefresh={() => void refresh()} />
      {error ? <ErrorAlert error={error} /> : null}
      {running && (
        <Alert color="blue" variant="light" role="status">
          {t('run.pending')}
        </Alert>
      )}
      {failedRun && <Alert color="yellow">{t('run.failed')}</Alert>}

      <Title order={2} size="h3">
        {t('candidates')}
      </Title>
      {candidates.length === 0 && !busy && !running ? <Empty>{t('empty')}</Empty> : null}
      <Stack component="ol" aria-label={t('listLabel')} aria-busy={busy} gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {candidates.map((c) => (
          <li key={c.applicant.reference}>
            <ShortlistCandidate
              candidate={c}
              skillLabels={skillLabels}
              chosen={takesSelections ? chosen.includes(c.applicant.reference) : null}
              choosable={chosen.length < remaining}
              onChoose={choose}
              onReject={order.status === 'OPEN' || order.status === 'FILLED' ? setRejecting : null}
            />
          </li>
        ))}
      </Stack>

      {takesSelections && (
        <Paper withBorder p="sm" radius="md" pos="sticky" bottom={8} style={{ zIndex: 2 }}>
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text size="sm">{t('positions.remaining', { count: remaining, total: order.positions })}</Text>
            <Button onClick={() => void select()} disabled={chosen.length === 0} loading={selecting}>
              {t('selectChosen', { count: chosen.length })}
            </Button>
          </Group>
        </Paper>
      )}

      <Group>
        {hasMore && (
          <Button variant="light" onClick={() => void loadMore()} loading={busy}>
            {t('more')}
          </Button>
        )}
        <Button variant="default" onClick={() => void refresh()} loading={busy}>
          {t('run.refresh')}
        </Button>
      </Group>

      <ShortlistReject reference={rejecting} onClose={() => setRejecting(null)} onSubmit={reject} />
    </Stack>
  );
}

/** What the last action did; a refusal because someone else got there first is said in plain words, with what to do. */
function OutcomeAlert({ outcome, onRefresh }: { outcome: Outcome; onRefresh: () => void }) {
  const { t } = useTranslation('shortlist');
  if (!outcome) return null;
  if (outcome.kind === 'selected') {
    return (
      <Alert color="green" variant="light" role="status">
        {t('selected', { count: outcome.count })}
      </Alert>
    );
  }
  if (outcome.kind === 'rejected') {
    return (
      <Alert color="green" variant="light" role="status">
        {t('reject.done', { reference: outcome.reference })}
      </Alert>
    );
  }
  const problem = problemOf(outcome.error);
  // CONFLICT: taken meanwhile (for another order, or by a parallel selection); INVALID_TRANSITION: the order filled
  // or closed meanwhile; BAD_USER_INPUT on applicantIds: more chosen than positions now left.
  const explained =
    problem.code === 'CONFLICT'
      ? t('conflict.taken')
      : problem.code === 'INVALID_TRANSITION'
        ? t('conflict.closed')
        : problem.code === 'BAD_USER_INPUT' && /^select at most/.test(problem.fields['applicantIds'] ?? '')
          ? t('conflict.tooMany')
          : null;
  if (!explained) return <ErrorAlert error={outcome.error} />;
  return (
    <Alert color="orange" variant="light" role="alert" title={t('conflict.title')} styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{explained}</Text>
        <Button size="xs" variant="white" color="dark" onClick={onRefresh}>
          {t('conflict.refresh')}
        </Button>
      </Stack>
    </Alert>
  );
}
