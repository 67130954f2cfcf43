export interface MyRehireEligibility {
  outcome: 'ELIGIBLE' | 'INELIGIBLE' | 'PENDING';
  needsPassportRenewal: boolean;
  reasons: { code: string; met: boolean | null; message: string }[];
  decidedAt: Date;
}

export interface MyEvaluation {
  /** The evaluation's id, which `contestEvaluation` takes. */
  id: string;
  overall: number;
  wouldRehire: boolean;
  comments: string | null;
  employerName: string;
  submittedAt: Date;
  /** The last day the worker may contest it (El Salvador). */
  contestableUntil: string;
  /** Null while never contested; CONTESTED, UPHELD or OVERTURNED. */
  contestStatus: string | null;
  /** Whether it counts for rehire and matching (not overturned, not set aside for a review). */
  counts: boolean;
}

/** What came of an applicant's last season: the current rehire decision and the employer's last evaluation. */
export interface SeasonOutcome {
  rehireEligibility: MyRehireEligibility | null;
  lastEvaluation: MyEvaluation | null;
}

/**
 * A read port: `myStatus` shows the season's outcome, which rehire owns, but rehire depends on contingents and not
 * the reverse. So contingents declares what it needs and rehire provides it under this token (a global provider of
 * RehireModule); an app that serves `myStatus` composes rehire, as the api and the worker do.
 */
export interface SeasonOutcomeReader {
  seasonOutcomeOf(applicantId: string): Promise<SeasonOutcome>;
}

export const SEASON_OUTCOME_READER = Symbol('SeasonOutcomeReader');
