import { ReferenceData1732400000001 } from './1732400000001-reference-data';
import { Registries1732400000002 } from './1732400000002-registries';
import { Matching1732400000003 } from './1732400000003-matching';
import { AvailableApplicantIndexes1732400000004 } from './1732400000004-available-applicant-indexes';
import { OneSelectionPerApplicant1732400000005 } from './1732400000005-one-selection-per-applicant';
import { ApplicantOccupation1732400000006 } from './1732400000006-applicant-occupation';
import { Contingents1732400000007 } from './1732400000007-contingents';
import { Notifications1732400000008 } from './1732400000008-notifications';
import { Placements1732400000009 } from './1732400000009-placements';
import { Rehire1732400000010 } from './1732400000010-rehire';
import { NamedRequests1732400000011 } from './1732400000011-named-requests';
import { AuditAndAudiences1732400000012 } from './1732400000012-audit-and-audiences';
import { PasswordReset1732400000013 } from './1732400000013-password-reset';
import { ReleasedCandidates1732400000014 } from './1732400000014-released-candidates';
import { OfficeOperations1732400000015 } from './1732400000015-office-operations';
import { MatchingRunOrdersIndex1732400000017 } from './1732400000017-matching-run-orders-index';
import { EncryptedIdentifiers1732400000018 } from './1732400000018-encrypted-identifiers';
import { AuditTrail1732400000019 } from './1732400000019-audit-trail';
import { SessionVersion1732400000020 } from './1732400000020-session-version';
import { TwoFactor1732400000021 } from './1732400000021-two-factor';
import { JobOutbox1732400000022 } from './1732400000022-job-outbox';
import { Consuls1732400000023 } from './1732400000023-consuls';
import { Cases1732400000024 } from './1732400000024-cases';
import { EvaluationReview1732400000025 } from './1732400000025-evaluation-review';
import { Standing1732400000026 } from './1732400000026-standing';
import { ApplicantDocuments1732400000027 } from './1732400000027-applicant-documents';
import { ReturneeRecords1732400000028 } from './1732400000028-returnee-records';
import { Statistics1732400000029 } from './1732400000029-statistics';
import { Exports1732400000030 } from './1732400000030-exports';
import { PublicTransparency1732400000031 } from './1732400000031-public-transparency';

/** Every migration, in order. Listed explicitly so the apps, the CLI and tests run exactly the same set. */
export const MIGRATIONS = [
  ReferenceData1732400000001,
  Registries1732400000002,
  Matching1732400000003,
  AvailableApplicantIndexes1732400000004,
  OneSelectionPerApplicant1732400000005,
  ApplicantOccupation1732400000006,
  Contingents1732400000007,
  Notifications1732400000008,
  Placements1732400000009,
  Rehire1732400000010,
  NamedRequests1732400000011,
  AuditAndAudiences1732400000012,
  PasswordReset1732400000013,
  ReleasedCandidates1732400000014,
  OfficeOperations1732400000015,
  MatchingRunOrdersIndex1732400000017,
  EncryptedIdentifiers1732400000018,
  AuditTrail1732400000019,
  SessionVersion1732400000020,
  TwoFactor1732400000021,
  JobOutbox1732400000022,
  Consuls1732400000023,
  Cases1732400000024,
  EvaluationReview1732400000025,
  Standing1732400000026,
  ApplicantDocuments1732400000027,
  ReturneeRecords1732400000028,
  Statistics1732400000029,
  Exports1732400000030,
  PublicTransparency1732400000031,
];
