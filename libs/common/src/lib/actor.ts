/** The roles Puente serves (docs/architecture.md, "Roles"). A user has exactly one. */
export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  EMPLOYER = 'EMPLOYER',
  APPLICANT = 'APPLICANT',
  /** A consular officer of a sending country: reads contingents, placements and cases in a jurisdiction. */
  CONSUL = 'CONSUL',
}

/**
 * Where a consul may look: a destination country and some of its regions, written like a contingent's or a
 * job order's region code ('CA-QC').
 */
export interface Jurisdiction {
  countryCode: string;
  regionCodes: string[];
}

/**
 * Who is asking, as services need it for ownership checks: an employer user carries its employer id, an
 * applicant user its applicant id. Services take it explicitly so every row-level decision is visible.
 */
export interface Actor {
  userId: string;
  role: Role;
  employerId: string | null;
  applicantId: string | null;
  /** A consul's jurisdiction; null (or absent) for every other role. */
  jurisdiction?: Jurisdiction | null;
  /** Signed in with a temporary password: may only change it (and read `me`) until then. */
  mustChangePassword?: boolean;
  /**
   * Two-factor sign-in: 'passed' when the token was issued after a TOTP or recovery code; 'pending' for the
   * half-signed-in token of an enrolled user who has not given one yet (it may only complete the login).
   */
  secondFactor?: 'passed' | 'pending';
  requestId?: string;
}

/** The consul's jurisdiction, or null for an actor that is not a consul (or a consul without one). */
export function jurisdictionOf(actor: Actor): Jurisdiction | null {
  if (actor.role !== Role.CONSUL) return null;
  const j = actor.jurisdiction;
  if (!j || !j.countryCode || !Array.isArray(j.regionCodes) || j.regionCodes.length === 0) return null;
  return { countryCode: j.countryCode, regionCodes: [...j.regionCodes] };
}

/**
 * True only for a consul whose jurisdiction covers `regionCode` ('CA-QC'); false for a consul outside it and
 * for every other role (their access is decided by their own checks, never by this one). A consul without a
 * jurisdiction sees nothing.
 */
export function inJurisdiction(actor: Actor, regionCode: string | null | undefined): boolean {
  const j = jurisdictionOf(actor);
  if (!j || !regionCode) return false;
  const code = regionCode.toUpperCase();
  return j.regionCodes.some((r) => r.toUpperCase() === code);
}
