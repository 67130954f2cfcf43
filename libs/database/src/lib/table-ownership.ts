/**
 * Which library owns each table: the only one that declares its entity, writes its rows and decides what they
 * mean. Others reach the data through the owner's exported services, functions or read ports. Keys are the
 * tables the migrations create, values Nx project names; table-ownership.spec.ts reads every library's SQL and
 * entity uses against this map.
 */
export const TABLE_OWNER: Readonly<Record<string, string>> = {
  app_user: 'auth',
  refresh_token: 'auth',
  password_reset: 'auth',
  audit_event: 'database',
  notification: 'notifications',
  job_outbox: 'queue',
  department: 'domain-reference',
  municipality: 'domain-reference',
  region: 'domain-reference',
  occupation: 'domain-reference',
  skill: 'domain-reference',
  applicant: 'domain-applicants',
  // Kept by a trigger on applicant: one row per occupation, the index matching retrieves candidates through.
  applicant_occupation: 'domain-applicants',
  // Passports, medical certificates, police records and visas; the applicant's passport columns are its copy.
  applicant_document: 'domain-applicants',
  employer: 'domain-employers',
  job_order: 'domain-job-orders',
  candidate: 'domain-matching',
  matching_run: 'domain-matching',
  // What the next matching run places first; rehire records it (after checking eligibility) through matching.
  named_request: 'domain-matching',
  contingent: 'domain-contingents',
  traveller: 'domain-contingents',
  travel_step: 'domain-contingents',
  placement: 'domain-contingents',
  // Each document expiry warning sent, once per document and days before: about the worker's contract.
  document_expiry_warning: 'domain-contingents',
  evaluation: 'domain-rehire',
  rehire_decision: 'domain-rehire',
  // What a worker brings home from a season (earnings, remittances, skills to certify) and its referral.
  returnee_record: 'domain-rehire',
  protection_case: 'domain-cases',
  case_event: 'domain-cases',
  employer_rating: 'domain-standing',
  employer_standing: 'domain-standing',
  // The aggregates statistics answers from, rebuilt as a whole by its refresh job.
  stat_deployment: 'domain-statistics',
  stat_job_order: 'domain-statistics',
  stat_registrant_day: 'domain-statistics',
  stat_registrant_month: 'domain-statistics',
  stat_applicant_status: 'domain-statistics',
  stat_supply: 'domain-statistics',
  stat_case: 'domain-statistics',
  stat_returnee: 'domain-statistics',
  stat_refresh: 'domain-statistics',
  // An export asked for and its file, in parts (issue 15).
  data_export: 'domain-exports',
  export_file: 'domain-exports',
};

export type TableAccess = 'read' | 'write';

/**
 * Every place a library reads a table it does not own, each with its reason: the debt still to pay down (one by
 * one into the owner's services) and the joins kept on purpose for set-based reads. Writes and row locks are
 * never listed: only the owner writes or locks its rows, and others call its exported functions (for example
 * `lockApplicant`, `moveApplicants`, `lockJobOrder`, `moveJobOrders`, `lockPlacement`) with their EntityManager,
 * so the change stays in their transaction. The ownership test fails on any write by another library, on a read
 * not listed here, on an entry nothing uses any more, and on an entry against the dependency
 * direction (the Nx module boundaries must let the library depend on the owner). A library that needs what an
 * upstream one owns declares a read port the owner implements: SeasonOutcomeReader (contingents, from rehire),
 * SeasonHistoryReader (matching, from rehire), EmployerStandingReader (auth, from employers), the recipient
 * directory (notifications, from auth and applicants).
 */
export interface CrossLibraryAccess {
  library: string;
  table: string;
  /** Only reads are listed: a library never writes another's table. */
  access: 'read';
  why: string;
}

const SET_BASED = 'joined in a set-based statement (one query per page or batch instead of one call per row)';
const STATISTICS_REFRESH = 'statistics: set-based refresh of the aggregates';

export const CROSS_LIBRARY_ACCESS: readonly CrossLibraryAccess[] = [
  { library: 'auth', table: 'notification', access: 'read', why: 'the reset link is written to the outbox in the reset request\'s transaction' },
  { library: 'domain-applicants', table: 'municipality', access: 'read', why: SET_BASED },
  { library: 'domain-job-orders', table: 'employer', access: 'read', why: "the order's employer, batched for a page of orders; the public list of open orders keeps those of verified employers (EXISTS in its keyset statement)" },
  { library: 'domain-matching', table: 'applicant', access: 'read', why: SET_BASED },
  { library: 'domain-matching', table: 'applicant_occupation', access: 'read', why: 'the candidate retrieval runs on its index' },
  { library: 'domain-matching', table: 'job_order', access: 'read', why: SET_BASED },
  { library: 'domain-contingents', table: 'applicant', access: 'read', why: SET_BASED },
  { library: 'domain-contingents', table: 'candidate', access: 'read', why: SET_BASED },
  { library: 'domain-contingents', table: 'employer', access: 'read', why: SET_BASED },
  { library: 'domain-contingents', table: 'job_order', access: 'read', why: SET_BASED },
  { library: 'domain-rehire', table: 'applicant', access: 'read', why: SET_BASED },
  { library: 'domain-rehire', table: 'candidate', access: 'read', why: SET_BASED },
  { library: 'domain-rehire', table: 'employer', access: 'read', why: SET_BASED },
  { library: 'domain-rehire', table: 'job_order', access: 'read', why: SET_BASED },
  { library: 'domain-rehire', table: 'placement', access: 'read', why: SET_BASED },
  { library: 'domain-rehire', table: 'region', access: 'read', why: SET_BASED },
  { library: 'domain-rehire', table: 'municipality', access: 'read', why: 'the fairness context of the season-history port names municipalities' },
  { library: 'domain-rehire', table: 'named_request', access: 'read', why: "the coordinators' named-again comparison (reporters against other former workers) counts each employer's named requests in one statement" },
  { library: 'domain-cases', table: 'placement', access: 'read', why: "a report's placement (worker, employer, order, dates) and the retaliation check's placement span, read in the caller's transaction" },
  { library: 'domain-cases', table: 'job_order', access: 'read', why: "the placement's work region, which a consul's jurisdiction is read against, joined with the placement in a report" },
  { library: 'domain-cases', table: 'app_user', access: 'read', why: "whom a case may be assigned to: an active coordinator, or a consul whose jurisdiction covers the case (role, active, regions of one user)" },
  { library: 'domain-standing', table: 'employer', access: 'read', why: "which employers exist, for a batch of standings and the nightly sweep; the employer a hold was placed on or cleared" },
  { library: 'domain-standing', table: 'placement', access: 'read', why: SET_BASED },
  { library: 'domain-standing', table: 'traveller', access: 'read', why: SET_BASED },
  { library: 'domain-standing', table: 'job_order', access: 'read', why: SET_BASED },
  { library: 'domain-standing', table: 'rehire_decision', access: 'read', why: SET_BASED },
  { library: 'domain-standing', table: 'named_request', access: 'read', why: SET_BASED },
  { library: 'domain-statistics', table: 'applicant', access: 'read', why: STATISTICS_REFRESH },
  { library: 'domain-statistics', table: 'municipality', access: 'read', why: STATISTICS_REFRESH },
  { library: 'domain-statistics', table: 'region', access: 'read', why: STATISTICS_REFRESH },
  { library: 'domain-statistics', table: 'employer', access: 'read', why: STATISTICS_REFRESH },
  { library: 'domain-statistics', table: 'job_order', access: 'read', why: STATISTICS_REFRESH },
  { library: 'domain-statistics', table: 'candidate', access: 'read', why: STATISTICS_REFRESH },
  { library: 'domain-statistics', table: 'named_request', access: 'read', why: STATISTICS_REFRESH },
  { library: 'domain-statistics', table: 'traveller', access: 'read', why: STATISTICS_REFRESH },
  { library: 'domain-statistics', table: 'placement', access: 'read', why: STATISTICS_REFRESH },
  { library: 'domain-statistics', table: 'protection_case', access: 'read', why: STATISTICS_REFRESH },
  { library: 'domain-statistics', table: 'returnee_record', access: 'read', why: STATISTICS_REFRESH },
];
