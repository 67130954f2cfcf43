import { cleanText, DomainException, ErrorCode, FieldProblem, isE164, isEmail, Problems } from '@puente/common';
import { type Country, type Sector, SECTORS } from '@puente/domain/reference';

export type Program = 'US_H2A' | 'US_H2B' | 'CA_TFWP_AGRICULTURAL' | 'CA_TFWP_LOW_WAGE' | 'CA_SAWP';
export const PROGRAMS: readonly Program[] = ['US_H2A', 'US_H2B', 'CA_TFWP_AGRICULTURAL', 'CA_TFWP_LOW_WAGE', 'CA_SAWP'];

/**
 * The program reference each stream carries: a DOL case number (H-300-… for H-2A, H-400-… for H-2B) or an
 * ESDC LMIA number (7 to 9 digits).
 */
const PROGRAM_RULES: Record<Program, { country: Country; reference: RegExp; example: string }> = {
  US_H2A: { country: 'US', reference: /^H-300-\d{5}-\d{6}$/, example: 'H-300-26012-123456' },
  US_H2B: { country: 'US', reference: /^H-400-\d{5}-\d{6}$/, example: 'H-400-26012-123456' },
  CA_TFWP_AGRICULTURAL: { country: 'CA', reference: /^\d{7,9}$/, example: '9012345' },
  CA_TFWP_LOW_WAGE: { country: 'CA', reference: /^\d{7,9}$/, example: '9012345' },
  CA_SAWP: { country: 'CA', reference: /^\d{7,9}$/, example: '9012345' },
};

export function programCountry(program: Program): Country {
  return PROGRAM_RULES[program].country;
}

export interface EmployerDraft {
  legalName: string;
  tradeName?: string | null;
  country: string;
  regionCode: string;
  city: string;
  sector: string;
  program: string;
  programReference: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

/** regionCountry: the country of each known region code (US-FL → US). */
export function employerProblems(d: EmployerDraft, regionCountry: ReadonlyMap<string, string>): FieldProblem[] {
  const p = new Problems();
  p.check(cleanText(d.legalName).length >= 2 && cleanText(d.legalName).length <= 200, 'legalName', 'must be 2 to 200 characters');
  p.check(cleanText(d.tradeName).length <= 200, 'tradeName', 'must be at most 200 characters');
  p.check(d.country === 'US' || d.country === 'CA', 'country', 'must be US or CA');
  const region = regionCountry.get(d.regionCode);
  p.check(region !== undefined, 'regionCode', 'is not a known US state or Canadian province (e.g. US-FL, CA-QC)');
  p.check(region === undefined || region === d.country, 'regionCode', `is not in ${d.country}`);
  p.check(cleanText(d.city).length >= 1 && cleanText(d.city).length <= 100, 'city', 'must be 1 to 100 characters');
  p.check(SECTORS.includes(d.sector as Sector), 'sector', `must be one of ${SECTORS.join(', ')}`);
  const rule = PROGRAM_RULES[d.program as Program];
  if (!rule) {
    p.check(false, 'program', `must be one of ${PROGRAMS.join(', ')}`);
  } else {
    p.check(rule.country === d.country, 'program', `${d.program} is a program of ${rule.country}, not ${d.country}`);
    p.check(rule.reference.test(d.programReference.trim()), 'programReference', `must look like ${rule.example} for ${d.program}`);
  }
  p.check(cleanText(d.contactName).length >= 2 && cleanText(d.contactName).length <= 120, 'contactName', 'must be 2 to 120 characters');
  p.check(isEmail(d.contactEmail.trim()), 'contactEmail', 'is not a valid e-mail address');
  p.check(isE164(d.contactPhone), 'contactPhone', 'must be in international format, e.g. +14165550123');
  return p.list;
}

/** An employer's approval hold as the hold rules see it. */
interface ApprovalHold {
  approvalHoldSince: Date | null;
}

/**
 * A substantiated critical case places a hold only on an employer not on hold already: the first hold, its
 * date and its case stand until a coordinator clears it (false: nothing to place).
 */
export function mayPlaceApprovalHold(employer: ApprovalHold): boolean {
  return employer.approvalHoldSince === null;
}

/** A coordinator clears a hold that is there; clearing none is refused rather than recorded. */
export function assertHoldClearable(employer: ApprovalHold): void {
  if (employer.approvalHoldSince === null) {
    throw new DomainException(ErrorCode.INVALID_TRANSITION, "The employer's orders are not on hold; there is nothing to clear.");
  }
}
