import type { ApplicantEntity } from '@puente/domain/applicants';
import { documentsValidThrough, latestAdultBirthDate, passportValidThrough } from './eligibility.rules';
import { NO_HISTORY, type ApplicantFacts, type ApplicantHistory, type OrderFacts } from './matching.model';
import type { MatchingPolicy } from './matching.policy';

/**
 * The hard requirements of `unmetRequirements` as one SQL condition on the `applicant` table, so PostgreSQL
 * returns only eligible rows through its indexes (GIN on occupations, skills and language levels; btree on
 * status). Overlapping commitments are covered by the status: a selected, departing or deployed applicant is
 * not AVAILABLE. An integration test checks on random data that this and `unmetRequirements` agree.
 */
export function eligibleApplicantCondition(
  order: OrderFacts,
  policy: MatchingPolicy,
  alias = 'a',
): { sql: string; params: Record<string, unknown> } {
  const requirements = requirementCondition(order, policy, alias);
  return {
    sql: [`${alias}.status = 'AVAILABLE'`, `${alias}.occupations @> ARRAY[:occupation]::text[]`, requirements.sql].join(' AND '),
    params: { occupation: order.iscoCode, ...requirements.params },
  };
}

/**
 * The requirements on columns that `applicant` and its matching index `applicant_occupation` share (skills,
 * languages, experience, passport, documents, age), so retrieval can filter inside the index with the very same SQL.
 */
export function requirementCondition(
  order: OrderFacts,
  policy: MatchingPolicy,
  alias: string,
): { sql: string; params: Record<string, unknown> } {
  return {
    sql: [
      `${alias}.skills @> :requiredSkills::text[]`,
      `${alias}.language_levels @> :requiredLanguageLevels::text[]`,
      `${alias}.years_experience >= :minExperience`,
      `${alias}.passport_expiry >= :passportValidThrough`,
      `(${alias}.document_expiry IS NULL OR ${alias}.document_expiry >= :documentsValidThrough)`,
      `${alias}.birth_date <= :latestBirthDate`,
    ].join(' AND '),
    params: {
      requiredSkills: [...order.requiredSkills],
      requiredLanguageLevels: [...order.requiredLanguageLevels],
      minExperience: order.minExperienceYears,
      passportValidThrough: passportValidThrough(order, policy),
      documentsValidThrough: documentsValidThrough(order, policy),
      latestBirthDate: latestAdultBirthDate(order, policy),
    },
  };
}

/** The row shape the condition runs on, as the matching rules see it; history is read beside it. */
export interface ApplicantRow {
  id: string;
  status: string;
  birth_date: string;
  gender: string;
  municipality_code: string;
  occupations: string[];
  skills: string[];
  language_levels: string[];
  years_experience: number;
  passport_expiry: string | null;
  document_expiry: string | null;
  document_expiry_kind: string | null;
}

export function applicantFacts(row: ApplicantRow, history: ApplicantHistory = NO_HISTORY): ApplicantFacts {
  return {
    id: row.id,
    status: row.status,
    birthDate: row.birth_date,
    gender: row.gender,
    municipalityCode: row.municipality_code,
    occupations: row.occupations,
    skills: row.skills,
    languageLevels: row.language_levels,
    yearsExperience: row.years_experience,
    passportExpiry: row.passport_expiry,
    documentExpiry: row.document_expiry,
    documentExpiryKind: row.document_expiry_kind,
    history,
    hasOverlappingCommitment: false,
  };
}

/** An applicant row as the matching rules read it. */
export const factsOfApplicant = (a: ApplicantEntity, history: ApplicantHistory = NO_HISTORY) =>
  applicantFacts(
    {
      id: a.id,
      status: a.status,
      birth_date: a.birthDate,
      gender: a.gender,
      municipality_code: a.municipalityCode,
      occupations: a.occupations,
      skills: a.skills,
      language_levels: a.languageLevels,
      years_experience: a.yearsExperience,
      passport_expiry: a.passportExpiry,
      document_expiry: a.documentExpiry,
      document_expiry_kind: a.documentExpiryKind,
    },
    history,
  );
