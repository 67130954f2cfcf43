import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../errors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { PortalMyPlacementsQuery } from '../gql/graphql';
import { EvaluationForm, type EvaluationValues } from './evaluation-form';
import { EvaluationSummary } from './evaluation-summary';
import { ErrorAlert } from './PageState';

// An alert's title in its colour is too faint on the tinted background for WCAG AA; the text colour reads.
const READABLE_TITLE = { title: { color: 'var(--mantine-color-text)' } };

export type PlacementRow = PortalMyPlacementsQuery['myPlacements']['edges'][number]['node'];

const SUBMIT_EVALUATION = graphql(`
  mutation PortalSubmitEvaluation($placementId: ID!, $input: EvaluationInputModel!) {
    submitEvaluation(placementId: $placementId, input: $input) {
      evaluationId
    }
  }
`);

const REFUSALS = ['CONFLICT', 'INVALID_TRANSITION'];
const STATE_COLOR = { OPEN: 'blue', NOT_DUE: 'gray', EVALUATED: 'green', CLOSED: 'red' } as const;

/** What became of a submission: kept by the page, since the card moves to another group (and remounts) once evaluated. */
export type SubmitOutcome = { saved: true } | { saved: false; error: unknown };

/**
 * One worker's season and its evaluation: the form while the window is open, the evaluation once submitted, and
 * nothing to fill in before the season ends or after the window closed. A refusal stays shown after the list
 * reloads (an evaluation sent first from elsewhere turns the card read-only, and the refusal says why).
 */
export function EvaluationCard({
  row,
  outcome,
  onOutcome,
}: {
  row: PlacementRow;
  outcome: SubmitOutcome | undefined;
  onOutcome: (outcome: SubmitOutcome | undefined) => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation('evaluations');
  const lang = i18n.resolvedLanguage ?? 'es';
  const [open, setOpen] = useState(false);
  const [submit, { loading }] = useMutation(SUBMIT_EVALUATION);
  const headingId = `placement-${row.placementId}`;
  const saved = outcome?.saved === true;
  const error = outcome && !outcome.saved ? outcome.error : null;

  const send = async (v: EvaluationValues) => {
    try {
      await submit({ variables: { placementId: row.placementId, input: { ...v.scores, wouldRehire: v.wouldRehire, comments: v.comments } } });
      setOpen(false);
      await onOutcome({ saved: true });
    } catch (refusal) {
      // The list is read again too: it may have changed meanwhile (evaluated elsewhere, window closed).
      await onOutcome({ saved: false, error: refusal });
    }
  };

  return (
    <Card withBorder padding="md" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={3} size="h4" id={headingId}>
            {row.name}
          </Title>
          <Badge color={STATE_COLOR[row.evaluationState]} variant="light" c="dark.7">
            {t(`state.${row.evaluationState}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('card.order', { reference: row.jobOrderReference, title: row.jobOrderTitle })}
        </Text>
        <Text size="sm">
          {t('card.season', { start: formatDate(row.startDate, lang), end: formatDate(row.endDate, lang) })}
          {' · '}
          {row.endedOn ? t(`placement.${row.status}`, { defaultValue: row.status, date: formatDate(row.endedOn, lang) }) : t('placement.ACTIVE')}
        </Text>

        {row.evaluationState === 'OPEN' && row.evaluationClosesOn ? (
          <Text size="sm" fw={600}>
            {t('card.dueBy', { date: formatDate(row.evaluationClosesOn, lang, 'long') })}
          </Text>
        ) : null}
        {row.evaluationState === 'NOT_DUE' ? <Text size="sm">{t('card.notDue', { date: formatDate(row.endDate, lang, 'long') })}</Text> : null}
        {row.evaluationState === 'CLOSED' && row.evaluationClosesOn ? (
          <Text size="sm">{t('card.closed', { date: formatDate(row.evaluationClosesOn, lang, 'long') })}</Text>
        ) : null}

        {saved ? (
          <Alert color="green" variant="light" role="status" styles={READABLE_TITLE} title={t('card.savedTitle')}>
            {t('card.saved', { name: row.name })}
          </Alert>
        ) : null}
        {error ? <ErrorAlert error={error} title={t('card.refused')} /> : null}
        {/* The api's message is in English; what its code means is said in the reader's language too. */}
        {error && REFUSALS.includes(problemOf(error).code) ? <Text size="sm">{t(`card.refusal.${problemOf(error).code}`)}</Text> : null}

        {row.evaluation ? <EvaluationSummary evaluation={row.evaluation} /> : null}

        {row.evaluationState === 'OPEN' && !open ? (
          <Group>
            <Button onClick={() => setOpen(true)}>
              {t('card.evaluate', { name: row.name })}
            </Button>
          </Group>
        ) : null}
        {row.evaluationState === 'OPEN' && open ? (
          <EvaluationForm
            name={row.name}
            loading={loading}
            fieldErrors={error ? problemOf(error).fields : {}}
            onSubmit={(v) => void send(v)}
            onCancel={() => {
              void onOutcome(undefined);
              setOpen(false);
            }}
          />
        ) : null}
      </Stack>
    </Card>
  );
}
