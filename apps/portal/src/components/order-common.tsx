import { skipToken, useQuery } from '@apollo/client/react';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { Country, JobOrderStatus } from '../gql/graphql';

/** A light alert's title in the text colour: Mantine's yellow title on its pale background is below AA. */
export const READABLE_ALERT = { title: { color: 'var(--mantine-color-text)' } };

/** Every status an order can have, in the order of its life (the dashboard lists them so). */
export const ORDER_STATUSES: JobOrderStatus[] = ['DRAFT', 'SUBMITTED', 'REJECTED', 'OPEN', 'FILLED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];

const STATUS_COLOR: Record<JobOrderStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  REJECTED: 'red',
  OPEN: 'green',
  FILLED: 'teal',
  IN_PROGRESS: 'indigo',
  COMPLETED: 'dark',
  CANCELLED: 'orange',
};

export function OrderStatusBadge({ status }: { status: JobOrderStatus }) {
  const { t } = useTranslation('orders');
  return (
    <Badge color={STATUS_COLOR[status]} variant="dot" size="lg">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The destination currency: the employer's country decides it (reference data, as the api's job orders carry it). */
export const currencyOfCountry = (country: Country): string => (country === 'US' ? 'USD' : 'CAD');

const OWN_EMPLOYER = graphql(`
  query PortalOwnEmployer {
    me {
      id
      employerId
    }
  }
`);

const EMPLOYER = graphql(`
  query PortalOrderEmployer($id: ID!) {
    employer(id: $id) {
      id
      legalName
      tradeName
      status
      statusReason
      country
    }
  }
`);

/** The signed-in employer's company: its status (verified or not) and country (which decides codes and currency). */
export function useOwnEmployer() {
  const me = useQuery(OWN_EMPLOYER);
  const employerId = me.data?.me.employerId ?? null;
  const employer = useQuery(EMPLOYER, employerId ? { variables: { id: employerId } } : skipToken);
  return {
    employer: employer.data?.employer ?? null,
    loading: me.loading || employer.loading,
    error: me.error ?? employer.error ?? null,
    refetch: () => void employer.refetch(),
  };
}
