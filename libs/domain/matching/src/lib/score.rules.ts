import { NO_FAIRNESS_DATA, type ApplicantFacts, type ApplicantHistory, type FairnessContext, type FormerEmployer, type GroupCount, type OrderFacts } from './matching.model';
import type { MatchingPolicy } from './matching.policy';

export type ScoreFactor = keyof MatchingPolicy['weights'];

/** The numbers and codes behind an explanation: never a name, an identifier or free text. */
export type ScoreParams = Record<string, number | string>;

/**
 * One line of the explanation: the points a factor gave out of its weight, and why: an English sentence and the
 * same reason in a stable machine form (`code`, `params`) a client can put in the reader's language. Lines stored
 * before codes existed have neither; clients show their sentence.
 */
export interface ScoreLine {
  factor: ScoreFactor;
  points: number;
  maxPoints: number;
  explanation: string;
  code?: string;
  params?: ScoreParams;
}

/** A reason in both forms, made together so they cannot say different things. */
interface Reason {
  code: string;
  params: ScoreParams;
  text: string;
}
const reason = (code: string, text: string, params: ScoreParams = {}): Reason => ({ code, params, text });

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
 * The score of an eligible applicant for an order: a weighted sum of factors, each 0..1 times its weight, each
 * explained with the numbers behind it.
 */
export function scoreCandidate(
  a: ApplicantFacts,
  o: OrderFacts,
  policy: MatchingPolicy,
  fairness: FairnessContext = NO_FAIRNESS_DATA,
): Score {
  const lines: ScoreLine[] = [];
  const total = scoreWith(a, o, policy, fairness, (factor, points, maxPoints, why) => {
    const r = why();
    lines.push({ factor, points, maxPoints, explanation: r.text, code: r.code, params: r.params });
  });
  return { total, breakdown: lines };
}

/**
 * The total of `scoreCandidate` without its explanation: a full run scores every pair it reads (about 200,000
 * over a million applicants) and explains only the few it proposes; the sentences were most of the cost. The same
 * code adds the same points in the same order, so both totals are equal to the last bit.
 */
export function scoreTotal(a: ApplicantFacts, o: OrderFacts, policy: MatchingPolicy, fairness: FairnessContext = NO_FAIRNESS_DATA): number {
  return scoreWith(a, o, policy, fairness, null);
}

type LineSink = (factor: ScoreFactor, points: number, maxPoints: number, why: () => Reason) => void;

/** Each factor's points, handed with their reason (made only when asked) to `sink`; returns the total. */
function scoreWith(a: ApplicantFacts, o: OrderFacts, policy: MatchingPolicy, fairness: FairnessContext, sink: LineSink | null): number {
  const w = policy.weights;
  let sum = 0;
  const add = (factor: ScoreFactor, fraction: number, why: () => Reason) => {
    const points = round1(w[factor] * clamp01(fraction));
    sum += points;
    sink?.(factor, points, w[factor], why);
  };

  const required = o.requiredSkills.filter((s) => a.skills.includes(s)).length;
  add('requiredSkills', share(required, o.requiredSkills.length), () =>
    o.requiredSkills.length
      ? reason('REQUIRED_SKILLS', `${required} of ${o.requiredSkills.length} required skills`, { matched: required, asked: o.requiredSkills.length })
      : reason('REQUIRED_SKILLS_NONE_ASKED', 'no required skills asked'),
  );

  const preferred = o.preferredSkills.filter((s) => a.skills.includes(s)).length;
  add('preferredSkills', o.preferredSkills.length ? preferred / o.preferredSkills.length : 0, () =>
    o.preferredSkills.length
      ? reason('PREFERRED_SKILLS', `${preferred} of ${o.preferredSkills.length} preferred skills`, { matched: preferred, asked: o.preferredSkills.length })
      : reason('PREFERRED_SKILLS_NONE_ASKED', 'no preferred skills asked'),
  );

  const beyond = a.yearsExperience - o.minExperienceYears;
  add('experience', beyond / policy.experienceSaturationYears, () =>
    reason('EXPERIENCE', `${a.yearsExperience} years of experience (${beyond} beyond the minimum of ${o.minExperienceYears})`, {
      years: a.yearsExperience,
      beyond,
      minimum: o.minExperienceYears,
    }),
  );

  const h = a.history;
  add('evaluations', evaluationFraction(h, policy), () => evaluationExplanation(h));

  const former = h.formerEmployers.find((e) => e.employerId === o.employerId);
  const returning = former !== undefined && former.wouldRehire !== false;
  add('returningWorker', returning ? 1 : 0, () => returningExplanation(former));

  if (o.requiredLanguageLevels.length) {
    // Above the minimum of each required language, up to two levels more.
    const gains = o.requiredLanguageLevels.map((req) => {
      const [code, level] = req.split(':') as [string, string];
      return clamp01((levelOf(a, code) - (LEVELS.indexOf(level) + 1)) / 2);
    });
    add('language', gains.reduce((s, g) => s + g, 0) / gains.length, () => {
      const above = gains.filter((g) => g > 0).length;
      return reason('LANGUAGE_ABOVE_REQUIRED', `above the required level in ${above} of ${gains.length} languages`, { above, required: gains.length });
    });
  } else {
    const best = Math.max(0, ...o.destinationLanguages.map((code) => levelOf(a, code)));
    add('language', best / 4, () =>
      best
        ? reason('LANGUAGE_DESTINATION', `speaks a destination language at level ${LEVELS[best - 1]}`, { level: LEVELS[best - 1]! })
        : reason('LANGUAGE_NO_DESTINATION', 'no destination language'),
    );
  }

  const municipality = underRepresentation(fairness, fairness.municipality.get(a.municipalityCode));
  const gender = underRepresentation(fairness, fairness.gender.get(a.gender));
  add('fairness', (municipality.lift + gender.lift) / 2, () => fairnessExplanation(fairness, municipality, gender));

  return round1(sum);
}

/**
 * Past evaluations: the average overall rating (1 → 0, 5 → 1) and, from v2, a share for "would rehire" answers.
 * Without any evaluation the factor is the neutral middle, so the program does not shut out first-timers.
 */
function evaluationFraction(h: ApplicantHistory, policy: MatchingPolicy): number {
  if (h.evaluationAverage === null || h.evaluations === 0) return 0.5;
  const rehireShare = policy.wouldRehireShare ?? 0;
  return (1 - rehireShare) * ((h.evaluationAverage - 1) / 4) + rehireShare * (h.wouldRehire / h.evaluations);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function evaluationExplanation(h: ApplicantHistory): Reason {
  if (h.evaluations === 0 || h.evaluationAverage === null) {
    return h.seasons
      ? reason('EVALUATIONS_NONE', `${plural(h.seasons, 'season')} worked, not evaluated: neutral`, { seasons: h.seasons })
      : reason('EVALUATIONS_FIRST_CONTRACT', 'first contract: neutral');
  }
  return reason(
    'EVALUATIONS_AVERAGE',
    `${h.evaluationAverage.toFixed(1)} average over ${plural(h.evaluations, 'evaluated season')}; would rehire: ${h.wouldRehire} of ${h.evaluations}`,
    { average: round1(h.evaluationAverage), evaluations: h.evaluations, wouldRehire: h.wouldRehire },
  );
}

function returningExplanation(former: FormerEmployer | undefined): Reason {
  if (!former) return reason('RETURNING_NEW', 'has not worked for this employer');
  const year = { year: former.lastYear };
  if (former.wouldRehire === false) return reason('RETURNING_NOT_REHIRED', `worked for this employer in ${former.lastYear}; it would not rehire`, year);
  return former.wouldRehire
    ? reason('RETURNING_WOULD_REHIRE', `worked for this employer in ${former.lastYear} (would rehire)`, year)
    : reason('RETURNING', `worked for this employer in ${former.lastYear}`, year);
}

interface Representation {
  group: GroupCount | undefined;
  /** Deployments per registrant of the group and of the whole program. */
  rate: number;
  overall: number;
  /** 0..1: how far the group's rate falls below the program's. */
  lift: number;
}

/** A group sent abroad less often per registrant than the program as a whole; nothing before anyone went. */
function underRepresentation(f: FairnessContext, group: GroupCount | undefined): Representation {
  const overall = f.registered ? f.deployed / f.registered : 0;
  const rate = group?.registered ? group.deployed / group.registered : 0;
  return { group, rate, overall, lift: overall > 0 && group?.registered ? clamp01(1 - rate / overall) : 0 };
}

/**
 * The params carry rates and shares only; the groups are the candidate's own municipality and gender, which the
 * shortlist shows beside the line, so no name travels in them.
 */
function fairnessExplanation(f: FairnessContext, m: Representation, g: Representation): Reason {
  if (f.deployed === 0) return reason('FAIRNESS_NO_DEPLOYMENTS', 'no deployments yet: no group is under-represented');
  // Per 1,000 registrants: early in a program the rates are small fractions.
  const per1000 = (rate: number) => (rate * 1000).toFixed(1);
  const part = (label: string, r: Representation) =>
    r.lift > 0
      ? `${label}: ${per1000(r.rate)} deployments per 1,000 registrants against ${per1000(r.overall)} overall (under-represented by ${Math.round(r.lift * 100)}%)`
      : `${label}: ${per1000(r.rate)} deployments per 1,000 registrants, not below the ${per1000(r.overall)} overall`;
  return reason('FAIRNESS', `${part(m.group?.name ?? 'municipality', m)}; ${part((g.group?.name ?? 'gender').toLowerCase(), g)}`, {
    overallRate: Number(per1000(m.overall)),
    municipalityRate: Number(per1000(m.rate)),
    municipalityUnderPercent: Math.round(m.lift * 100),
    genderRate: Number(per1000(g.rate)),
    genderUnderPercent: Math.round(g.lift * 100),
  });
}
