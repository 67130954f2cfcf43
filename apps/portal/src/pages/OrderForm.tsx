import '@mantine/dates/styles.css';
import 'dayjs/locale/es';
import 'dayjs/locale/en';
import { useEffect, useMemo, useRef, useState } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { currencyOfCountry, OrderStatusBadge, useOwnEmployer, READABLE_ALERT } from '../components/order-common';
import { ErrorAlert, Loading } from '../components/PageState';
import { problemOf } from '../errors';
import { formatDate, formatMoney } from '../format';
import { graphql } from '../gql';
import type { CreateJobOrderInput, LanguageCode, LanguageLevel } from '../gql/graphql';
import { currentLanguage } from '../i18n';

const VOCABULARY = graphql(`
  query OrderFormVocabulary {
    occupations {
      iscoCode
      title
      sector
      nocCodes
      socCodes
    }
    skills {
      code
      label
      occupationCodes
    }
    regions {
      code
      name
      country
    }
  }
`);

const ORDER = graphql(`
  query OrderFormOrder($id: ID!) {
    jobOrder(id: $id) {
      ...OrderTerms
    }
  }
`);

const CREATE = graphql(`
  mutation OrderFormCreate($input: CreateJobOrderInput!) {
    createJobOrder(input: $input) {
      id
      status
    }
  }
`);

const UPDATE = graphql(`
  mutation OrderFormUpdate($input: UpdateJobOrderInput!) {
    updateJobOrder(input: $input) {
      id
      status
      statusReason
    }
  }
`);

const SUBMIT = graphql(`
  mutation OrderFormSubmit($id: ID!) {
    submitJobOrder(id: $id) {
      id
      status
      submittedAt
    }
  }
`);

const LANGUAGE_CODES: LanguageCode[] = ['en', 'es', 'fr'];
const LEVELS: LanguageLevel[] = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE'];

interface Values {
  iscoCode: string | null;
  destinationOccupationCode: string | null;
  title: string;
  positions: number | string;
  requiredSkills: string[];
  preferredSkills: string[];
  languages: { code: LanguageCode | null; level: LanguageLevel | null }[];
  minExperienceYears: number | string;
  workRegionCode: string | null;
  workCity: string;
  startDate: string | null;
  durationWeeks: number | string;
  hourlyWage: number | string;
  hoursPerWeek: number | string;
  housingProvided: boolean;
  housingDescription: string;
  employerPaysRecruitment: boolean;
  employerPaysTravel: boolean;
}

const EMPTY: Values = {
  iscoCode: null,
  destinationOccupationCode: null,
  title: '',
  positions: '',
  requiredSkills: [],
  preferredSkills: [],
  languages: [],
  minExperienceYears: 0,
  workRegionCode: null,
  workCity: '',
  startDate: null,
  durationWeeks: '',
  hourlyWage: '',
  hoursPerWeek: '',
  housingProvided: false,
  housingDescription: '',
  employerPaysRecruitment: false,
  employerPaysTravel: false,
};

/** Which step holds each input field (the api names fields as the input does; a language's `code`/`level` too). */
const STEP_OF: Record<string, number> = {
  iscoCode: 0,
  destinationOccupationCode: 0,
  title: 0,
  positions: 0,
  requiredSkills: 1,
  preferredSkills: 1,
  languages: 1,
  code: 1,
  level: 1,
  minExperienceYears: 1,
  workRegionCode: 2,
  workCity: 2,
  startDate: 2,
  durationWeeks: 2,
  hourlyWage: 3,
  hoursPerWeek: 3,
  housingProvided: 3,
  housingDescription: 3,
  employerPaysRecruitment: 3,
  employerPaysTravel: 3,
};
const FIELD_ORDER = Object.keys(STEP_OF);
const LAST_STEP = 4;

/** Numbers the person left empty cannot be sent (the api's Int! would refuse the whole request): asked for here. */
const NUMERIC: (keyof Values)[] = ['positions', 'durationWeeks', 'hourlyWage', 'hoursPerWeek'];

/** The order as the api's input has it; only presence is checked here, every rule is the api's. */
function toInput(v: Values): CreateJobOrderInput {
  return {
    iscoCode: v.iscoCode ?? '',
    destinationOccupationCode: v.destinationOccupationCode ?? '',
    title: v.title,
    positions: Number(v.positions),
    requiredSkills: v.requiredSkills,
    preferredSkills: v.preferredSkills,
    languages: v.languages.filter((l) => l.code && l.level).map((l) => ({ code: l.code!, level: l.level! })),
    minExperienceYears: Number(v.minExperienceYears || 0),
    workRegionCode: v.workRegionCode ?? '',
    workCity: v.workCity,
    startDate: v.startDate ?? '',
    durationWeeks: Number(v.durationWeeks),
    hourlyWage: Number(v.hourlyWage),
    hoursPerWeek: Number(v.hoursPerWeek),
    housingProvided: v.housingProvided,
    housingDescription: v.housingProvided ? v.housingDescription : null,
    employerPaysRecruitment: v.employerPaysRecruitment,
    employerPaysTravel: v.employerPaysTravel,
  };
}

/** A job order in five steps (/orders/new and /orders/:id/edit): saved as a draft at any step, submitted from the review. */
export default function OrderForm() {
  const { id } = useParams();
  const { t } = useTranslation('orders');
  const lang = currentLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const own = useOwnEmployer();
  const vocabulary = useQuery(VOCABULARY, { fetchPolicy: 'cache-first' });
  const order = useQuery(ORDER, id ? { variables: { id }, fetchPolicy: 'network-only' } : skipToken);
  const [create, createState] = useMutation(CREATE);
  const [update, updateState] = useMutation(UPDATE);
  const [submit, submitState] = useMutation(SUBMIT);
  const [active, setActive] = useState<number>(() => (location.state as { step?: number } | null)?.step ?? 0);
  const [failure, setFailure] = useState<unknown>(null);
  const [savedNote, setSavedNote] = useState<string | null>((location.state as { saved?: boolean } | null)?.saved ? t('form.saved') : null);
  const loaded = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const form = useForm<Values>({ initialValues: EMPTY });
  const existing = order.data?.jobOrder;

  useEffect(() => {
    if (!existing || loaded.current) return;
    loaded.current = true;
    form.setValues({
      iscoCode: existing.iscoCode,
      destinationOccupationCode: existing.destinationOccupationCode,
      title: existing.title,
      positions: existing.positions,
      requiredSkills: existing.requiredSkills,
      preferredSkills: existing.preferredSkills,
      languages: existing.languages.map((l) => ({ code: l.code, level: l.level })),
      minExperienceYears: existing.minExperienceYears,
      workRegionCode: existing.workRegion.code,
      workCity: existing.workCity,
      startDate: existing.startDate,
      durationWeeks: existing.durationWeeks,
      hourlyWage: existing.hourlyWage,
      hoursPerWeek: existing.hoursPerWeek,
      housingProvided: existing.housingProvided,
      housingDescription: existing.housingDescription ?? '',
      employerPaysRecruitment: existing.employerPaysRecruitment,
      employerPaysTravel: existing.employerPaysTravel,
    });
    form.resetDirty();
    // Filling the form once from the loaded order; later reloads must not overwrite what the person typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [existing]);

  const country = own.employer?.country ?? null;
  const currency = country ? currencyOfCountry(country) : null;
  const system = country === 'US' ? 'ONET_SOC' : 'NOC_2021';
  const occupations = useMemo(() => vocabulary.data?.occupations ?? [], [vocabulary.data]);
  const occupation = occupations.find((o) => o.iscoCode === form.values.iscoCode) ?? null;
  const destinationCodes = occupation ? (country === 'US' ? occupation.socCodes : occupation.nocCodes) : [];
  // The destination code follows the occupation and the employer's country, whichever is known last: the only code
  // filled in, a code that no longer fits cleared. (Set in the occupation's onChange, it was lost when the
  // employer's country arrived after the pick.)
  const destination = form.values.destinationOccupationCode;
  useEffect(() => {
    if (!occupation || !country) return;
    if (destination && destinationCodes.includes(destination)) return;
    form.setFieldValue('destinationOccupationCode', destinationCodes.length === 1 ? destinationCodes[0]! : null);
    // form is stable; destinationCodes is derived from occupation and country.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [occupation, country, destination]);
  const skills = vocabulary.data?.skills ?? [];
  const skillLabel = new Map(skills.map((s) => [s.code, s.label]));
  const skillData = useMemo(() => {
    const all = vocabulary.data?.skills ?? [];
    const typical = all.filter((s) => form.values.iscoCode && s.occupationCodes.includes(form.values.iscoCode));
    const other = all.filter((s) => !typical.includes(s));
    const items = (list: typeof all) => list.map((s) => ({ value: s.code, label: s.label }));
    return typical.length
      ? [
          { group: t('form.typicalSkills'), items: items(typical) },
          { group: t('form.otherSkills'), items: items(other) },
        ]
      : items(other);
  }, [vocabulary.data, form.values.iscoCode, t]);
  const regions = (vocabulary.data?.regions ?? []).filter((r) => r.country === country);

  const goTo = (step: number) => {
    setActive(step);
    // The new step's heading takes the focus, so a keyboard or screen-reader user starts reading it there.
    requestAnimationFrame(() => heading.current?.focus());
  };

  /** Field errors beside their fields, and the first bad field's step shown. */
  const showFieldErrors = (fields: Record<string, string>) => {
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(fields)) errors[field === 'code' || field === 'level' ? 'languages' : field] ??= message;
    form.setErrors(errors);
    const first = FIELD_ORDER.find((f) => fields[f]);
    if (first !== undefined) goTo(STEP_OF[first]!);
  };

  const missingNumbers = (): boolean => {
    const missing = Object.fromEntries(NUMERIC.filter((f) => form.values[f] === '' || form.values[f] == null).map((f) => [f, t('required')]));
    if (!form.values.startDate) missing['startDate'] = t('required');
    if (!Object.keys(missing).length) return false;
    showFieldErrors(missing);
    return true;
  };

  /** Creates the draft or saves the changes; returns the order's id, or null with the errors shown. */
  const save = async (): Promise<string | null> => {
    setFailure(null);
    setSavedNote(null);
    form.clearErrors();
    if (missingNumbers()) return null;
    const input = toInput(form.values);
    try {
      if (id) {
        await update({ variables: { input: { jobOrderId: id, ...input } } });
        form.resetDirty();
        return id;
      }
      const created = await create({ variables: { input } });
      return created.data?.createJobOrder.id ?? null;
    } catch (error) {
      const problem = problemOf(error);
      if (Object.keys(problem.fields).length) showFieldErrors(problem.fields);
      setFailure(error);
      return null;
    }
  };

  const saveDraft = async () => {
    const savedId = await save();
    if (!savedId) return;
    notifications.show({ message: t('form.saved'), color: 'green', closeButtonProps: { 'aria-label': t('form.close') } });
    setSavedNote(t('form.saved'));
    // From now on the draft is edited, not created again (the page may stay mounted: its state says where it was).
    if (!id) void navigate(`/orders/${savedId}/edit`, { replace: true, state: { step: active, saved: true } });
  };

  const saveAndSubmit = async () => {
    const savedId = await save();
    if (!savedId) return;
    try {
      await submit({ variables: { id: savedId } });
      notifications.show({ message: t('form.submitted'), color: 'green', closeButtonProps: { 'aria-label': t('form.close') } });
      void navigate(`/orders/${savedId}`, { state: { submitted: true } });
    } catch (error) {
      setFailure(error);
      // The draft was saved: from now on it is edited, not created again.
      if (!id) void navigate(`/orders/${savedId}/edit`, { replace: true, state: { step: LAST_STEP } });
    }
  };

  if (own.error) return <ErrorAlert error={own.error} />;
  if (order.error) return <ErrorAlert error={order.error} title={t('detail.notFound')} />;
  if (vocabulary.error) return <ErrorAlert error={vocabulary.error} />;
  if (own.loading || vocabulary.loading || !vocabulary.data || !own.employer || (id && !existing)) return <Loading />;

  const title = existing ? t('form.editTitle', { reference: existing.reference }) : t('form.newTitle');
  if (existing && existing.status !== 'DRAFT' && existing.status !== 'REJECTED') {
    return (
      <Stack>
        <Title order={1}>{title}</Title>
        <Alert color="yellow" role="status" styles={READABLE_ALERT}>
          <Group gap="xs">
            <Text size="sm">{t('form.notEditable', { status: t(`status.${existing.status}`) })}</Text>
            <OrderStatusBadge status={existing.status} />
          </Group>
        </Alert>
        <Anchor component={Link} to={`/orders/${existing.id}`}>
          {t('form.backToOrder')}
        </Anchor>
      </Stack>
    );
  }

  const busy = createState.loading || updateState.loading || submitState.loading;
  const problem = failure ? problemOf(failure) : null;
  const stepTitles = ['occupation', 'requirements', 'place', 'pay', 'review'] as const;
  const v = form.values;
  const wage = Number(v.hourlyWage);
  const money = (amount: number) => (currency ? formatMoney(amount, currency, lang) : String(amount));

  return (
    <DatesProvider settings={{ locale: lang }}>
      <Stack gap="md">
        <Title order={1}>{title}</Title>
        <Text c="gray.7">{t('form.intro')}</Text>
        {existing?.statusReason && (existing.status === 'REJECTED' || existing.status === 'DRAFT') && (
          <Alert color="red" variant="light" role="status">
            {t('form.rejectedBefore', { reason: existing.statusReason })}
          </Alert>
        )}

        <form
          noValidate
          onKeyDown={(e) => {
            // Enter in a list (occupation, region, skills...) picks an option; it never moves on to the next step.
            if (e.key === 'Enter' && (e.target as HTMLElement).getAttribute('aria-haspopup') === 'listbox') e.preventDefault();
          }}
          onSubmit={(e) => {
            // Enter in a field moves on rather than sending the order: submitting is a deliberate step.
            e.preventDefault();
            if (active < LAST_STEP) goTo(active + 1);
          }}
        >
          <Stepper active={active} onStepClick={goTo} size="sm" aria-label={t('form.stepsLabel')} wrap>
            {stepTitles.map((step, index) => (
              <Stepper.Step key={step} label={t(`form.steps.${step}`)} description={t(`form.steps.${step}Help`)} aria-current={index === active ? 'step' : undefined} />
            ))}
          </Stepper>

          <Stack gap="md" mt="lg">
            <Title order={2} size="h3" ref={heading} tabIndex={-1}>
              {t(`form.steps.${stepTitles[active]}`)}
            </Title>

            {active === 0 && (
              <>
                <Select
                  label={t('form.occupation')}
                  description={t('form.occupationHelp')}
                  searchable
                  selectFirstOptionOnChange
                  nothingFoundMessage={t('form.noMatch')}
                  data={occupations.map((o) => ({ value: o.iscoCode, label: `${o.iscoCode} · ${o.title}` }))}
                  required
                  {...form.getInputProps('iscoCode')}
                  onChange={(value) => form.setFieldValue('iscoCode', value)}
                />
                {occupation && (
                  <Text size="sm" c="gray.7" aria-live="polite">
                    {occupation.title} — {t('form.occupationSector', { sector: t(`sector.${occupation.sector}`) })}
                  </Text>
                )}
                <Select
                  label={t('form.destinationCode', { system: t(`system.${system}`) })}
                  description={t('form.destinationCodeHelp', { system: t(`system.${system}`) })}
                  searchable
                  selectFirstOptionOnChange
                  nothingFoundMessage={t('form.noMatch')}
                  data={destinationCodes}
                  disabled={!occupation}
                  required
                  {...form.getInputProps('destinationOccupationCode')}
                />
                <TextInput label={t('form.jobTitle')} description={t('form.jobTitleHelp')} required {...form.getInputProps('title')} />
                <NumberInput label={t('form.positions')} description={t('form.positionsHelp')} min={1} max={500} allowDecimal={false} required {...form.getInputProps('positions')} />
              </>
            )}

            {active === 1 && (
              <>
                <MultiSelect
                  label={t('form.requiredSkills')}
                  description={t('form.requiredSkillsHelp')}
                  searchable
                  selectFirstOptionOnChange
                  nothingFoundMessage={t('form.noMatch')}
                  data={skillData}
                  {...form.getInputProps('requiredSkills')}
                />
                <MultiSelect
                  label={t('form.preferredSkills')}
                  description={t('form.preferredSkillsHelp')}
                  searchable
                  selectFirstOptionOnChange
                  nothingFoundMessage={t('form.noMatch')}
                  data={skillData}
                  {...form.getInputProps('preferredSkills')}
                />
                <Fieldset legend={t('form.languages')}>
                  <Stack gap="sm">
                    <Text size="sm" c="gray.7">
                      {t('form.languagesHelp')}
                    </Text>
                    {v.languages.length === 0 && <Text size="sm">{t('form.noLanguages')}</Text>}
                    {v.languages.map((_, index) => (
                      <Group key={index} align="flex-end" wrap="wrap" gap="sm">
                        <Select
                          label={t('form.language', { n: index + 1 })}
                          searchable
                          selectFirstOptionOnChange
                          data={LANGUAGE_CODES.map((code) => ({ value: code, label: t(`languageName.${code}`) }))}
                          {...form.getInputProps(`languages.${index}.code`)}
                        />
                        <Select
                          label={t('form.languageLevel', { n: index + 1 })}
                          searchable
                          selectFirstOptionOnChange
                          data={LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))}
                          {...form.getInputProps(`languages.${index}.level`)}
                        />
                        <Button variant="subtle" color="red" onClick={() => form.removeListItem('languages', index)}>
                          {t('form.removeLanguage', { n: index + 1 })}
                        </Button>
                      </Group>
                    ))}
                    {form.errors['languages'] && (
                      <Text size="sm" c="red" role="alert">
                        {form.errors['languages']}
                      </Text>
                    )}
                    <Group>
                      <Button variant="default" onClick={() => form.insertListItem('languages', { code: null, level: null })}>
                        {t('form.addLanguage')}
                      </Button>
                    </Group>
                  </Stack>
                </Fieldset>
                <NumberInput
                  label={t('form.minExperience')}
                  description={t('form.minExperienceHelp')}
                  min={0}
                  max={40}
                  allowDecimal={false}
                  {...form.getInputProps('minExperienceYears')}
                />
              </>
            )}

            {active === 2 && (
              <>
                <Select
                  label={t('form.workRegion')}
                  searchable
                  selectFirstOptionOnChange
                  nothingFoundMessage={t('form.noMatch')}
                  data={regions.map((r) => ({ value: r.code, label: r.name }))}
                  required
                  {...form.getInputProps('workRegionCode')}
                />
                <TextInput label={t('form.workCity')} required {...form.getInputProps('workCity')} />
                <DateInput
                  label={t('form.startDate')}
                  description={t('form.startDateHelp')}
                  valueFormat="YYYY-MM-DD"
                  required
                  {...form.getInputProps('startDate')}
                />
                <NumberInput
                  label={t('form.durationWeeks')}
                  description={t('form.durationWeeksHelp')}
                  min={1}
                  max={156}
                  allowDecimal={false}
                  required
                  {...form.getInputProps('durationWeeks')}
                />
              </>
            )}

            {active === 3 && (
              <>
                <NumberInput
                  label={t('form.hourlyWage', { currency })}
                  description={t('form.hourlyWageHelp', { currency })}
                  min={0}
                  decimalScale={2}
                  required
                  {...form.getInputProps('hourlyWage')}
                />
                {v.hourlyWage !== '' && Number.isFinite(wage) && (
                  <Text size="sm" aria-live="polite">
                    {t('form.wageShown', { amount: money(wage) })}
                  </Text>
                )}
                <NumberInput
                  label={t('form.hoursPerWeek')}
                  description={t('form.hoursPerWeekHelp')}
                  min={1}
                  max={84}
                  allowDecimal={false}
                  required
                  {...form.getInputProps('hoursPerWeek')}
                />
                <Checkbox label={t('form.housingProvided')} {...form.getInputProps('housingProvided', { type: 'checkbox' })}
                      aria-invalid={form.errors['housingProvided'] ? true : undefined} />
                {v.housingProvided && (
                  <Textarea
                    label={t('form.housingDescription')}
                    description={t('form.housingDescriptionHelp')}
                    autosize
                    minRows={2}
                    required
                    {...form.getInputProps('housingDescription')}
                  />
                )}
                <Fieldset legend={t('form.employerPays')}>
                  <Stack gap="sm">
                    <Text size="sm" c="gray.7">
                      {t('form.employerPaysHelp')}
                    </Text>
                    <Checkbox
                      label={t('form.employerPaysRecruitment')}
                      description={t('form.employerPaysRecruitmentHelp')}
                      {...form.getInputProps('employerPaysRecruitment', { type: 'checkbox' })}
                      aria-invalid={form.errors['employerPaysRecruitment'] ? true : undefined}
                    />
                    <Checkbox
                      label={t('form.employerPaysTravel')}
                      description={t('form.employerPaysTravelHelp')}
                      {...form.getInputProps('employerPaysTravel', { type: 'checkbox' })}
                      aria-invalid={form.errors['employerPaysTravel'] ? true : undefined}
                    />
                  </Stack>
                </Fieldset>
              </>
            )}

            {active === LAST_STEP && (
              <>
                <Text>{t('form.reviewIntro')}</Text>
                <Table variant="vertical" layout="fixed" withTableBorder>
                  <Table.Tbody>
                    <ReviewRow label={t('detail.occupation')} value={occupation ? `${occupation.iscoCode} · ${occupation.title}` : '—'} />
                    <ReviewRow label={t('form.destinationCode', { system: t(`system.${system}`) })} value={v.destinationOccupationCode ?? '—'} />
                    <ReviewRow label={t('form.jobTitle')} value={v.title || '—'} />
                    <ReviewRow label={t('form.positions')} value={String(v.positions || '—')} />
                    <ReviewRow label={t('form.requiredSkills')} value={v.requiredSkills.map((c) => skillLabel.get(c) ?? c).join(', ') || t('form.none')} />
                    <ReviewRow label={t('form.preferredSkills')} value={v.preferredSkills.map((c) => skillLabel.get(c) ?? c).join(', ') || t('form.none')} />
                    <ReviewRow
                      label={t('form.languages')}
                      value={
                        v.languages
                          .filter((l) => l.code && l.level)
                          .map((l) => `${t(`languageName.${l.code!}`)} (${t(`level.${l.level!}`)})`)
                          .join(', ') || t('form.none')
                      }
                    />
                    <ReviewRow label={t('form.minExperience')} value={String(v.minExperienceYears || 0)} />
                    <ReviewRow
                      label={t('detail.workPlace')}
                      value={[v.workCity, regions.find((r) => r.code === v.workRegionCode)?.name].filter(Boolean).join(', ') || '—'}
                    />
                    <ReviewRow label={t('form.startDate')} value={v.startDate ? formatDate(v.startDate, lang, 'long') : '—'} />
                    <ReviewRow label={t('form.durationWeeks')} value={String(v.durationWeeks || '—')} />
                    <ReviewRow label={t('detail.hourlyWage')} value={v.hourlyWage !== '' ? money(wage) : '—'} />
                    <ReviewRow label={t('form.hoursPerWeek')} value={String(v.hoursPerWeek || '—')} />
                    <ReviewRow label={t('detail.housing')} value={v.housingProvided ? v.housingDescription : t('detail.housingNone')} />
                    <ReviewRow label={t('detail.recruitment')} value={v.employerPaysRecruitment ? t('form.yes') : t('form.no')} />
                    <ReviewRow label={t('detail.travel')} value={v.employerPaysTravel ? t('form.yes') : t('form.no')} />
                  </Table.Tbody>
                </Table>
              </>
            )}

            {failure ? (
              Object.keys(problem?.fields ?? {}).length ? (
                <Alert color="red" variant="light" role="alert" title={t('form.fixErrors')}>
                  {problem?.message}
                </Alert>
              ) : (
                <ErrorAlert error={failure} />
              )
            ) : null}
            {savedNote && (
              <Text size="sm" role="status">
                {savedNote}
              </Text>
            )}

            <Group justify="space-between" wrap="wrap">
              <Group gap="sm">
                {active > 0 && (
                  <Button variant="default" onClick={() => goTo(active - 1)}>
                    {t('form.back')}
                  </Button>
                )}
                {active < LAST_STEP && <Button type="submit">{t('form.next')}</Button>}
              </Group>
              <Group gap="sm">
                <Button variant="outline" onClick={() => void saveDraft()} loading={busy && !submitState.loading}>
                  {t('form.saveDraft')}
                </Button>
                {active === LAST_STEP && (
                  <Button onClick={() => void saveAndSubmit()} loading={submitState.loading}>
                    {t('form.submit')}
                  </Button>
                )}
              </Group>
            </Group>
          </Stack>
        </form>
      </Stack>
    </DatesProvider>
  );
}

function ReviewRow({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w="40%">{label}</Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
    </Table.Tr>
  );
}
