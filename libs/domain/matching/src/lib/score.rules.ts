import { FairnessContext, NO_FAIRNESS_DATA, type ApplicantFacts, type OrderFacts } from './matching.model';
import type { MatchingPolicy } from './matching.policy';

export type ScoreFactor = keyof MatchingPolicy['weights'];

/** One line of the explanation: the points a factor gave out of its weight, and why. */
export interface ScoreLine {
  factor: ScoreFactor;
  points: number;
  maxPoints: number;
  explanation: string;
}

export interface Score {
  /** 0 to 100, one decimal. */
  total: number;
  breakdown: ScoreLine[];
}

const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NATIVE'];
const round1 = (n: number) => Math.round(n * 10) / 10;
const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** The highest level (1-7) the applicant has in a language, 0 for none. */
function levelOf(a: ApplicantFacts, code: string): number {
  return LEVELS.reduce((best, level, i) => (a.languageLevels.includes(`${code}:${level}`) ? i + 1 : best), 0);
}

function share(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/**
 * The score of an eligible applicant for an order: a weighted sum of factors, each 0..1 times its weight.
 * First-timers get the neutral middle on evaluations, so the program does not shut out new workers.
 */
export function scoreCandidate(
  a: ApplicantFacts,
  o: OrderFacts,
  policy: MatchingPolicy,
  fairness: FairnessContext = NO_FAIRNESS_DATA,
): Score {
  const w = policy.weights;
  const lines: ScoreLine[] = [];
  const add = (factor: ScoreFactor, fraction: number, explanation: string) =>
    lines.push({ factor, points: round1(w[factor] * clamp01(fraction)), maxPoints: w[factor], explanation });

  const required = o.requiredSkills.filter((s) => a.skills.includes(s)).length;
  add('requiredSkills', share(required, o.requiredSkills.length), o.requiredSkills.length ? `${required} of ${o.requiredSkills.length} required skills` : 'no required skills asked');

  const preferred = o.preferredSkills.filter((s) => a.skills.includes(s)).length;
  add('preferredSkills', o.preferredSkills.length ? preferred / o.preferredSkills.length : 0, o.preferredSkills.length ? `${preferred} of ${o.preferredSkills.length} preferred skills` : 'no preferred skills asked');

  const beyond = a.yearsExperience - o.minExperienceYears;
  add('experience', beyond / policy.experienceSaturationYears, `${a.yearsExperience} years of experience (${beyond} beyond the minimum of ${o.minExperienceYears})`);

  add(
    'evaluations',
    a.evaluationAverage === null ? 0.5 : (a.evaluationAverage - 1) / 4,
    a.evaluationAverage === null ? 'first contract: neutral' : `past evaluations average ${a.evaluationAverage.toFixed(1)} of 5`,
  );

  const returning = a.rehireEmployerIds.includes(o.employerId);
  add('returningWorker', returning ? 1 : 0, returning ? 'completed a contract with this employer, who would rehire' : 'not a returning worker of this employer');

  if (o.requiredLanguageLevels.length) {
    // Above the minimum of each required language, up to two levels more.
    const gains = o.requiredLanguageLevels.map((req) => {
      const [code, level] = req.split(':') as [string, string];
      return clamp01((levelOf(a, code) - (LEVELS.indexOf(level) + 1)) / 2);
    });
    add('language', gains.reduce((s, g) => s + g, 0) / gains.length, `above the required level in ${gains.filter((g) => g > 0).length} of ${gains.length} languages`);
  } else {
    const best = Math.max(0, ...o.destinationLanguages.map((code) => levelOf(a, code)));
    add('language', best / 4, best ? `speaks a destination language at level ${LEVELS[best - 1]}` : 'no destination language');
  }

  const gap = (deployed: ReadonlyMap<string, number>, pool: ReadonlyMap<string, number>, key: string) => {
    const p = pool.get(key);
    return p ? clamp01((p - (deployed.get(key) ?? 0)) / p) : 0;
  };
  const municipalityGap = gap(fairness.deployedShare.municipality, fairness.poolShare.municipality, a.municipalityCode);
  const genderGap = gap(fairness.deployedShare.gender, fairness.poolShare.gender, a.gender);
  add('fairness', (municipalityGap + genderGap) / 2, `municipality under-represented by ${Math.round(municipalityGap * 100)}%, gender by ${Math.round(genderGap * 100)}%`);

  return { total: round1(lines.reduce((s, l) => s + l.points, 0)), breakdown: lines };
}
