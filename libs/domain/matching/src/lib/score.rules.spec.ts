import { ApplicantFacts, FairnessContext, NO_HISTORY } from './matching.model';
import { MATCHING_POLICY_V1, MATCHING_POLICY_V2 as policy, MatchingPolicy } from './matching.policy';
import { scoreCandidate } from './score.rules';
import { applicant, order } from './matching-facts.fixtures';

describe('score', () => {
  it('explains every factor and adds them up to the total', () => {
    const s = scoreCandidate(applicant, order, policy);
    expect(s.breakdown.map((l) => l.factor)).toEqual(['requiredSkills', 'preferredSkills', 'experience', 'evaluations', 'returningWorker', 'language', 'fairness']);
    expect(s.breakdown.map((l) => l.points)).toEqual([25, 7.5, 12, 7.5, 0, 5, 0]);
    expect(s.total).toBe(57);
    expect(s.breakdown[1]!.explanation).toBe('1 of 2 preferred skills');
    for (const line of s.breakdown) expect(line.points).toBeLessThanOrEqual(line.maxPoints);
  });

  const evaluated = (average: number, wouldRehire: number, evaluations = 3) => ({
    ...applicant,
    history: { seasons: evaluations, evaluations, evaluationAverage: average, wouldRehire, formerEmployers: [{ employerId: 'e9', lastYear: 2026, wouldRehire: true }] },
  });
  const line = (a: ApplicantFacts, factor: string, f?: FairnessContext, p: MatchingPolicy = policy) =>
    scoreCandidate(a, order, p, f).breakdown.find((l) => l.factor === factor)!;

  it('reads past evaluations: the average overall and the would-rehire answers, with the numbers named', () => {
    expect(line(evaluated(4.6, 3), 'evaluations')).toMatchObject({ points: 13.8, explanation: '4.6 average over 3 evaluated seasons; would rehire: 3 of 3' });
    expect(line(evaluated(5, 0, 1), 'evaluations').points).toBe(12);
    expect(line(evaluated(1, 0, 2), 'evaluations').points).toBe(0);
    // v1 read the average alone.
    expect(line(evaluated(5, 0, 1), 'evaluations', undefined, MATCHING_POLICY_V1).points).toBe(15);
  });

  it('keeps first-timers and unevaluated seasons at the neutral middle', () => {
    expect(line(applicant, 'evaluations')).toMatchObject({ points: 7.5, explanation: 'first contract: neutral' });
    const unevaluated = { ...applicant, history: { ...NO_HISTORY, seasons: 2 } };
    expect(line(unevaluated, 'evaluations')).toMatchObject({ points: 7.5, explanation: '2 seasons worked, not evaluated: neutral' });
  });

  it('rewards a worker returning to the same employer, unless it said it would not rehire', () => {
    const back = (wouldRehire: boolean | null) => ({ ...applicant, history: { ...NO_HISTORY, seasons: 1, formerEmployers: [{ employerId: 'e1', lastYear: 2026, wouldRehire }] } });
    expect(line(back(true), 'returningWorker')).toMatchObject({ points: 10, explanation: 'worked for this employer in 2026 (would rehire)' });
    expect(line(back(null), 'returningWorker')).toMatchObject({ points: 10, explanation: 'worked for this employer in 2026' });
    expect(line(back(false), 'returningWorker')).toMatchObject({ points: 0, explanation: 'worked for this employer in 2026; it would not rehire' });
    expect(line(evaluated(5, 3), 'returningWorker')).toMatchObject({ points: 0, explanation: 'has not worked for this employer' });
  });

  it('ranks a good returning worker above an otherwise identical first-timer', () => {
    const returning = { ...applicant, history: { seasons: 1, evaluations: 1, evaluationAverage: 5, wouldRehire: 1, formerEmployers: [{ employerId: 'e1', lastYear: 2026, wouldRehire: true }] } };
    expect(scoreCandidate(returning, order, policy).total - scoreCandidate(applicant, order, policy).total).toBe(17.5);
  });

  const fairness: FairnessContext = {
    registered: 1000,
    deployed: 100,
    municipality: new Map([
      ['SV-SA-NORTE', { name: 'San Salvador Norte', registered: 100, deployed: 2 }],
      ['SV-AH-SUR', { name: 'Ahuachapán Sur', registered: 50, deployed: 10 }],
    ]),
    gender: new Map([
      ['FEMALE', { name: 'Women', registered: 400, deployed: 20 }],
      ['MALE', { name: 'Men', registered: 600, deployed: 80 }],
    ]),
  };

  it('lifts municipalities and genders sent abroad less often per registrant than the program, a little, and says by how much', () => {
    const f = line(applicant, 'fairness', fairness);
    // Municipality 20 against 100 per 1,000 (80% under), women 50 against 100 (50% under): (0.8 + 0.5) / 2 of 5 points.
    expect(f.points).toBe(3.3);
    expect(f.explanation).toBe(
      'San Salvador Norte: 20.0 deployments per 1,000 registrants against 100.0 overall (under-represented by 80%); women: 50.0 deployments per 1,000 registrants against 100.0 overall (under-represented by 50%)',
    );
    const over = line({ ...applicant, gender: 'MALE', municipalityCode: 'SV-AH-SUR' }, 'fairness', fairness);
    expect(over.points).toBe(0);
    expect(over.explanation).toContain('Ahuachapán Sur: 200.0 deployments per 1,000 registrants, not below the 100.0 overall');
  });

  it('ranks the candidate from the less-served municipality first between otherwise equal candidates', () => {
    const served = scoreCandidate({ ...applicant, id: 'a2', municipalityCode: 'SV-AH-SUR' }, order, policy, fairness).total;
    expect(scoreCandidate(applicant, order, policy, fairness).total).toBeGreaterThan(served);
  });

  it('lifts nobody before anyone was deployed', () => {
    const none = line(applicant, 'fairness', { ...fairness, deployed: 0, municipality: new Map(), gender: new Map() });
    expect(none).toMatchObject({ points: 0, explanation: 'no deployments yet: no group is under-represented' });
  });

  it('gives every line a code and params made with its sentence, for clients to translate', () => {
    const s = scoreCandidate(applicant, order, policy, fairness);
    expect(s.breakdown.map((l) => [l.factor, l.code, l.params])).toEqual([
      ['requiredSkills', 'REQUIRED_SKILLS', { matched: 1, asked: 1 }],
      ['preferredSkills', 'PREFERRED_SKILLS', { matched: 1, asked: 2 }],
      ['experience', 'EXPERIENCE', { years: 4, beyond: 3, minimum: 1 }],
      ['evaluations', 'EVALUATIONS_FIRST_CONTRACT', {}],
      ['returningWorker', 'RETURNING_NEW', {}],
      ['language', 'LANGUAGE_ABOVE_REQUIRED', { above: 1, required: 1 }],
      ['fairness', 'FAIRNESS', { overallRate: 100, municipalityRate: 20, municipalityUnderPercent: 80, genderRate: 50, genderUnderPercent: 50 }],
    ]);
    // The sentence and the params tell the same numbers.
    expect(s.breakdown[2]!.explanation).toBe('4 years of experience (3 beyond the minimum of 1)');
  });

  it.each([
    [{ seasons: 2, evaluations: 0, evaluationAverage: null, wouldRehire: 0, formerEmployers: [] }, 'evaluations', 'EVALUATIONS_NONE', { seasons: 2 }],
    [{ seasons: 3, evaluations: 3, evaluationAverage: 4.56, wouldRehire: 2, formerEmployers: [] }, 'evaluations', 'EVALUATIONS_AVERAGE', { average: 4.6, evaluations: 3, wouldRehire: 2 }],
    [{ ...NO_HISTORY, seasons: 1, formerEmployers: [{ employerId: 'e1', lastYear: 2026, wouldRehire: true }] }, 'returningWorker', 'RETURNING_WOULD_REHIRE', { year: 2026 }],
    [{ ...NO_HISTORY, seasons: 1, formerEmployers: [{ employerId: 'e1', lastYear: 2025, wouldRehire: null }] }, 'returningWorker', 'RETURNING', { year: 2025 }],
    [{ ...NO_HISTORY, seasons: 1, formerEmployers: [{ employerId: 'e1', lastYear: 2026, wouldRehire: false }] }, 'returningWorker', 'RETURNING_NOT_REHIRED', { year: 2026 }],
  ] as [ApplicantFacts['history'], string, string, Record<string, number>][])('codes the history %#', (history, factor, code, params) => {
    expect(line({ ...applicant, history }, factor)).toMatchObject({ code, params });
  });

  it('codes the cases without numbers, and carries no name of a group', () => {
    const bare = { ...order, requiredSkills: [], preferredSkills: [], requiredLanguageLevels: [] };
    const s = scoreCandidate({ ...applicant, languageLevels: [] }, bare, policy);
    expect(s.breakdown.map((l) => l.code)).toEqual([
      'REQUIRED_SKILLS_NONE_ASKED', 'PREFERRED_SKILLS_NONE_ASKED', 'EXPERIENCE', 'EVALUATIONS_FIRST_CONTRACT', 'RETURNING_NEW', 'LANGUAGE_NO_DESTINATION', 'FAIRNESS_NO_DEPLOYMENTS',
    ]);
    const speaker = scoreCandidate({ ...applicant, languageLevels: ['en:A1', 'en:A2', 'en:B1'] }, { ...bare, destinationLanguages: ['en'] }, policy);
    expect(speaker.breakdown.find((l) => l.factor === 'language')).toMatchObject({ code: 'LANGUAGE_DESTINATION', params: { level: 'B1' } });
    const fair = JSON.stringify(line(applicant, 'fairness', fairness).params);
    expect(fair).not.toMatch(/San Salvador|Women|SV-/);
  });

  it('stays within 0 and 100 for extreme profiles', () => {
    const best = scoreCandidate(
      {
        ...applicant,
        skills: ['MILKING_MACHINE', 'ANIMAL_HEALTH_BASICS', 'CATTLE_HANDLING'],
        yearsExperience: 40,
        history: { seasons: 2, evaluations: 2, evaluationAverage: 5, wouldRehire: 2, formerEmployers: [{ employerId: 'e1', lastYear: 2026, wouldRehire: true }] },
        languageLevels: ['fr:A1', 'fr:A2', 'fr:B1', 'fr:B2'],
      },
      order,
      policy,
      {
        registered: 10,
        deployed: 5,
        municipality: new Map([['SV-SA-NORTE', { name: 'San Salvador Norte', registered: 5, deployed: 0 }]]),
        gender: new Map([['FEMALE', { name: 'Women', registered: 5, deployed: 0 }]]),
      },
    );
    expect(best.total).toBe(100);
  });
});
