import type { CSSProperties } from 'react';
import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/PageState';
import { problemOf } from '../errors';
import { graphql } from '../gql';
import { useRequest } from '../request';

// Mantine's error red (red.6) is 3.3:1 on white, under WCAG AA: red.9 for this page's field errors, until the theme sets it.
const AA_COLORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

const REQUEST_RESET = graphql(`
  mutation PortalRequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

/** Asks for a reset link. The answer is the same whether or not the address has an account (the api's too). */
export default function ForgotPassword() {
  const { t } = useTranslation('auth');
  const [requestReset, state] = useRequest(REQUEST_RESET);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (v.trim() ? null : t('forgot.emailRequired')) },
  });

  const submit = form.onSubmit(async ({ email }) => {
    await requestReset({ input: { email: email.trim() } });
  });

  if (state.data) {
    return (
      <Paper withBorder p="lg" radius="md" style={AA_COLORS}>
        <Stack>
          <Title order={2}>{t('forgot.sentTitle')}</Title>
          <Alert color="blue" variant="light" role="status">
            {t('forgot.sent', { email: form.values.email.trim() })}
          </Alert>
          <Text size="sm">{t('forgot.sentHelp')}</Text>
          <Anchor component={Link} to="/sign-in">
            {t('forgot.backToSignIn')}
          </Anchor>
        </Stack>
      </Paper>
    );
  }

  const fieldError = state.error ? problemOf(state.error).fields['email'] : undefined;
  return (
    <Paper withBorder p="lg" radius="md" style={AA_COLORS}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('forgot.title')}</Title>
          <Text size="sm">{t('forgot.intro')}</Text>
          <TextInput
            label={t('forgot.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
            error={form.errors['email'] ?? fieldError}
          />
          {state.error ? <ErrorAlert error={state.error} /> : null}
          <Button type="submit" loading={state.loading}>
            {t('forgot.submit')}
          </Button>
          <Text size="sm">{t('forgot.applicants')}</Text>
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('forgot.backToSignIn')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
