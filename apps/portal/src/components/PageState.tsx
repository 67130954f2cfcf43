import type { ReactNode } from 'react';
import { Alert, Button, Center, Code, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../errors';

/** The three states every page has besides its content: loading, failed, and nothing to show yet. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text size="sm" c="dimmed">
          {label ?? t('state.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** A failed request: the api's message; a masked server error also shows the request id to quote to support. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const problem = problemOf(error);
  const message =
    problem.code === 'NETWORK' ? t('state.network') : problem.code === 'INTERNAL_SERVER_ERROR' ? t('state.serverError') : problem.message;
  return (
    <Alert color="red" variant="light" title={title ?? t('state.errorTitle')} role="alert">
      <Stack gap={4}>
        <Text size="sm">{message}</Text>
        {problem.requestId && (
          <Text size="sm">
            {t('state.requestId')} <Code>{problem.requestId}</Code>
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** A page (or section) whose data did not load: the error, and a button to ask again. */
export function Failed({ error, onRetry }: { error: unknown; onRetry: () => unknown }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <ErrorAlert error={error} />
      <Button variant="default" onClick={() => void onRetry()}>
        {t('state.retry')}
      </Button>
    </Stack>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" py="lg" ta="center">
      {children}
    </Text>
  );
}
