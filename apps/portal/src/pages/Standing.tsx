import type { ReactNode } from 'react';
import { skipToken, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { READABLE_ALERT } from '../components/order-common';
import { Empty, Failed, Loading } from '../components/PageState';
import { STANDING_COLOR, StandingLevelBadge } from '../components/standing-level';
import { formatDateTime, formatNumber } from '../format';
import { graphql } from '../gql';
import type { PortalCasesAgainstUsQuery, PortalStandingQuery } from '../gql/graphql';
import { currentLanguage } from '../i18n';
import { useSession } from '../use-session';

const STANDING = graphql(`
  query PortalStanding($employerId: ID!) {
    employerStanding(employerId: $employerId) {
      ...StandingLevelFields
      policyVersion
      reasons {
        code
        met
        level
        message
      }
      ratings {
        ratedPlacements
        averages {
          wagesAsAgreed
          hoursAsAgreed
          housing
          treatment
          safety
          wouldGoBack
        }
      }
    }
  }
`);

// What the api lets an employer see of a case against it: the worker (and the placement) only when they consented.
const CASES = graphql(`
  query PortalCasesAgainstUs($after: String) {
    cases(first: 50, after: $after) {
      edges {
        node {
          id
          reference
          categories
          status
          finding
          createdAt
          decidedAt
          reporterRole
          placementId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// The employer's own workers by placement, to name a reporter who consented (the api gives only the placement).
const WORKERS = graphql(`
  query PortalStandingWorkers {
    myPlacements(first: 100) {
      edges {
        node {
          placementId
          name
        }
      }
    }
  }
`);

type Standing = PortalStandingQuery['employerStanding'];
type Reason = Standing['reasons'][number];
type CaseRow = PortalCasesAgainstUsQuery['cases']['edges'][number]['node'];

const QUESTIONS = ['wagesAsAgreed', 'hoursAsAgreed', 'housing', 'treatment', 'safety', 'wouldGoBack'] as const;

/**
 * The employer's standing with the Ministry, as the api decided it: the level, every reason (met, not met, not yet
 * judged), the workers' rating aggregate when there is one, an approval hold, and the cases against the company.
 */
export default function StandingPage() {
  const { t } = useTranslation('standing');
  const snapshot = useSession();
  const employerId = snapshot.status === 'signed-in' ? (snapshot.user.employerId ?? '') : '';
  const standing = useQuery(STANDING, employerId ? { variables: { employerId } } : skipToken);
  const data = standing.data?.employerStanding;

  return (
    <Stack gap="lg">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      {standing.error && !data ? (
        <Failed error={standing.error} onRetry={standing.refetch} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <LevelSummary standing={data} />
          <HoldNotice reason={data.reasons.find((r) => r.code === 'APPROVAL_HOLD' && r.met === false)} />
          <Reasons reasons={data.reasons} />
          <Ratings ratings={data.ratings} />
        </>
      )}
      <Cases />
    </Stack>
  );
}

function LevelSummary({ standing }: { standing: Standing }) {
  const { t } = useTranslation('standing');
  const lang = currentLanguage();
  return (
    <Paper
      component="section"
      aria-labelledby="standing-level"
      withBorder
      p="md"
      style={{ borderLeft: `6px solid var(--mantine-color-${STANDING_COLOR[standing.level]}-6)` }}
    >
      <Stack gap="xs">
        <Group gap="sm" wrap="wrap">
          <Title order={2} size="h3" id="standing-level">
            {t('level.heading')}
          </Title>
          <StandingLevelBadge level={standing.level} size="xl" />
        </Group>
        <Text>{t(`levelMeaning.${standing.level}`)}</Text>
        <Text size="sm">{t('computed', { date: formatDateTime(standing.computedAt, lang), version: standing.policyVersion })}</Text>
      </Stack>
    </Paper>
  );
}

/** An approval hold, from the api's reason: what it means for the company's orders. */
function HoldNotice({ reason }: { reason: Reason | undefined }) {
  const { t } = useTranslation('standing');
  if (!reason) return null;
  return (
    <Alert color="red" variant="light" styles={READABLE_ALERT} title={t('hold.title')}>
      <Stack gap="xs">
        <Text size="sm">{t('hold.meaning')}</Text>
        <Text size="sm">{t('hold.decision')}</Text>
        <Text size="sm">
          {t('details')} <ApiText>{reason.message}</ApiText>
        </Text>
      </Stack>
    </Alert>
  );
}


function Reasons({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation('standing');
  return (
    <Stack component="section" gap="sm" aria-labelledby="standing-reasons">
      <Title order={2} size="h3" id="standing-reasons">
        {t('reasons.title')}
      </Title>
      <Text size="sm">{t('reasons.intro')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {reasons.map((reason) => {
          const state = reason.met === null || reason.met === undefined ? 'notJudged' : reason.met ? 'met' : 'notMet';
          const headingId = `reason-${reason.code}`;
          return (
            <Card key={reason.code} withBorder padding="md" radius="md" component="article" aria-labelledby={headingId}>
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                  <Title order={3} size="h4" id={headingId}>
                    {t(`reason.${reason.code}.title`)}
                  </Title>
                  <Badge color={state === 'met' ? 'green' : state === 'notMet' ? STANDING_COLOR[reason.level] : 'gray'} variant="light" c="dark.7">
                    {t(`reasons.${state}`)}
                  </Badge>
                </Group>
                <Text size="sm">{t(`reason.${reason.code}.about`)}</Text>
                <Text size="sm">
                  {t('details')} <ApiText>{reason.message}</ApiText>
                </Text>
                {state === 'notMet' ? <Text size="sm">{t('reasons.gives', { level: t(`level.${reason.level}`) })}</Text> : null}
              </Stack>
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

/** The api's sentence, in English: marked so, for screen readers, on a page in another language. */
function ApiText({ children }: { children: string }) {
  return (
    <Text span size="sm" lang="en">
      {children}
    </Text>
  );
}

/** The workers' ratings as the api aggregates them; never one rating, never who rated. */
function Ratings({ ratings }: { ratings: Standing['ratings'] }) {
  const { t } = useTranslation('standing');
  const lang = currentLanguage();
  return (
    <Stack component="section" gap="sm" aria-labelledby="standing-ratings">
      <Title order={2} size="h3" id="standing-ratings">
        {t('ratings.title')}
      </Title>
      {ratings ? (
        <>
          <Text size="sm">{t('ratings.over', { count: ratings.ratedPlacements })}</Text>
          <Table variant="vertical" layout="fixed" withTableBorder maw={560}>
            <Table.Tbody>
              {QUESTIONS.map((q) => (
                <Table.Tr key={q}>
                  <Table.Th w="60%">{t(`ratings.question.${q}`)}</Table.Th>
                  <Table.Td>{t('ratings.outOf', { score: formatNumber(ratings.averages[q], lang) })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : (
        <Text size="sm">{t('ratings.none')}</Text>
      )}
      <Text size="sm">{t('ratings.private')}</Text>
    </Stack>
  );
}

const CASE_STATUS_COLOR: Record<CaseRow['status'], string> = {
  REPORTED: 'blue',
  TRIAGED: 'blue',
  INVESTIGATING: 'yellow',
  REFERRED: 'yellow',
  SUBSTANTIATED: 'red',
  UNSUBSTANTIATED: 'green',
  CLOSED: 'gray',
};

/** The cases against the company, as much as the api shows an employer: reference, categories, status, outcome. */
function Cases() {
  const { t } = useTranslation('standing');
  const { data, loading, error, refetch, fetchMore } = useQuery(CASES);
  const connection = data?.cases;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  // Only when the api named a worker: their name from the company's own placements.
  const disclosed = rows.some((r) => r.placementId);
  const workers = useQuery(WORKERS, disclosed ? {} : skipToken);
  const nameOf = new Map(workers.data?.myPlacements.edges.map((e) => [e.node.placementId, e.node.name]) ?? []);

  const more = () =>
    fetchMore({
      variables: { after: connection?.pageInfo.endCursor ?? null },
      updateQuery: (prev, { fetchMoreResult }) => ({ cases: { ...fetchMoreResult.cases, edges: [...prev.cases.edges, ...fetchMoreResult.cases.edges] } }),
    });

  return (
    <Stack component="section" gap="sm" aria-labelledby="standing-cases">
      <Title order={2} size="h3" id="standing-cases">
        {t('cases.title')}
      </Title>
      <Text size="sm">{t('cases.intro')}</Text>
      {error && !data ? (
        <Failed error={error} onRetry={refetch} />
      ) : loading && !data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t('cases.empty')}</Empty>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {rows.map((row) => (
              <CaseCard key={row.id} row={row} reporterName={row.placementId ? nameOf.get(row.placementId) : undefined} />
            ))}
          </SimpleGrid>
          {connection?.pageInfo.hasNextPage ? (
            <Group>
              <Button variant="default" onClick={() => void more()}>
                {t('cases.more')}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}

function CaseCard({ row, reporterName }: { row: CaseRow; reporterName: string | undefined }) {
  const { t } = useTranslation('standing');
  const lang = currentLanguage();
  const headingId = `case-${row.id}`;
  const outcome = row.finding ? `finding.${row.finding}` : row.decidedAt ? 'outcome.UNSUBSTANTIATED' : 'outcome.PENDING';
  return (
    <Card withBorder padding="md" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={headingId}>
            {t('cases.reference', { reference: row.reference })}
          </Title>
          <Badge color={CASE_STATUS_COLOR[row.status]} variant="light" c="dark.7">
            {t(`cases.status.${row.status}`)}
          </Badge>
        </Group>
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            <CaseFact label={t('cases.categories')}>{row.categories.map((c) => t(`cases.category.${c}`)).join(', ')}</CaseFact>
            <CaseFact label={t('cases.outcomeLabel')}>{t(`cases.${outcome}`)}</CaseFact>
            <CaseFact label={t('cases.reported')}>{formatDateTime(row.createdAt, lang)}</CaseFact>
            {row.decidedAt ? <CaseFact label={t('cases.decided')}>{formatDateTime(row.decidedAt, lang)}</CaseFact> : null}
            {row.reporterRole ? (
              <CaseFact label={t('cases.reporter')}>{t(`cases.reporterRole.${row.reporterRole}`)}</CaseFact>
            ) : null}
            {reporterName ? <CaseFact label={t('cases.worker')}>{reporterName}</CaseFact> : null}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

function CaseFact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="40%">{label}</Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}
