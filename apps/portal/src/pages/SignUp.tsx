import { useEffect, useState, type CSSProperties } from 'react';
import { Alert, Anchor, Button, Fieldset, List, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/PageState';
import { problemOf } from '../errors';
import { graphql } from '../gql';
import type { Country, Program, Sector } from '../gql/graphql';
import { request, useRequest } from '../request';

// Mantine's PasswordInput marks only its frame invalid: the input itself says so for screen readers.
const invalidIf = (error: unknown) => ({ 'aria-invalid': error ? true : undefined });

// Mantine's error red (red.6) is 3.3:1 on white, under WCAG AA: red.9 for this page's field errors, until the theme sets it.
const AA_COLORS = { '--mantine-color-error': 'var(--mantine-color-red-9)' } as CSSProperties;

const REGIONS = graphql(`
  query PortalSignUpRegions {
    regions {
      code
      country
      name
    }
  }
`);

const REGISTER = graphql(`
  mutation PortalRegisterEmployer($input: RegisterEmployerInput!) {
    registerEmployer(input: $input) {
      id
      legalName
      contactEmail
      status
    }
  }
`);

const COUNTRIES: Country[] = ['US', 'CA'];
const SECTORS: Sector[] = ['AGRICULTURE', 'CONSTRUCTION', 'FOOD_PROCESSING', 'HOSPITALITY', 'LIVESTOCK'];
const PROGRAMS: Program[] = ['US_H2A', 'US_H2B', 'CA_TFWP_AGRICULTURAL', 'CA_TFWP_LOW_WAGE', 'CA_SAWP'];

type Region = { code: string; country: Country; name: string };

const EMPTY = {
  legalName: '',
  tradeName: '',
  sector: '',
  program: '',
  programReference: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  country: '',
  regionCode: '',
  city: '',
  password: '',
};
type Values = typeof EMPTY;
const OPTIONAL = new Set<keyof Values>(['tradeName']);

/**
 * Public sign-up of an employer (no Apollo: see request.ts). The api decides what is valid; the form only
 * insists on what the input type requires and shows each field's problem beside it.
 */
export default function SignUp() {
  const { t } = useTranslation('auth');
  const [regions, setRegions] = useState<{ list: Region[]; error: unknown }>({ list: [], error: null });
  const [register, state] = useRequest(REGISTER);
  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: (values) =>
      Object.fromEntries(
        (Object.keys(values) as (keyof Values)[])
          .filter((key) => !OPTIONAL.has(key) && !values[key].trim())
          .map((key) => [key, t('signUp.required')]),
      ),
  });

  useEffect(() => {
    request(REGIONS, {}).then(
      (data) => setRegions({ list: data.regions, error: null }),
      (error: unknown) => setRegions({ list: [], error }),
    );
  }, []);

  const country = form.values.country as Country | '';
  // Only what the api would accept for the chosen country: its regions and programs.
  const regionOptions = regions.list.filter((r) => r.country === country).map((r) => ({ value: r.code, label: r.name }));
  const programOptions = PROGRAMS.filter((p) => p.startsWith(`${country}_`)).map((p) => ({ value: p, label: t(`signUp.programs.${p}`) }));

  const submit = form.onSubmit(async (values) => {
    const data = await register({
      input: {
        ...values,
        tradeName: values.tradeName.trim() || null,
        country: values.country as Country,
        sector: values.sector as Sector,
        program: values.program as Program,
      },
    });
    if (!data) return;
    window.scrollTo({ top: 0 });
  });

  // The api's per-field problems go beside their fields; a taken e-mail comes back as the login's `email`.
  const fields = state.error ? problemOf(state.error).fields : {};
  const errorOf = (name: keyof Values) => form.errors[name] ?? (name === 'contactEmail' ? (fields[name] ?? fields['email']) : fields[name]);
  const input = (name: keyof Values) => ({ ...form.getInputProps(name), error: errorOf(name) });

  if (state.data) return <Registered email={state.data.registerEmployer.contactEmail} />;

  return (
    <Paper withBorder p="lg" radius="md" style={AA_COLORS}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('signUp.title')}</Title>
          <Text size="sm">{t('signUp.intro')}</Text>
          <Fieldset legend={t('signUp.company')}>
            <Stack gap="sm">
              <TextInput label={t('signUp.legalName')} autoComplete="organization" required {...input('legalName')} />
              <TextInput label={t('signUp.tradeName')} description={t('signUp.tradeNameHint')} {...input('tradeName')} />
              <Select
                label={t('signUp.sector')}
                required
                data={SECTORS.map((s) => ({ value: s, label: t(`signUp.sectors.${s}`) }))}
                {...input('sector')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('signUp.place')}>
            <Stack gap="sm">
              <Select
                label={t('signUp.country')}
                required
                data={COUNTRIES.map((c) => ({ value: c, label: t(`signUp.countries.${c}`) }))}
                {...input('country')}
                onChange={(value) => form.setValues({ country: value ?? '', regionCode: '', program: '' })}
              />
              <Select
                label={country === 'CA' ? t('signUp.province') : t('signUp.state')}
                required
                searchable
                disabled={!country}
                description={country ? undefined : t('signUp.countryFirst')}
                nothingFoundMessage={t('signUp.noRegion')}
                data={regionOptions}
                {...input('regionCode')}
              />
              {regions.error ? <ErrorAlert error={regions.error} title={t('signUp.regionsFailed')} /> : null}
              <TextInput label={t('signUp.city')} autoComplete="address-level2" required {...input('city')} />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('signUp.programLegend')}>
            <Stack gap="sm">
              <Select
                label={t('signUp.program')}
                required
                disabled={!country}
                description={country ? undefined : t('signUp.countryFirst')}
                data={programOptions}
                {...input('program')}
              />
              <TextInput
                label={t('signUp.programReference')}
                description={form.values.program.startsWith('US_') ? t('signUp.referenceHintUS') : form.values.program ? t('signUp.referenceHintCA') : t('signUp.referenceHint')}
                required
                {...input('programReference')}
              />
            </Stack>
          </Fieldset>
          <Fieldset legend={t('signUp.contact')}>
            <Stack gap="sm">
              <TextInput label={t('signUp.contactName')} autoComplete="name" required {...input('contactName')} />
              <TextInput
                label={t('signUp.contactEmail')}
                description={t('signUp.contactEmailHint')}
                type="email"
                autoComplete="email"
                required
                {...input('contactEmail')}
              />
              <TextInput
                label={t('signUp.contactPhone')}
                description={t('signUp.contactPhoneHint')}
                type="tel"
                autoComplete="tel"
                required
                {...input('contactPhone')}
              />
            </Stack>
          </Fieldset>
          <PasswordInput
            label={t('signUp.password')}
            description={t('password.hint')}
            autoComplete="new-password"
            required
            {...input('password')}
            {...invalidIf(errorOf('password'))}
          />
          {state.error ? <ErrorAlert error={state.error} title={t('signUp.failed')} /> : null}
          <Button type="submit" loading={state.loading}>
            {t('signUp.submit')}
          </Button>
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('signUp.haveAccount')}
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}

/** What happens next: the ministry verifies the company; meanwhile the employer may sign in and draft orders. */
function Registered({ email }: { email: string }) {
  const { t } = useTranslation('auth');
  return (
    <Paper withBorder p="lg" radius="md" style={AA_COLORS}>
      <Stack>
        <Title order={2}>{t('registered.title')}</Title>
        <Alert color="blue" variant="light" role="status" title={t('registered.status')}>
          {t('registered.body', { email })}
        </Alert>
        <Title order={3} size="h4">
          {t('registered.nextTitle')}
        </Title>
        <List spacing="xs" size="sm">
          <List.Item>{t('registered.next1')}</List.Item>
          <List.Item>{t('registered.next2')}</List.Item>
          <List.Item>{t('registered.next3')}</List.Item>
        </List>
        <Button component={Link} to="/sign-in">
          {t('registered.signIn')}
        </Button>
      </Stack>
    </Paper>
  );
}
