import { seededRandom } from '@puente/common';
import { documentsValidThrough, meetsRequirements, requirementsOf, unmetRequirements, passportValidThrough, latestAdultBirthDate } from './eligibility.rules';
import { ApplicantFacts, OrderFacts } from './matching.model';
import { MATCHING_POLICY_V2 as policy } from './matching.policy';
import { applicant, order } from './matching-facts.fixtures';

const codesOf = (a: Partial<ApplicantFacts>, o: Partial<OrderFacts> = {}) =>
  unmetRequirements({ ...applicant, ...a }, { ...order, ...o }, policy).map((u) => u.code);

describe('hard requirements', () => {
  it('finds nothing missing for a qualified applicant', () => expect(codesOf({})).toEqual([]));

  it.each([
    [{ occupations: ['9211'] }, 'OCCUPATION'],
    [{ skills: ['CATTLE_HANDLING'] }, 'REQUIRED_SKILLS'],
    [{ languageLevels: ['es:NATIVE'] }, 'LANGUAGES'],
    [{ yearsExperience: 0 }, 'EXPERIENCE'],
    [{ passportExpiry: null }, 'PASSPORT'],
    [{ status: 'SELECTED' }, 'AVAILABILITY'],
    [{ status: 'BLOCKED' }, 'BLOCKED'],
    [{ hasOverlappingCommitment: true }, 'OVERLAPPING_COMMITMENT'],
    [{ birthDate: '2009-04-02' }, 'ADULT'],
    [{ documentExpiry: '2027-01-01', documentExpiryKind: 'POLICE_RECORD' }, 'DOCUMENTS'],
  ] as [Partial<ApplicantFacts>, string][])('names %o as %s', (change, code) => expect(codesOf(change)).toEqual([code]));

  it('requires the passport through the contract end plus the margin, to the day', () => {
    const through = passportValidThrough(order, policy);
    expect(through).toBe('2028-06-28');
    expect(codesOf({ passportExpiry: through })).toEqual([]);
    expect(codesOf({ passportExpiry: '2028-06-27' })).toEqual(['PASSPORT']);
  });

  it('requires a medical certificate or police record on file through the same day as the passport, naming it and both dates', () => {
    const through = documentsValidThrough(order, policy);
    expect(through).toBe(passportValidThrough(order, policy));
    expect(codesOf({ documentExpiry: through, documentExpiryKind: 'POLICE_RECORD' })).toEqual([]);
    expect(codesOf({ documentExpiry: '2030-01-01', documentExpiryKind: 'MEDICAL_CERTIFICATE' })).toEqual([]);
    expect(unmetRequirements({ ...applicant, documentExpiry: '2028-06-27', documentExpiryKind: 'POLICE_RECORD' }, order, policy)).toEqual([
      { code: 'DOCUMENTS', message: 'The police record expires on 2028-06-27; it must be valid through 2028-06-28.' },
    ]);
    expect(unmetRequirements({ ...applicant, documentExpiry: '2027-03-01', documentExpiryKind: 'MEDICAL_CERTIFICATE' }, order, policy)).toEqual([
      { code: 'DOCUMENTS', message: 'The medical certificate expires on 2027-03-01; it must be valid through 2028-06-28.' },
    ]);
  });

  it('asks nothing of documents not on file: they come at pre-departure', () => {
    expect(codesOf({ documentExpiry: null, documentExpiryKind: null })).toEqual([]);
  });

  it('counts the age on the first day of work', () => {
    expect(latestAdultBirthDate(order, policy)).toBe('2009-04-01');
    expect(codesOf({ birthDate: '2009-04-01' })).toEqual([]);
  });

  it('lists every failure with a message a coordinator can read out', () => {
    const unmet = unmetRequirements({ ...applicant, skills: [], yearsExperience: 0 }, order, policy);
    expect(unmet).toEqual([
      { code: 'REQUIRED_SKILLS', message: 'Missing required skills: MILKING_MACHINE.' },
      { code: 'EXPERIENCE', message: '0 years of experience; the order asks for 1.' },
    ]);
  });
});

describe('the quick check a full run makes', () => {
  it('says eligible exactly when unmetRequirements finds nothing, on random applicants and orders', () => {
    const random = seededRandom(42);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const some = (xs: readonly string[]) => xs.filter(() => random() < 0.5);
    let eligible = 0;
    for (let i = 0; i < 5000; i++) {
      const o: OrderFacts = {
        ...order,
        iscoCode: pick(['9212', '6121']),
        requiredSkills: some(['MILKING_MACHINE', 'CATTLE_HANDLING']),
        requiredLanguageLevels: some(['fr:A1', 'en:A2']),
        minExperienceYears: pick([0, 1, 3]),
        startDate: pick(['2027-04-01', '2027-06-15']),
        endDate: pick(['2027-10-01', '2028-03-30']),
      };
      const a: ApplicantFacts = {
        ...applicant,
        status: pick(['AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'SELECTED', 'BLOCKED']),
        occupations: some(['9212', '6121']),
        skills: some(['MILKING_MACHINE', 'CATTLE_HANDLING', 'ANIMAL_HEALTH_BASICS']),
        languageLevels: some(['fr:A1', 'en:A2', 'es:NATIVE']),
        yearsExperience: pick([0, 1, 2, 5]),
        passportExpiry: pick([null, '2027-12-01', '2028-06-29', '2028-06-30', '2030-01-01']),
        documentExpiry: pick([null, '2027-12-01', '2028-06-30']),
        documentExpiryKind: 'POLICE_RECORD',
        birthDate: pick(['2009-04-01', '2009-04-02', '2009-06-15', '1990-01-01']),
        hasOverlappingCommitment: random() < 0.1,
      };
      const meets = meetsRequirements(a, requirementsOf(o, policy));
      expect({ i, meets }).toEqual({ i, meets: unmetRequirements(a, o, policy).length === 0 });
      if (meets) eligible++;
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(eligible).toBeGreaterThan(50);
    expect(eligible).toBeLessThan(4900);
  });
});
