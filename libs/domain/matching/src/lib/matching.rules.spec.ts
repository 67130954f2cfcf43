import { unmetRequirements, passportValidThrough, latestAdultBirthDate } from './eligibility.rules';
import { ApplicantFacts, OrderFacts } from './matching.model';
import { MATCHING_POLICY_V1 as policy, MatchingPolicy, policyProblems, shortlistSize } from './matching.policy';
import { scoreCandidate } from './score.rules';

const order: OrderFacts = {
  id: 'o1',
  employerId: 'e1',
  iscoCode: '9212',
  requiredSkills: ['MILKING_MACHINE'],
  preferredSkills: ['ANIMAL_HEALTH_BASICS', 'CATTLE_HANDLING'],
  requiredLanguageLevels: ['fr:A1'],
  destinationLanguages: ['fr', 'en'],
  minExperienceYears: 1,
  startDate: '2027-04-01',
  endDate: '2028-03-30',
};
const applicant: ApplicantFacts = {
  id: 'a1',
  status: 'AVAILABLE',
  birthDate: '1994-05-12',
  gender: 'FEMALE',
  municipalityCode: 'SV-SA-NORTE',
  occupations: ['9212'],
  skills: ['MILKING_MACHINE', 'CATTLE_HANDLING'],
  languageLevels: ['es:A1', 'es:A2', 'es:B1', 'es:B2', 'es:C1', 'es:C2', 'es:NATIVE', 'fr:A1', 'fr:A2'],
  yearsExperience: 4,
  passportExpiry: '2030-01-01',
  evaluationAverage: null,
  rehireEmployerIds: [],
  hasOverlappingCommitment: false,
};
const codesOf = (a: Partial<ApplicantFacts>, o: Partial<OrderFacts> = {}) =>
  unmetRequirements({ ...applicant, ...a }, { ...order, ...o }, policy).map((u) => u.code);

describe('matching policy', () => {
  it('has weights that add to 100 and a small fairness term', () => {
    expect(policyProblems(policy)).toEqual([]);
    const broken: MatchingPolicy = { ...policy, weights: { ...policy.weights, fairness: 20 } };
    expect(policyProblems(broken)).toEqual(['the weights add to 115, not 100', 'the fairness term must stay small (at most 10 points)']);
  });

  it('proposes three per open position plus a quarter in reserve', () => {
    expect(shortlistSize(70, 0, policy)).toBe(228);
    expect(shortlistSize(1, 0, policy)).toBe(4);
    expect(shortlistSize(10, 4, policy)).toBe(20);
    expect(shortlistSize(10, 10, policy)).toBe(0);
  });
});

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
  ] as [Partial<ApplicantFacts>, string][])('names %o as %s', (change, code) => expect(codesOf(change)).toEqual([code]));

  it('requires the passport through the contract end plus the margin, to the day', () => {
    const through = passportValidThrough(order, policy);
    expect(through).toBe('2028-06-28');
    expect(codesOf({ passportExpiry: through })).toEqual([]);
    expect(codesOf({ passportExpiry: '2028-06-27' })).toEqual(['PASSPORT']);
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

describe('score', () => {
  it('explains every factor and adds them up to the total', () => {
    const s = scoreCandidate(applicant, order, policy);
    expect(s.breakdown.map((l) => l.factor)).toEqual(['requiredSkills', 'preferredSkills', 'experience', 'evaluations', 'returningWorker', 'language', 'fairness']);
    expect(s.breakdown.map((l) => l.points)).toEqual([25, 7.5, 12, 7.5, 0, 5, 0]);
    expect(s.total).toBe(57);
    expect(s.breakdown[1]!.explanation).toBe('1 of 2 preferred skills');
    for (const line of s.breakdown) expect(line.points).toBeLessThanOrEqual(line.maxPoints);
  });

  it('rewards a returning worker the employer would rehire, and good evaluations', () => {
    const returning = scoreCandidate({ ...applicant, rehireEmployerIds: ['e1'], evaluationAverage: 5 }, order, policy);
    const first = scoreCandidate(applicant, order, policy);
    expect(returning.total - first.total).toBe(17.5);
    expect(scoreCandidate({ ...applicant, evaluationAverage: 1 }, order, policy).total).toBe(first.total - 7.5);
  });

  it('lifts municipalities and genders deployed less than their share of the pool, a little', () => {
    const fairness = {
      deployedShare: { municipality: new Map([['SV-SA-NORTE', 0.01]]), gender: new Map([['FEMALE', 0.03], ['MALE', 0.97]]) },
      poolShare: { municipality: new Map([['SV-SA-NORTE', 0.04]]), gender: new Map([['FEMALE', 0.18], ['MALE', 0.82]]) },
    };
    const lifted = scoreCandidate(applicant, order, policy, fairness);
    const line = lifted.breakdown.find((l) => l.factor === 'fairness')!;
    expect(line.points).toBe(4);
    expect(line.points).toBeLessThanOrEqual(policy.weights.fairness);
    expect(scoreCandidate({ ...applicant, gender: 'MALE', municipalityCode: 'X' }, order, policy, fairness).breakdown.find((l) => l.factor === 'fairness')!.points).toBe(0);
  });

  it('stays within 0 and 100 for extreme profiles', () => {
    const best = scoreCandidate(
      { ...applicant, skills: ['MILKING_MACHINE', 'ANIMAL_HEALTH_BASICS', 'CATTLE_HANDLING'], yearsExperience: 40, evaluationAverage: 5, rehireEmployerIds: ['e1'], languageLevels: ['fr:A1', 'fr:A2', 'fr:B1', 'fr:B2'] },
      order,
      policy,
      { deployedShare: { municipality: new Map(), gender: new Map() }, poolShare: { municipality: new Map([['SV-SA-NORTE', 1]]), gender: new Map([['FEMALE', 1]]) } },
    );
    expect(best.total).toBe(100);
  });
});
