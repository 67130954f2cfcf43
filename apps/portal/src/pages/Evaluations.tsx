import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EvaluationCard, type PlacementRow, type SubmitOutcome } from '../components/evaluation-card';
import { Empty, Failed, Loading } from '../components/PageState';
import { graphql } from '../gql';

const MY_PLACEMENTS = graphql(`
  query PortalMyPlacements($after: String) {
    myPlacements(first: 50, after: $after) {
      edges {
        node {
          placementId
          name
          jobOrderId
          jobOrderReference
          jobOrderTitle
          status
          startDate
          endDate
          endedOn
          evaluationState
          evaluationClosesOn
          evaluation {
            overall
            punctuality
            quality
            safety
            teamwork
            wouldRehire
            comments
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

// The api says where each evaluation stands; the page only orders the groups, those to do first.
const GROUPS = ['OPEN', 'NOT_DUE', 'EVALUATED', 'CLOSED'] as const;

/** End of season: the employer's workers, each evaluated once while its window is open. */
export default function Evaluations() {
  const { t } = useTranslation('evaluations');
  const { data, loading, error, refetch, fetchMore } = useQuery(MY_PLACEMENTS, { notifyOnNetworkStatusChange: false });
  const [outcomes, setOutcomes] = useState<Record<string, SubmitOutcome | undefined>>({});
  const connection = data?.myPlacements;
  const rows: PlacementRow[] = connection?.edges.map((e) => e.node) ?? [];

  const more = () =>
    fetchMore({
      variables: { after: connection?.pageInfo.endCursor ?? null },
      updateQuery: (prev, { fetchMoreResult }) => ({
        myPlacements: { ...fetchMoreResult.myPlacements, edges: [...prev.myPlacements.edges, ...fetchMoreResult.myPlacements.edges] },
      }),
    });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      {error && !data ? (
        <Failed error={error} onRetry={refetch} />
      ) : loading && !data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <>
          {GROUPS.map((state) => {
            const group = rows.filter((r) => r.evaluationState === state);
            if (!group.length) return null;
            return (
              <Stack component="section" gap="sm" key={state} aria-labelledby={`group-${state}`}>
                <Title order={2} size="h3" id={`group-${state}`}>
                  {t(`groups.${state}`, { count: group.length })}
                </Title>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  {group.map((row) => (
                    <EvaluationCard
                      key={row.placementId}
                      row={row}
                      outcome={outcomes[row.placementId]}
                      onOutcome={(outcome) => {
                        setOutcomes((all) => ({ ...all, [row.placementId]: outcome }));
                        return outcome ? refetch() : Promise.resolve();
                      }}
                    />
                  ))}
                </SimpleGrid>
              </Stack>
            );
          })}
          {connection?.pageInfo.hasNextPage ? (
            <Group>
              <Button variant="default" onClick={() => void more()}>
                {t('more')}
              </Button>
            </Group>
          ) : null}
        </>
      )}
    </Stack>
  );
}
