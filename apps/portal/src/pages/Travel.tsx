import { useMemo, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorAlert, Loading } from '../components/PageState';
import { TravelContingent, type ContingentView } from '../components/travel-contingent';
import { graphql } from '../gql';

// The api lists an employer only the contingents carrying its workers, and in each only its own members.
const CONTINGENTS = graphql(`
  query PortalTravelContingents($after: String) {
    contingents(first: 20, after: $after) {
      edges {
        node {
          id
          reference
          regionCode
          status
          startDate
          departureDate
          departedOn
          arrivedOn
          members {
            applicantId
            name
            status
            steps {
              id
              kind
              status
              dueDate
            }
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

const REGIONS = graphql(`
  query PortalTravelRegions {
    regions {
      code
      name
    }
  }
`);

/** The employer's workers by contingent: dates planned and actual, status, and each worker's travel-step progress. */
export default function Travel() {
  const { t } = useTranslation('travel');
  const client = useApolloClient();
  // No cache: the page shows where travel stands now, and a contingent's members hold no id to merge by.
  const query = useQuery(CONTINGENTS, { variables: { after: null }, fetchPolicy: 'no-cache', notifyOnNetworkStatusChange: true });
  const regions = useQuery(REGIONS, { fetchPolicy: 'cache-first' });
  const [more, setMore] = useState<{ items: ContingentView[]; endCursor: string | null }>({ items: [], endCursor: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);

  const regionNames = useMemo(() => new Map((regions.data?.regions ?? []).map((r) => [r.code, r.name])), [regions.data]);
  const first = query.data?.contingents;
  const nextCursor = more.endCursor ?? (first?.pageInfo.hasNextPage ? first.pageInfo.endCursor : null);

  if (!first) {
    return (
      <Stack>
        <Title order={1}>{t('title')}</Title>
        {query.error ? <ErrorAlert error={query.error} /> : <Loading />}
      </Stack>
    );
  }

  const contingents: ContingentView[] = [...first.edges.map((e) => e.node), ...more.items];
  const busy = query.loading || loadingMore;

  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const result = await client.query({ query: CONTINGENTS, variables: { after: nextCursor }, fetchPolicy: 'no-cache' });
      const page = result.data!.contingents;
      setMore((m) => ({ items: [...m.items, ...page.edges.map((e) => e.node)], endCursor: page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null }));
      setMoreError(null);
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const refresh = async () => {
    setMore({ items: [], endCursor: null });
    await query.refetch().catch(() => undefined);
  };

  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {moreError ? <ErrorAlert error={moreError} /> : null}
      {contingents.length === 0 && !busy ? <Empty>{t('empty')}</Empty> : null}
      <Stack component="ul" aria-label={t('listLabel')} aria-busy={busy} gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
        {contingents.map((k) => (
          <li key={k.id}>
            <TravelContingent contingent={k} regionName={regionNames.get(k.regionCode) ?? k.regionCode} />
          </li>
        ))}
      </Stack>
      <Group>
        {nextCursor && (
          <Button variant="light" onClick={() => void loadMore()} loading={loadingMore}>
            {t('more')}
          </Button>
        )}
        <Button variant="default" onClick={() => void refresh()} loading={query.loading}>
          {t('refresh')}
        </Button>
      </Group>
    </Stack>
  );
}
