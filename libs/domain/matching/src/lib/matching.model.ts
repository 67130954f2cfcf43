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
  /** Mean overall rating (1-5) of past employer evaluations; null for a first-timer. */
  evaluationAverage: number | null;
  /** Employers this applicant completed a contract with and who would rehire them. */
  rehireEmployerIds: readonly string[];
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

/**
 * Deployment so far, for the fairness term: for each municipality and gender, its share of deployments and its
 * share of the available pool. A group deployed less than its share of the pool gets a small lift.
 */
export interface FairnessContext {
  deployedShare: { municipality: ReadonlyMap<string, number>; gender: ReadonlyMap<string, number> };
  poolShare: { municipality: ReadonlyMap<string, number>; gender: ReadonlyMap<string, number> };
}

export const NO_FAIRNESS_DATA: FairnessContext = {
  deployedShare: { municipality: new Map(), gender: new Map() },
  poolShare: { municipality: new Map(), gender: new Map() },
};
