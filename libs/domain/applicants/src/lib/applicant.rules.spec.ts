import {
  ageOn,
  applicantChangeProblems,
  ApplicantDraft,
  applicantProblems,
  applyChanges,
  duiWithCheckDigit,
  assertProfileEditable,
  frozenFieldsOf,
  languageLevelTokens,
  normalizeDui,
} from './applicant.rules';

const known = {
  municipalities: new Set(['SV-SA-NORTE']),
  occupations: new Set(['9211', '9212']),
  skills: new Set(['HAND_HARVESTING', 'PRUNING']),
};
const today = '2026-11-24';
const valid: ApplicantDraft = {
  nationalId: '00016297-5',
  firstNames: 'María José',
  lastNames: 'Hernández López',
  birthDate: '1994-05-12',
  gender: 'FEMALE',
  municipalityCode: 'SV-SA-NORTE',
  phone: '+50371234567',
  email: 'maria@example.com',
  occupations: ['9211'],
  skills: ['HAND_HARVESTING'],
  languages: [{ code: 'es', level: 'NATIVE' }, { code: 'en', level: 'A2' }],
  yearsExperience: 6,
  education: 'PRIMARY',
  passportNumber: 'A1234567',
  passportExpiry: '2030-01-01',
};
const fieldsOf = (d: Partial<ApplicantDraft>) => applicantProblems({ ...valid, ...d }, known, today).map((p) => p.field);

describe('DUI', () => {
  it('accepts a DUI whose check digit is right, with or without the dash', () => {
    expect(normalizeDui('00016297-5')).toBe('00016297-5');
    expect(normalizeDui(' 000162975 ')).toBe('00016297-5');
  });
  it.each(['00016297-4', '0001629-75', '1234567-8', 'ABCDEFGH-1', '', '000162975 1'])('refuses %p', (v) =>
    expect(normalizeDui(v)).toBeNull(),
  );
  it('completes a check digit that normalizeDui accepts, for any eight digits', () => {
    for (let n = 0; n < 2000; n++) {
      const eight = String((n * 7919 + 12345) % 100_000_000).padStart(8, '0');
      expect(normalizeDui(duiWithCheckDigit(eight))).toBe(duiWithCheckDigit(eight));
    }
  });
});

describe('applicantProblems', () => {
  it('finds nothing wrong with a complete, valid registration', () => {
    expect(applicantProblems(valid, known, today)).toEqual([]);
  });

  it('refuses a minor, counting the birthday exactly', () => {
    expect(fieldsOf({ birthDate: '2008-11-25' })).toEqual(['birthDate']);
    expect(fieldsOf({ birthDate: '2008-11-24' })).toEqual([]);
    expect(ageOn('2008-11-24', today)).toBe(18);
  });

  it('names each bad field', () => {
    expect(fieldsOf({ nationalId: '00016297-4' })).toEqual(['nationalId']);
    expect(fieldsOf({ phone: '7123-4567' })).toEqual(['phone']);
    expect(fieldsOf({ email: 'maria@' })).toEqual(['email']);
    expect(fieldsOf({ occupations: ['1234'] })).toEqual(['occupations[0]']);
    expect(fieldsOf({ occupations: [] })).toEqual(['occupations']);
    expect(fieldsOf({ skills: ['WELDING'] })).toEqual(['skills[0]']);
    expect(fieldsOf({ municipalityCode: 'GT-01' })).toEqual(['municipalityCode']);
    expect(fieldsOf({ yearsExperience: -1 })).toEqual(['yearsExperience']);
    expect(fieldsOf({ gender: 'UNKNOWN' })).toEqual(['gender']);
    expect(fieldsOf({ birthDate: '1990-02-30' })).toEqual(['birthDate']);
  });

  it('refuses an expired passport and a number without an expiry', () => {
    expect(fieldsOf({ passportExpiry: '2026-11-24' })).toEqual(['passportExpiry']);
    expect(fieldsOf({ passportExpiry: null })).toEqual(['passportExpiry']);
    expect(fieldsOf({ passportNumber: null, passportExpiry: null })).toEqual([]);
  });

  it('refuses a language listed twice or at an unknown level', () => {
    expect(fieldsOf({ languages: [{ code: 'en', level: 'A1' }, { code: 'en', level: 'B1' }] })).toEqual(['languages[1].code']);
    expect(fieldsOf({ languages: [{ code: 'en', level: 'X9' as 'A1' }] })).toEqual(['languages[0].level']);
  });
});

describe('languageLevelTokens', () => {
  it('expands each language to every level at or below it', () => {
    expect(languageLevelTokens([{ code: 'en', level: 'B1' }, { code: 'fr', level: 'A1' }])).toEqual([
      'en:A1', 'en:A2', 'en:B1', 'fr:A1',
    ]);
  });
});

describe('a partial update (updateApplicant) checked by the registration rules', () => {
  const changeFields = (c: Parameters<typeof applicantChangeProblems>[1], current: ApplicantDraft = valid) =>
    applicantChangeProblems(current, c, known, today).map((p) => p.field);

  it('accepts a valid change of any editable field, alone', () => {
    expect(changeFields({ phone: '+50379999999' })).toEqual([]);
    expect(changeFields({ passportNumber: 'B7654321', passportExpiry: '2031-05-01' })).toEqual([]);
    expect(changeFields({ skills: ['PRUNING'], occupations: ['9212'], yearsExperience: 8, education: 'TECHNICAL' })).toEqual([]);
    expect(changeFields({ email: null, address: null })).toEqual([]);
  });

  it('refuses what registration refuses, under the input field names', () => {
    expect(changeFields({ phone: '7123-4567' })).toEqual(['phone']);
    expect(changeFields({ email: 'nope' })).toEqual(['email']);
    expect(changeFields({ municipalityCode: 'SV-XX' })).toEqual(['municipalityCode']);
    expect(changeFields({ skills: ['PRUNING', 'FLYING'] })).toEqual(['skills[1]']);
    expect(changeFields({ occupations: [] })).toEqual(['occupations']);
    expect(changeFields({ yearsExperience: 61 })).toEqual(['yearsExperience']);
    expect(changeFields({ languages: [{ code: 'en', level: 'B1' }, { code: 'en', level: 'A1' }] })).toEqual(['languages[1].code']);
    expect(changeFields({ passportExpiry: '2026-11-24' })).toEqual(['passportExpiry']);
    expect(changeFields({ passportNumber: 'A1' })).toEqual(['passportNumber']);
  });

  it('does not re-judge stored values the change does not name', () => {
    const expired = { ...valid, passportExpiry: '2020-01-01', skills: ['RETIRED_SKILL'] };
    expect(changeFields({ phone: '+50379999999' }, expired)).toEqual([]);
    // A new passport number alone keeps the expired date, so the pair is judged together.
    expect(changeFields({ passportNumber: 'B7654321' }, expired)).toEqual(['passportExpiry']);
  });

  it('adds a passport to an applicant who had none only with both fields', () => {
    const none = { ...valid, passportNumber: null, passportExpiry: null };
    expect(changeFields({ passportNumber: 'B7654321' }, none)).toEqual(['passportExpiry']);
    expect(changeFields({ passportNumber: 'B7654321', passportExpiry: '2031-01-01' }, none)).toEqual([]);
  });

  it('refuses to clear a required field or the passport', () => {
    expect(changeFields({ phone: null, passportNumber: null })).toEqual(['phone', 'passportNumber']);
  });

  it('applies only the given fields', () => {
    const next = applyChanges(valid, { phone: '+50379999999', email: null, skills: null });
    expect(next).toEqual({ ...valid, phone: '+50379999999', email: null });
  });

  it('freezes the selected profile from selection until the worker is back, never contacts or passport', () => {
    const changed = ['phone', 'passportNumber', 'skills', 'yearsExperience'] as const;
    for (const status of ['SELECTED', 'PRE_DEPARTURE', 'DEPLOYED']) expect(frozenFieldsOf(status, changed)).toEqual(['skills', 'yearsExperience']);
    for (const status of ['REGISTERED', 'VERIFIED', 'AVAILABLE', 'SHORTLISTED', 'RETURNED']) expect(frozenFieldsOf(status, changed)).toEqual([]);
  });
});

describe('assertProfileEditable', () => {
  const ana = { firstNames: 'Ana', lastNames: 'López', status: 'SELECTED' };
  it('refuses a frozen profile change, naming the fields, and lets contacts through', () => {
    expect(() => assertProfileEditable(ana, ['phone', 'email'])).not.toThrow();
    expect(() => assertProfileEditable({ ...ana, status: 'AVAILABLE' }, ['skills'])).not.toThrow();
    expect(() => assertProfileEditable(ana, ['phone', 'skills'])).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/^Ana López is SELECTED: the profile an employer selected them on \(skills\)/), fields: [{ field: 'skills', message: 'cannot change while the applicant is SELECTED' }] }),
    );
  });
});
