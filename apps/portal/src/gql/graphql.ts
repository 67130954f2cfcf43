/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CandidateStatus =
  | 'REJECTED'
  | 'RELEASED'
  | 'RESERVE'
  | 'SELECTED'
  | 'SUGGESTED';

/** What a protection case is about. */
export type CaseCategory =
  | 'CONTRACT_CHANGED'
  | 'DOCUMENTS_WITHHELD'
  | 'HARASSMENT_ABUSE'
  | 'HOUSING'
  | 'MOVEMENT_RESTRICTED'
  | 'OTHER'
  | 'RECRUITMENT_FEES'
  | 'UNPAID_OVERTIME'
  | 'UNPAID_WAGES'
  | 'UNSAFE_WORK';

/** A substantiated case's finding: the employer at fault, or the worker's misconduct. */
export type CaseFinding =
  | 'EMPLOYER'
  | 'WORKER_MISCONDUCT';

export type CaseReporterRole =
  | 'APPLICANT'
  | 'CONSUL'
  | 'COORDINATOR';

export type CaseStatus =
  | 'CLOSED'
  | 'INVESTIGATING'
  | 'REFERRED'
  | 'REPORTED'
  | 'SUBSTANTIATED'
  | 'TRIAGED'
  | 'UNSUBSTANTIATED';

export type ChangePasswordInput = {
  /** The password signed in with (the temporary one, at first sign-in). */
  currentPassword: string;
  /** 12 to 128 characters, not too repetitive (at least 4 different characters); a passphrase is best. Different from the current one. */
  newPassword: string;
};

export type ContingentStatus =
  | 'ARRIVED'
  | 'CANCELLED'
  | 'CONFIRMED'
  | 'DEPARTED'
  | 'PLANNED'
  | 'RETURNED';

/** Destination countries: United States and Canada. */
export type Country =
  | 'CA'
  | 'US';

export type CreateJobOrderInput = {
  /** NOC 2021 (e.g. 85100) for Canada, O*NET-SOC (e.g. 45-2092.00) for the US */
  destinationOccupationCode: string;
  /** 1 to 156 weeks */
  durationWeeks: number;
  /** Must be true: workers pay no recruitment fees. */
  employerPaysRecruitment: boolean;
  /** Must be true: the employer pays travel. */
  employerPaysTravel: boolean;
  /** In the destination currency (USD or CAD), at most two decimals, up to 500 */
  hourlyWage: number;
  /** 1 to 84 */
  hoursPerWeek: number;
  /** Required (5 to 1000 characters) when housing is provided */
  housingDescription?: string | null | undefined;
  housingProvided: boolean;
  /** ISCO-08 code, see the occupations query */
  iscoCode: string;
  /** Each at least this level */
  languages?: Array<LanguageSkillInput>;
  /** 0 to 40 */
  minExperienceYears?: number;
  /** 1 to 500 */
  positions: number;
  /** At most 15 skill codes, none of them required */
  preferredSkills?: Array<string>;
  /** At most 15 skill codes, see the skills query */
  requiredSkills?: Array<string>;
  /** At least 14 days and at most two years from today */
  startDate: string;
  /** 3 to 150 characters */
  title: string;
  /** 1 to 100 characters */
  workCity: string;
  /** A region of the employer's country, see the regions query */
  workRegionCode: string;
};

export type EmployerStatus =
  | 'PENDING_VERIFICATION'
  | 'SUSPENDED'
  | 'VERIFIED';

export type EvaluationInputModel = {
  comments?: string | null | undefined;
  overall: number;
  punctuality: number;
  quality: number;
  safety: number;
  teamwork: number;
  wouldRehire: boolean;
};

/** NOT_DUE while the season runs; OPEN until evaluationClosesOn; EVALUATED once done; CLOSED when the window passed unevaluated. */
export type EvaluationState =
  | 'CLOSED'
  | 'EVALUATED'
  | 'NOT_DUE'
  | 'OPEN';

export type JobOrderStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DRAFT'
  | 'FILLED'
  | 'IN_PROGRESS'
  | 'OPEN'
  | 'REJECTED'
  | 'SUBMITTED';

/** ISO 639-1 */
export type LanguageCode =
  | 'en'
  | 'es'
  | 'fr';

/** CEFR level, or NATIVE */
export type LanguageLevel =
  | 'A1'
  | 'A2'
  | 'B1'
  | 'B2'
  | 'C1'
  | 'C2'
  | 'NATIVE';

export type LanguageSkillInput = {
  code: LanguageCode;
  level: LanguageLevel;
};

export type LoginInput = {
  /** E-mail (staff, employers) or national ID (applicants: DUI with its check digit, e.g. 04567890-3; the dash may be left out). */
  identifier: string;
  password: string;
};

export type MatchingRunStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

/** The destination program the employer hires under. */
export type Program =
  | 'CA_SAWP'
  | 'CA_TFWP_AGRICULTURAL'
  | 'CA_TFWP_LOW_WAGE'
  | 'US_H2A'
  | 'US_H2B';

export type RegisterEmployerInput = {
  city: string;
  /** Also the sign-in e-mail of the first user. */
  contactEmail: string;
  contactName: string;
  /** E.164, e.g. +14165550123 */
  contactPhone: string;
  country: Country;
  legalName: string;
  /** At least 12 characters. */
  password: string;
  program: Program;
  programReference: string;
  /** e.g. US-FL, CA-QC */
  regionCode: string;
  sector: Sector;
  tradeName?: string | null | undefined;
};

export type RejectCandidateInput = {
  /** The shortlist reference (C-…); coordinators may also give the applicant id. */
  applicantId: string;
  jobOrderId: string | number;
  /** Why, 10 to 2000 characters; the ministry reviews rejections. */
  reason: string;
};

export type RequestNamedWorkersInput = {
  /** Former workers of this employer, rehire-eligible. */
  applicantIds: Array<string | number>;
  jobOrderId: string | number;
  /** Whether the shortlist may offer someone else if a named worker cannot travel. */
  substituteAcceptable?: boolean | null | undefined;
};

export type RequestPasswordResetInput = {
  /** The e-mail a staff or employer account signs in with. Applicants ask a coordinator for a temporary password instead. */
  email: string;
};

export type ResetPasswordInput = {
  /** 12 to 128 characters, not too repetitive (at least 4 different characters); a passphrase is best. */
  newPassword: string;
  /** The token from the e-mailed link (after #token=); it works once, within an hour. */
  token: string;
};

export type Role =
  | 'ADMIN'
  | 'APPLICANT'
  | 'CONSUL'
  | 'COORDINATOR'
  | 'EMPLOYER';

export type Sector =
  | 'AGRICULTURE'
  | 'CONSTRUCTION'
  | 'FOOD_PROCESSING'
  | 'HOSPITALITY'
  | 'LIVESTOCK';

export type SelectCandidatesInput = {
  /** Candidates by their shortlist reference (C-…); coordinators may also give applicant ids. */
  applicantIds: Array<string>;
  jobOrderId: string | number;
};

/** GOOD, WATCH, AT_RISK or BLOCKED (approval of its orders on hold). */
export type StandingLevel =
  | 'AT_RISK'
  | 'BLOCKED'
  | 'GOOD'
  | 'WATCH';

export type StandingReasonCode =
  | 'APPROVAL_HOLD'
  | 'EARLY_TERMINATIONS'
  | 'NO_SHOWS'
  | 'RATINGS'
  | 'REHIRE_RATE'
  | 'SUBSTANTIATED_CASES';

export type StepKind =
  | 'ARRIVAL'
  | 'CONTRACT_SIGNED'
  | 'DEPARTURE'
  | 'DOCUMENTS_CHECKED'
  | 'MEDICAL_EXAM'
  | 'ORIENTATION'
  | 'VISA_BIOMETRICS';

export type StepStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'INFEASIBLE'
  | 'OVERDUE'
  | 'PENDING'
  | 'WAIVED';

export type TotpCodeInput = {
  /** The 6-digit code of the authenticator app, or (where accepted) an unused recovery code (xxxxx-xxxxx). */
  code: string;
};

export type TravellerStatus =
  | 'ARRIVED'
  | 'CANCELLED'
  | 'DEPARTED'
  | 'REPLACED'
  | 'RETURNED'
  | 'SEATED'
  | 'WITHDRAWN';

/** Corrects a DRAFT or REJECTED order: give only the fields to change; the rules of createJobOrder apply to the result. */
export type UpdateJobOrderInput = {
  /** NOC 2021 (e.g. 85100) for Canada, O*NET-SOC (e.g. 45-2092.00) for the US */
  destinationOccupationCode?: string | null | undefined;
  /** 1 to 156 weeks */
  durationWeeks?: number | null | undefined;
  /** Must stay true */
  employerPaysRecruitment?: boolean | null | undefined;
  /** Must stay true */
  employerPaysTravel?: boolean | null | undefined;
  /** In the destination currency, at most two decimals, up to 500 */
  hourlyWage?: number | null | undefined;
  /** 1 to 84 */
  hoursPerWeek?: number | null | undefined;
  /** Required (5 to 1000 characters) when housing is provided; null clears it */
  housingDescription?: string | null | undefined;
  housingProvided?: boolean | null | undefined;
  /** ISCO-08 code, see the occupations query */
  iscoCode?: string | null | undefined;
  jobOrderId: string | number;
  /** Each at least this level */
  languages?: Array<LanguageSkillInput> | null | undefined;
  /** 0 to 40 */
  minExperienceYears?: number | null | undefined;
  /** 1 to 500 */
  positions?: number | null | undefined;
  /** At most 15 skill codes, none of them required */
  preferredSkills?: Array<string> | null | undefined;
  /** At most 15 skill codes */
  requiredSkills?: Array<string> | null | undefined;
  /** At least 14 days and at most two years from today */
  startDate?: string | null | undefined;
  /** 3 to 150 characters */
  title?: string | null | undefined;
  /** 1 to 100 characters */
  workCity?: string | null | undefined;
  /** A region of the employer's country */
  workRegionCode?: string | null | undefined;
};

export type PortalSubmitEvaluationMutationVariables = Exact<{
  placementId: string | number;
  input: EvaluationInputModel;
}>;


export type PortalSubmitEvaluationMutation = { submitEvaluation: { evaluationId: string } };

export type PortalOwnEmployerQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalOwnEmployerQuery = { me: { id: string, employerId: string | null } };

export type PortalOrderEmployerQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalOrderEmployerQuery = { employer: { id: string, legalName: string, tradeName: string | null, status: EmployerStatus, statusReason: string | null, country: Country } };

export type PortalNamedRequestRunQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalNamedRequestRunQuery = { matchingRun: { id: string, status: MatchingRunStatus, failureReason: string | null } };

export type PortalNamedOnOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalNamedOnOrderQuery = { jobOrder: { id: string, reference: string, candidates: { edges: Array<{ node: { named: boolean, status: CandidateStatus } }> } } };

export type StandingLevelFieldsFragment = { employerId: string, level: StandingLevel, computedAt: string };

export type OrderTermsFragment = { id: string, reference: string, status: JobOrderStatus, statusReason: string | null, title: string, iscoCode: string, destinationOccupationCode: string, positions: number, requiredSkills: Array<string>, preferredSkills: Array<string>, minExperienceYears: number, workCity: string, startDate: string, durationWeeks: number, hourlyWage: number, hoursPerWeek: number, housingProvided: boolean, housingDescription: string | null, employerPaysRecruitment: boolean, employerPaysTravel: boolean, languages: Array<{ code: LanguageCode, level: LanguageLevel }>, workRegion: { code: string } };

export type SessionFieldsFragment = { accessToken: string, expiresIn: number, mfaRequired: boolean, user: { id: string, role: Role, identifier: string, employerId: string | null, mustChangePassword: boolean } };

export type PortalAccountMeQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalAccountMeQuery = { me: { id: string, identifier: string, role: Role, employerId: string | null, mustChangePassword: boolean, twoFactorEnabled: boolean } };

export type PortalAccountEmployerQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalAccountEmployerQuery = { employer: { id: string, legalName: string, tradeName: string | null, status: EmployerStatus } };

export type PortalChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type PortalChangePasswordMutation = { changePassword: { accessToken: string, expiresIn: number, mfaRequired: boolean, user: { id: string, role: Role, identifier: string, employerId: string | null, mustChangePassword: boolean } } };

export type DashboardOrdersQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type DashboardOrdersQuery = { jobOrderCounts: Array<{ status: JobOrderStatus, count: number }>, jobOrders: { edges: Array<{ node: { id: string, reference: string, title: string, status: JobOrderStatus, statusReason: string | null, positions: number, startDate: string, endDate: string, latestMatchingRun: { id: string, status: MatchingRunStatus, candidatesCount: number | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type DashboardPlacementsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardPlacementsQuery = { myPlacements: { edges: Array<{ node: { placementId: string, evaluationState: EvaluationState, evaluationClosesOn: string | null } }> } };

export type PortalMyPlacementsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type PortalMyPlacementsQuery = { myPlacements: { edges: Array<{ node: { placementId: string, name: string, jobOrderId: string, jobOrderReference: string, jobOrderTitle: string, status: string, startDate: string, endDate: string, endedOn: string | null, evaluationState: EvaluationState, evaluationClosesOn: string | null, evaluation: { overall: number, punctuality: number, quality: number, safety: number, teamwork: number, wouldRehire: boolean, comments: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PortalRequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type PortalRequestPasswordResetMutation = { requestPasswordReset: boolean };

export type OrderDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderDetailQuery = { jobOrder: { destinationOccupationSystem: string, endDate: string, currency: string, createdAt: string, submittedAt: string | null, approvedAt: string | null, id: string, reference: string, status: JobOrderStatus, statusReason: string | null, title: string, iscoCode: string, destinationOccupationCode: string, positions: number, requiredSkills: Array<string>, preferredSkills: Array<string>, minExperienceYears: number, workCity: string, startDate: string, durationWeeks: number, hourlyWage: number, hoursPerWeek: number, housingProvided: boolean, housingDescription: string | null, employerPaysRecruitment: boolean, employerPaysTravel: boolean, workRegion: { name: string, code: string }, latestMatchingRun: { id: string, status: MatchingRunStatus, candidatesCount: number | null } | null, languages: Array<{ code: LanguageCode, level: LanguageLevel }> }, occupations: Array<{ iscoCode: string, title: string }>, skills: Array<{ code: string, label: string }> };

export type OrderDetailStandingQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderDetailStandingQuery = { jobOrder: { id: string, employerStanding: { employerId: string, level: StandingLevel, computedAt: string } } };

export type OrderDetailSubmitMutationVariables = Exact<{
  id: string | number;
}>;


export type OrderDetailSubmitMutation = { submitJobOrder: { id: string, status: JobOrderStatus, submittedAt: string | null } };

export type OrderFormVocabularyQueryVariables = Exact<{ [key: string]: never; }>;


export type OrderFormVocabularyQuery = { occupations: Array<{ iscoCode: string, title: string, sector: Sector, nocCodes: Array<string>, socCodes: Array<string> }>, skills: Array<{ code: string, label: string, occupationCodes: Array<string> }>, regions: Array<{ code: string, name: string, country: Country }> };

export type OrderFormOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type OrderFormOrderQuery = { jobOrder: { id: string, reference: string, status: JobOrderStatus, statusReason: string | null, title: string, iscoCode: string, destinationOccupationCode: string, positions: number, requiredSkills: Array<string>, preferredSkills: Array<string>, minExperienceYears: number, workCity: string, startDate: string, durationWeeks: number, hourlyWage: number, hoursPerWeek: number, housingProvided: boolean, housingDescription: string | null, employerPaysRecruitment: boolean, employerPaysTravel: boolean, languages: Array<{ code: LanguageCode, level: LanguageLevel }>, workRegion: { code: string } } };

export type OrderFormCreateMutationVariables = Exact<{
  input: CreateJobOrderInput;
}>;


export type OrderFormCreateMutation = { createJobOrder: { id: string, status: JobOrderStatus } };

export type OrderFormUpdateMutationVariables = Exact<{
  input: UpdateJobOrderInput;
}>;


export type OrderFormUpdateMutation = { updateJobOrder: { id: string, status: JobOrderStatus, statusReason: string | null } };

export type OrderFormSubmitMutationVariables = Exact<{
  id: string | number;
}>;


export type OrderFormSubmitMutation = { submitJobOrder: { id: string, status: JobOrderStatus, submittedAt: string | null } };

export type PortalRehirePoolQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalRehirePoolQuery = { rehirePool: { edges: Array<{ node: { applicantId: string, name: string, status: string, needsPassportRenewal: boolean, seasons: number, lastSeason: number, lastEmployerName: string, lastOverall: number | null, lastWouldRehire: boolean | null, decidedAt: string } }>, pageInfo: { hasNextPage: boolean } } };

export type PortalRehireOrdersQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalRehireOrdersQuery = { open: { edges: Array<{ node: { id: string, reference: string, title: string, positions: number, startDate: string, status: JobOrderStatus } }> }, submitted: { edges: Array<{ node: { id: string, reference: string, title: string, positions: number, startDate: string, status: JobOrderStatus } }> }, drafts: { edges: Array<{ node: { id: string, reference: string, title: string, positions: number, startDate: string, status: JobOrderStatus } }> } };

export type PortalRequestNamedWorkersMutationVariables = Exact<{
  input: RequestNamedWorkersInput;
}>;


export type PortalRequestNamedWorkersMutation = { requestNamedWorkers: { jobOrderId: string, applicantIds: Array<string>, matchingRunId: string | null } };

export type PortalResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type PortalResetPasswordMutation = { resetPassword: boolean };

export type PortalShortlistQueryVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type PortalShortlistQuery = { jobOrder: { id: string, reference: string, title: string, status: JobOrderStatus, positions: number, positionsLeft: number, startDate: string, latestMatchingRun: { id: string, status: MatchingRunStatus } | null, candidates: { edges: Array<{ node: { rank: number, score: number, status: CandidateStatus, named: boolean, applicant: { reference: string, age: number, gender: string, yearsExperience: number, skills: Array<string>, municipality: { name: string }, languages: Array<{ code: LanguageCode, level: LanguageLevel }> }, breakdown: Array<{ factor: string, points: number, maxPoints: number, explanation: string, code: string | null, params: unknown }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type PortalShortlistSkillsQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalShortlistSkillsQuery = { skills: Array<{ code: string, label: string }> };

export type PortalSelectCandidatesMutationVariables = Exact<{
  input: SelectCandidatesInput;
}>;


export type PortalSelectCandidatesMutation = { selectCandidates: Array<{ status: CandidateStatus, applicant: { reference: string } }> };

export type PortalRejectCandidateMutationVariables = Exact<{
  input: RejectCandidateInput;
}>;


export type PortalRejectCandidateMutation = { rejectCandidate: { status: CandidateStatus, applicant: { reference: string } } };

export type PortalLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type PortalLoginMutation = { login: { accessToken: string, expiresIn: number, mfaRequired: boolean, user: { id: string, role: Role, identifier: string, employerId: string | null, mustChangePassword: boolean } } };

export type PortalCompleteLoginMutationVariables = Exact<{
  input: TotpCodeInput;
}>;


export type PortalCompleteLoginMutation = { completeLogin: { accessToken: string, expiresIn: number, mfaRequired: boolean, user: { id: string, role: Role, identifier: string, employerId: string | null, mustChangePassword: boolean } } };

export type PortalSignUpRegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalSignUpRegionsQuery = { regions: Array<{ code: string, country: Country, name: string }> };

export type PortalRegisterEmployerMutationVariables = Exact<{
  input: RegisterEmployerInput;
}>;


export type PortalRegisterEmployerMutation = { registerEmployer: { id: string, legalName: string, contactEmail: string, status: EmployerStatus } };

export type PortalStandingQueryVariables = Exact<{
  employerId: string | number;
}>;


export type PortalStandingQuery = { employerStanding: { policyVersion: string, employerId: string, level: StandingLevel, computedAt: string, reasons: Array<{ code: StandingReasonCode, met: boolean | null, level: StandingLevel, message: string }>, ratings: { ratedPlacements: number, averages: { wagesAsAgreed: number, hoursAsAgreed: number, housing: number, treatment: number, safety: number, wouldGoBack: number } } | null } };

export type PortalCasesAgainstUsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type PortalCasesAgainstUsQuery = { cases: { edges: Array<{ node: { id: string, reference: string, categories: Array<CaseCategory>, status: CaseStatus, finding: CaseFinding | null, createdAt: string, decidedAt: string | null, reporterRole: CaseReporterRole | null, placementId: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PortalStandingWorkersQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalStandingWorkersQuery = { myPlacements: { edges: Array<{ node: { placementId: string, name: string } }> } };

export type PortalTravelContingentsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type PortalTravelContingentsQuery = { contingents: { edges: Array<{ node: { id: string, reference: string, regionCode: string, status: ContingentStatus, startDate: string, departureDate: string, departedOn: string | null, arrivedOn: string | null, members: Array<{ applicantId: string, name: string, status: TravellerStatus, steps: Array<{ id: string, kind: StepKind, status: StepStatus, dueDate: string }> }> } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PortalTravelRegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalTravelRegionsQuery = { regions: Array<{ code: string, name: string }> };

export const StandingLevelFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingLevelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EmployerStanding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}}]} as unknown as DocumentNode<StandingLevelFieldsFragment, unknown>;
export const OrderTermsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderTerms"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"iscoCode"}},{"kind":"Field","name":{"kind":"Name","value":"destinationOccupationCode"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"requiredSkills"}},{"kind":"Field","name":{"kind":"Name","value":"preferredSkills"}},{"kind":"Field","name":{"kind":"Name","value":"languages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minExperienceYears"}},{"kind":"Field","name":{"kind":"Name","value":"workRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workCity"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"durationWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyWage"}},{"kind":"Field","name":{"kind":"Name","value":"hoursPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"housingProvided"}},{"kind":"Field","name":{"kind":"Name","value":"housingDescription"}},{"kind":"Field","name":{"kind":"Name","value":"employerPaysRecruitment"}},{"kind":"Field","name":{"kind":"Name","value":"employerPaysTravel"}}]}}]} as unknown as DocumentNode<OrderTermsFragment, unknown>;
export const SessionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"mfaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]} as unknown as DocumentNode<SessionFieldsFragment, unknown>;
export const PortalSubmitEvaluationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalSubmitEvaluation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"placementId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EvaluationInputModel"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitEvaluation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"placementId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"placementId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"evaluationId"}}]}}]}}]} as unknown as DocumentNode<PortalSubmitEvaluationMutation, PortalSubmitEvaluationMutationVariables>;
export const PortalOwnEmployerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalOwnEmployer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employerId"}}]}}]}}]} as unknown as DocumentNode<PortalOwnEmployerQuery, PortalOwnEmployerQueryVariables>;
export const PortalOrderEmployerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalOrderEmployer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"tradeName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<PortalOrderEmployerQuery, PortalOrderEmployerQueryVariables>;
export const PortalNamedRequestRunDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalNamedRequestRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchingRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureReason"}}]}}]}}]} as unknown as DocumentNode<PortalNamedRequestRunQuery, PortalNamedRequestRunQueryVariables>;
export const PortalNamedOnOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalNamedOnOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"named"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalNamedOnOrderQuery, PortalNamedOnOrderQueryVariables>;
export const PortalAccountMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalAccountMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}}]}}]} as unknown as DocumentNode<PortalAccountMeQuery, PortalAccountMeQueryVariables>;
export const PortalAccountEmployerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalAccountEmployer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"tradeName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PortalAccountEmployerQuery, PortalAccountEmployerQueryVariables>;
export const PortalChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"mfaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]} as unknown as DocumentNode<PortalChangePasswordMutation, PortalChangePasswordMutationVariables>;
export const DashboardOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardOrders"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrderCounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"jobOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"latestMatchingRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"candidatesCount"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardOrdersQuery, DashboardOrdersQueryVariables>;
export const DashboardPlacementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardPlacements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myPlacements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementId"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationState"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationClosesOn"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardPlacementsQuery, DashboardPlacementsQueryVariables>;
export const PortalMyPlacementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalMyPlacements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myPlacements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderReference"}},{"kind":"Field","name":{"kind":"Name","value":"jobOrderTitle"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"endedOn"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationState"}},{"kind":"Field","name":{"kind":"Name","value":"evaluationClosesOn"}},{"kind":"Field","name":{"kind":"Name","value":"evaluation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overall"}},{"kind":"Field","name":{"kind":"Name","value":"punctuality"}},{"kind":"Field","name":{"kind":"Name","value":"quality"}},{"kind":"Field","name":{"kind":"Name","value":"safety"}},{"kind":"Field","name":{"kind":"Name","value":"teamwork"}},{"kind":"Field","name":{"kind":"Name","value":"wouldRehire"}},{"kind":"Field","name":{"kind":"Name","value":"comments"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PortalMyPlacementsQuery, PortalMyPlacementsQueryVariables>;
export const PortalRequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalRequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPasswordResetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<PortalRequestPasswordResetMutation, PortalRequestPasswordResetMutationVariables>;
export const OrderDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderTerms"}},{"kind":"Field","name":{"kind":"Name","value":"destinationOccupationSystem"}},{"kind":"Field","name":{"kind":"Name","value":"workRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"approvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"latestMatchingRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"candidatesCount"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"occupations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iscoCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderTerms"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"iscoCode"}},{"kind":"Field","name":{"kind":"Name","value":"destinationOccupationCode"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"requiredSkills"}},{"kind":"Field","name":{"kind":"Name","value":"preferredSkills"}},{"kind":"Field","name":{"kind":"Name","value":"languages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minExperienceYears"}},{"kind":"Field","name":{"kind":"Name","value":"workRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workCity"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"durationWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyWage"}},{"kind":"Field","name":{"kind":"Name","value":"hoursPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"housingProvided"}},{"kind":"Field","name":{"kind":"Name","value":"housingDescription"}},{"kind":"Field","name":{"kind":"Name","value":"employerPaysRecruitment"}},{"kind":"Field","name":{"kind":"Name","value":"employerPaysTravel"}}]}}]} as unknown as DocumentNode<OrderDetailQuery, OrderDetailQueryVariables>;
export const OrderDetailStandingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderDetailStanding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"employerStanding"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StandingLevelFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingLevelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EmployerStanding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}}]} as unknown as DocumentNode<OrderDetailStandingQuery, OrderDetailStandingQueryVariables>;
export const OrderDetailSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrderDetailSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitJobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]} as unknown as DocumentNode<OrderDetailSubmitMutation, OrderDetailSubmitMutationVariables>;
export const OrderFormVocabularyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderFormVocabulary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"occupations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"iscoCode"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"sector"}},{"kind":"Field","name":{"kind":"Name","value":"nocCodes"}},{"kind":"Field","name":{"kind":"Name","value":"socCodes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"occupationCodes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}}]}}]} as unknown as DocumentNode<OrderFormVocabularyQuery, OrderFormVocabularyQueryVariables>;
export const OrderFormOrderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OrderFormOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrderTerms"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrderTerms"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"JobOrder"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"iscoCode"}},{"kind":"Field","name":{"kind":"Name","value":"destinationOccupationCode"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"requiredSkills"}},{"kind":"Field","name":{"kind":"Name","value":"preferredSkills"}},{"kind":"Field","name":{"kind":"Name","value":"languages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minExperienceYears"}},{"kind":"Field","name":{"kind":"Name","value":"workRegion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workCity"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"durationWeeks"}},{"kind":"Field","name":{"kind":"Name","value":"hourlyWage"}},{"kind":"Field","name":{"kind":"Name","value":"hoursPerWeek"}},{"kind":"Field","name":{"kind":"Name","value":"housingProvided"}},{"kind":"Field","name":{"kind":"Name","value":"housingDescription"}},{"kind":"Field","name":{"kind":"Name","value":"employerPaysRecruitment"}},{"kind":"Field","name":{"kind":"Name","value":"employerPaysTravel"}}]}}]} as unknown as DocumentNode<OrderFormOrderQuery, OrderFormOrderQueryVariables>;
export const OrderFormCreateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrderFormCreate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateJobOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createJobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<OrderFormCreateMutation, OrderFormCreateMutationVariables>;
export const OrderFormUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrderFormUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateJobOrderInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateJobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusReason"}}]}}]}}]} as unknown as DocumentNode<OrderFormUpdateMutation, OrderFormUpdateMutationVariables>;
export const OrderFormSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OrderFormSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitJobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}}]}}]}}]} as unknown as DocumentNode<OrderFormSubmitMutation, OrderFormSubmitMutationVariables>;
export const PortalRehirePoolDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalRehirePool"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rehirePool"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicantId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"needsPassportRenewal"}},{"kind":"Field","name":{"kind":"Name","value":"seasons"}},{"kind":"Field","name":{"kind":"Name","value":"lastSeason"}},{"kind":"Field","name":{"kind":"Name","value":"lastEmployerName"}},{"kind":"Field","name":{"kind":"Name","value":"lastOverall"}},{"kind":"Field","name":{"kind":"Name","value":"lastWouldRehire"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]} as unknown as DocumentNode<PortalRehirePoolQuery, PortalRehirePoolQueryVariables>;
export const PortalRehireOrdersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalRehireOrders"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"open"},"name":{"kind":"Name","value":"jobOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"OPEN"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"submitted"},"name":{"kind":"Name","value":"jobOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SUBMITTED"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"drafts"},"name":{"kind":"Name","value":"jobOrders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"DRAFT"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalRehireOrdersQuery, PortalRehireOrdersQueryVariables>;
export const PortalRequestNamedWorkersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalRequestNamedWorkers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestNamedWorkersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestNamedWorkers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"applicantIds"}},{"kind":"Field","name":{"kind":"Name","value":"matchingRunId"}}]}}]}}]} as unknown as DocumentNode<PortalRequestNamedWorkersMutation, PortalRequestNamedWorkersMutationVariables>;
export const PortalResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<PortalResetPasswordMutation, PortalResetPasswordMutationVariables>;
export const PortalShortlistDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalShortlist"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"positions"}},{"kind":"Field","name":{"kind":"Name","value":"positionsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"latestMatchingRun"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"named"}},{"kind":"Field","name":{"kind":"Name","value":"applicant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"yearsExperience"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}},{"kind":"Field","name":{"kind":"Name","value":"municipality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"languages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"breakdown"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"factor"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalShortlistQuery, PortalShortlistQueryVariables>;
export const PortalShortlistSkillsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalShortlistSkills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"skills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}}]} as unknown as DocumentNode<PortalShortlistSkillsQuery, PortalShortlistSkillsQueryVariables>;
export const PortalSelectCandidatesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalSelectCandidates"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SelectCandidatesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"selectCandidates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"applicant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}}]}}]}}]} as unknown as DocumentNode<PortalSelectCandidatesMutation, PortalSelectCandidatesMutationVariables>;
export const PortalRejectCandidateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalRejectCandidate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RejectCandidateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectCandidate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"applicant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}}]}}]}}]} as unknown as DocumentNode<PortalRejectCandidateMutation, PortalRejectCandidateMutationVariables>;
export const PortalLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"mfaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]} as unknown as DocumentNode<PortalLoginMutation, PortalLoginMutationVariables>;
export const PortalCompleteLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalCompleteLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TotpCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"completeLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SessionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SessionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresIn"}},{"kind":"Field","name":{"kind":"Name","value":"mfaRequired"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"identifier"}},{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"mustChangePassword"}}]}}]}}]} as unknown as DocumentNode<PortalCompleteLoginMutation, PortalCompleteLoginMutationVariables>;
export const PortalSignUpRegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalSignUpRegions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PortalSignUpRegionsQuery, PortalSignUpRegionsQueryVariables>;
export const PortalRegisterEmployerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalRegisterEmployer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterEmployerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerEmployer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"legalName"}},{"kind":"Field","name":{"kind":"Name","value":"contactEmail"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<PortalRegisterEmployerMutation, PortalRegisterEmployerMutationVariables>;
export const PortalStandingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalStanding"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"employerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employerStanding"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"employerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"employerId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StandingLevelFields"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"met"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ratings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ratedPlacements"}},{"kind":"Field","name":{"kind":"Name","value":"averages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wagesAsAgreed"}},{"kind":"Field","name":{"kind":"Name","value":"hoursAsAgreed"}},{"kind":"Field","name":{"kind":"Name","value":"housing"}},{"kind":"Field","name":{"kind":"Name","value":"treatment"}},{"kind":"Field","name":{"kind":"Name","value":"safety"}},{"kind":"Field","name":{"kind":"Name","value":"wouldGoBack"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StandingLevelFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"EmployerStanding"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"employerId"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"computedAt"}}]}}]} as unknown as DocumentNode<PortalStandingQuery, PortalStandingQueryVariables>;
export const PortalCasesAgainstUsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalCasesAgainstUs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"finding"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reporterRole"}},{"kind":"Field","name":{"kind":"Name","value":"placementId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PortalCasesAgainstUsQuery, PortalCasesAgainstUsQueryVariables>;
export const PortalStandingWorkersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalStandingWorkers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myPlacements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalStandingWorkersQuery, PortalStandingWorkersQueryVariables>;
export const PortalTravelContingentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalTravelContingents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contingents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"departureDate"}},{"kind":"Field","name":{"kind":"Name","value":"departedOn"}},{"kind":"Field","name":{"kind":"Name","value":"arrivedOn"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicantId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<PortalTravelContingentsQuery, PortalTravelContingentsQueryVariables>;
export const PortalTravelRegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalTravelRegions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<PortalTravelRegionsQuery, PortalTravelRegionsQueryVariables>;