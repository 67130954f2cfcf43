import { useState, type CSSProperties } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Paper, PasswordInput, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert, Loading } from '../components/PageState';
import { problemOf } from '../errors';
import { graphql } from '../gql';
import { session } from '../session';

// Mantine's PasswordInput marks only its frame invalid: the input itself says so for screen readers.
const invalidIf = (error: unknown) => ({ 'aria-invalid': error ? true : undefined });

// Mantine's error red (red.6) is 3.3:1 on white, under WCAG AA: red.9 for this page's field errors, until the theme sets it.
const AA_COLORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

const ME = graphql(`
  query PortalAccountMe {
    me {
      id
      identifier
      role
      employerId
      mustChangePassword
      twoFactorEnabled
    }
  }
`);

const EMPLOYER = graphql(`
  query PortalAccountEmployer($id: ID!) {
    employer(id: $id) {
      id
      legalName
      tradeName
      status
    }
  }
`);

const CHANGE_PASSWORD = graphql(`
  mutation PortalChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      ...SessionFields
    }
  }
`);

// Outlined in dark shades: Mantine's light badges are below WCAG AA contrast.
const STATUS_COLOR = { PENDING_VERIFICATION: 'blue.9', VERIFIED: 'teal.9', SUSPENDED: 'red.9' } as const;

/** Who is signed in (and for which company), and changing the password; first stop of a temporary password. */
export default function Account() {
  const { t } = useTranslation('account');
  const [params, setParams] = useSearchParams();
  const me = useQuery(ME);
  const user = me.data?.me;
  // With a temporary password the api answers little besides `me` and changePassword: ask for nothing more.
  const employerId = user && !user.mustChangePassword ? user.employerId : null;
  const employer = useQuery(EMPLOYER, employerId ? { variables: { id: employerId } } : skipToken);
  // The sign-in page sends a temporary password here with ?mustChange=1; once `me` answers, the api's word counts.
  const mustChange = user ? user.mustChangePassword : params.get('mustChange') === '1';

  return (
    <Stack maw={640} style={AA_COLORS}>
      <Title order={1}>{t('title')}</Title>
      {mustChange && (
        <Alert color="blue" variant="light" role="status" title={t('mustChange.title')}>
          {t('mustChange.body')}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('who.title')}
          </Title>
          {me.error ? (
            <ErrorAlert error={me.error} />
          ) : !user ? (
            <Loading />
          ) : (
            <Table variant="vertical" layout="fixed" withRowBorders={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w="40%">{t('who.identifier')}</Table.Th>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{user.identifier}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t('who.role')}</Table.Th>
                  <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
                </Table.Tr>
                {employerId && (
                  <Table.Tr>
                    <Table.Th>{t('who.company')}</Table.Th>
                    <Table.Td>
                      {employer.error ? (
                        <ErrorAlert error={employer.error} />
                      ) : employer.data ? (
                        <Group gap="xs">
                          <Text span>{employer.data.employer.tradeName ?? employer.data.employer.legalName}</Text>
                          <Badge color={STATUS_COLOR[employer.data.employer.status]} variant="outline">
                            {t(`employerStatus.${employer.data.employer.status}`)}
                          </Badge>
                        </Group>
                      ) : (
                        <Text span c="dimmed">
                          {t('who.loadingCompany')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                )}
                <Table.Tr>
                  <Table.Th>{t('who.twoFactor')}</Table.Th>
                  <Table.Td>{user.twoFactorEnabled ? t('who.twoFactorOn') : t('who.twoFactorOff')}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
          {employer.data?.employer.status === 'PENDING_VERIFICATION' && (
            <Text size="sm" c="dimmed">
              {t('who.pending')}
            </Text>
          )}
        </Stack>
      </Paper>
      <ChangePassword
        onChanged={() => {
          if (params.has('mustChange')) setParams({}, { replace: true });
          void me.refetch();
        }}
      />
    </Stack>
  );
}

function ChangePassword({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation('account');
  const [done, setDone] = useState(false);
  const [change, { loading, error }] = useMutation(CHANGE_PASSWORD);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('password.currentRequired')),
      newPassword: (v) => (v ? null : t('password.newRequired')),
      confirm: (v, values) => (v === values.newPassword ? null : t('password.mismatch')),
    },
  });
  const fields = error ? problemOf(error).fields : {};

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    setDone(false);
    try {
      const { data } = await change({ variables: { input: { currentPassword, newPassword } } });
      if (!data) return;
      // The api ended every session of this account and opened this one: carry on with it.
      session.start(data.changePassword);
      form.reset();
      setDone(true);
      onChanged();
    } catch {
      // Shown from the mutation's error state below.
    }
  });

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('password.title')}
          </Title>
          <Text size="sm">{t('password.intro')}</Text>
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
            error={form.errors['currentPassword'] ?? fields['currentPassword']}
            {...invalidIf(form.errors['currentPassword'] ?? fields['currentPassword'])}
          />
          <PasswordInput
            label={t('password.new')}
            description={t('password.hint')}
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
            error={form.errors['newPassword'] ?? fields['newPassword']}
            {...invalidIf(form.errors['newPassword'] ?? fields['newPassword'])}
          />
          <PasswordInput
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
            {...invalidIf(form.errors['confirm'])}
          />
          {error ? <ErrorAlert error={error} title={t('password.failed')} /> : null}
          {done ? (
            <Alert color="green" variant="light" role="status">
              {t('password.changed')}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={loading}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
