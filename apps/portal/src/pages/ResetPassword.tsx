import { useEffect, useState, type CSSProperties } from 'react';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../components/PageState';
import { problemOf } from '../errors';
import { graphql } from '../gql';
import { useRequest } from '../request';

// Mantine's PasswordInput marks only its frame invalid: the input itself says so for screen readers.
const invalidIf = (error: unknown) => ({ 'aria-invalid': error ? true : undefined });

// Mantine's error red (red.6) is 3.3:1 on white, under WCAG AA: red.9 for this page's field errors, until the theme sets it.
const AA_COLORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

const RESET = graphql(`
  mutation PortalResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

/** The e-mailed link carries the token in the fragment (`#token=`), which no server ever receives. */
function tokenOfFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export default function ResetPassword() {
  const { t } = useTranslation('auth');
  // Read once: the fragment is cleared below so the token does not linger in the address bar or history.
  const [token] = useState(tokenOfFragment);
  const [reset, state] = useRequest(RESET);
  const form = useForm({
    initialValues: { newPassword: '', confirm: '' },
    validate: {
      newPassword: (v) => (v ? null : t('reset.passwordRequired')),
      confirm: (v, values) => (v === values.newPassword ? null : t('reset.mismatch')),
    },
  });

  const navigate = useNavigate();
  useEffect(() => {
    if (window.location.hash) void navigate({ hash: '' }, { replace: true });
  }, [navigate]);

  const submit = form.onSubmit(async ({ newPassword }) => {
    await reset({ input: { token, newPassword } });
  });

  if (!token) {
    return (
      <Paper withBorder p="lg" radius="md" style={AA_COLORS}>
        <Stack>
          <Title order={2}>{t('reset.title')}</Title>
          <Alert color="yellow" variant="light" role="alert">
            {t('reset.noToken')}
          </Alert>
          <Anchor component={Link} to="/forgot-password">
            {t('reset.requestNew')}
          </Anchor>
        </Stack>
      </Paper>
    );
  }

  if (state.data?.resetPassword) {
    return (
      <Paper withBorder p="lg" radius="md" style={AA_COLORS}>
        <Stack>
          <Title order={2}>{t('reset.doneTitle')}</Title>
          <Alert color="green" variant="light" role="status">
            {t('reset.done')}
          </Alert>
          <Button component={Link} to="/sign-in">
            {t('reset.signIn')}
          </Button>
        </Stack>
      </Paper>
    );
  }

  const fieldError = state.error ? problemOf(state.error).fields['newPassword'] : undefined;
  // A spent or expired link is refused as a whole, not a field: then a new link is what helps.
  const linkRefused = state.error !== null && !fieldError;
  return (
    <Paper withBorder p="lg" radius="md" style={AA_COLORS}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('reset.title')}</Title>
          <PasswordInput
            label={t('reset.newPassword')}
            description={t('password.hint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
            error={form.errors['newPassword'] ?? fieldError}
            {...invalidIf(form.errors['newPassword'] ?? fieldError)}
          />
          <PasswordInput
            label={t('reset.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
            {...invalidIf(form.errors['confirm'])}
          />
          {state.error ? <ErrorAlert error={state.error} /> : null}
          {linkRefused ? (
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('reset.requestNew')}
            </Anchor>
          ) : null}
          <Button type="submit" loading={state.loading}>
            {t('reset.submit')}
          </Button>
          <Text size="sm">
            <Anchor component={Link} to="/sign-in">
              {t('reset.backToSignIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
