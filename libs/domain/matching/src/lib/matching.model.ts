/** What the rules need to know of an applicant: a plain value, read from the database by the service. */
export interface ApplicantFacts {
  id: string;
  status: string;
  birthDate: string;
  gender: string;
  municipalityCode: string;
  occupations: readonly string[];
  skills: readonly string[];
  /** Every level at or below each language the applicant speaks: "en:A1", "en:A2", … */
  languageLevels: readonly string[];
  yearsExperience: number;
  passportExpiry: string | null;
  /**
   * The earliest expiry of the current medical certificate and police record on file, and its kind
   * (`MEDICAL_CERTIFICATE` or `POLICE_RECORD`); null when neither is recorded (asked for at pre-departure).
   */
  documentExpiry: string | null;
  documentExpiryKind: string | null;
  /** What Puente knows of the applicant's past seasons: evaluations and former employers. */
  history: ApplicantHistory;
  /** Another commitment (selected elsewhere, pre-departure, deployed) overlapping this order's dates. */
  hasOverlappingCommitment: boolean;
}

/** What the rules need to know of a job order. */
export interface OrderFacts {
  id: string;
  employerId: string;
  iscoCode: string;
  requiredSkills: readonly string[];
  preferredSkills: readonly string[];
  /** "en:B1": each required language at its minimum level. */
  requiredLanguageLevels: readonly string[];
  /** Languages of the destination, for a small bonus when none is required (e.g. en for the US, fr and en for Quebec). */
  destinationLanguages: readonly string[];
  minExperienceYears: number;
  startDate: string;
  endDate: string;
}

/** One former employer of the applicant: the last year worked there and what it said at the end. */
export interface FormerEmployer {
  employerId: string;
  lastYear: number;
  /** The employer's answer in its last evaluation of the applicant; null when it did not evaluate. */
  wouldRehire: boolean | null;
}

/** The applicant's past placements that ended, as matching reads them (set-based, for a page of applicants). */
export interface ApplicantHistory {
  /** Placements ended (seasons worked through Puente). */
  seasons: number;
  /** Evaluations that count (contested or overturned ones will not, once contests exist). */
  evaluations: number;
  /** Mean overall rating (1-5) of those evaluations; null without any. */
  evaluationAverage: number | null;
  /** How many of those evaluations said the employer would rehire. */
  wouldRehire: number;
  formerEmployers: readonly FormerEmployer[];
}

export const NO_HISTORY: ApplicantHistory = { seasons: 0, evaluations: 0, evaluationAverage: null, wouldRehire: 0, formerEmployers: [] };

/** Deployments and registrants of one group (a municipality, a gender), and its name for the explanation. */
export interface GroupCount {
  name: string;
  deployed: number;
  registered: number;
}

/**
 * Deployments so far against registrants, for the fairness term: per municipality and per gender, and across
 * the program. A group sent abroad less often per registrant than the program as a whole gets a small lift.
 */
export interface FairnessContext {
  deployed: number;
  registered: number;
  municipality: ReadonlyMap<string, GroupCount>;
  gender: ReadonlyMap<string, GroupCount>;
}

export const NO_FAIRNESS_DATA: FairnessContext = { deployed: 0, registered: 0, municipality: new Map(), gender: new Map() };
