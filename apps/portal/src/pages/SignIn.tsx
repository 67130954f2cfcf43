import { useState, type CSSProperties } from 'react';
import { Alert, Anchor, Button, Group, Paper, PasswordInput, PinInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/PageState';
import { graphql } from '../gql';
import { safeNext } from '../navigation';
import { useRequest } from '../request';
import { session, type SessionPayload } from '../session';
import { useSession } from '../use-session';

// Mantine's PasswordInput marks only its frame invalid: the input itself says so for screen readers.
const invalidIf = (error: unknown) => ({ 'aria-invalid': error ? true : undefined });

// Mantine's error red (red.6) is 3.3:1 on white, under WCAG AA: red.9 for this page's field errors, until the theme sets it.
const AA_COLORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

const LOGIN = graphql(`
  mutation PortalLogin($input: LoginInput!) {
    login(input: $input) {
      ...SessionFields
    }
  }
`);

const COMPLETE_LOGIN = graphql(`
  mutation PortalCompleteLogin($input: TotpCodeInput!) {
    completeLogin(input: $input) {
      ...SessionFields
    }
  }
`);

export default function SignIn() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const snapshot = useSession();
  const next = safeNext(params.get('next'));
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [login, loginState] = useRequest(LOGIN);
  const [completeLogin, completeState] = useRequest(COMPLETE_LOGIN);
  const form = useForm({
    initialValues: { identifier: '', password: '' },
    validate: {
      identifier: (v) => (v.trim() ? null : t('signIn.identifierRequired')),
      password: (v) => (v ? null : t('signIn.passwordRequired')),
    },
  });

  const finish = (payload: SessionPayload) => {
    session.start(payload);
    void navigate(payload.user.mustChangePassword ? '/account?mustChange=1' : next, { replace: true });
  };

  if (snapshot.status === 'signed-in' && !loginState.data && !completeState.data) return <Navigate replace to={next} />;

  const submit = form.onSubmit(async (values) => {
    const payload = (await login({ input: { identifier: values.identifier.trim(), password: values.password } }))?.login;
    if (!payload) return;
    if (payload.mfaRequired) setMfaToken(payload.accessToken);
    else finish(payload);
  });

  const submitCode = async () => {
    const data = await completeLogin({ input: { code } }, { authorization: `Bearer ${mfaToken}` });
    if (data?.completeLogin) finish(data.completeLogin);
  };

  return (
    <Paper withBorder p="lg" radius="md" style={AA_COLORS}>
      <Stack>
        <Title order={2}>{t('signIn.title')}</Title>
        {params.get('expired') && snapshot.status === 'signed-out' && (
          <Alert color="blue" variant="light" role="status">
            {t('signIn.expired')}
          </Alert>
        )}
        {mfaToken ? (
          <Stack>
            <Text id="mfa-help">{t('signIn.mfaHelp')}</Text>
            <PinInput length={6} type="number" oneTimeCode value={code} onChange={setCode} aria-label={t('signIn.mfaCode')} aria-describedby="mfa-help" />
            {completeState.error ? <ErrorAlert error={completeState.error} title={t('signIn.failed')} /> : null}
            <Button onClick={() => void submitCode()} loading={completeState.loading} disabled={code.length !== 6}>
              {t('signIn.verify')}
            </Button>
          </Stack>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <TextInput label={t('signIn.identifier')} autoComplete="username" required {...form.getInputProps('identifier')} />
              <PasswordInput
                label={t('signIn.password')}
                autoComplete="current-password"
                required
                {...form.getInputProps('password')}
                {...invalidIf(form.errors['password'])}
              />
              {loginState.error ? <ErrorAlert error={loginState.error} title={t('signIn.failed')} /> : null}
              <Button type="submit" loading={loginState.loading}>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <Group justify="space-between">
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('signIn.forgot')}
          </Anchor>
          <Anchor component={Link} to="/sign-up" size="sm">
            {t('signIn.signUp')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
