/** The roles Puente serves (docs/architecture.md, "Roles"). A user has exactly one. */
export enum Role {
  ADMIN = 'ADMIN',
  COORDINATOR = 'COORDINATOR',
  EMPLOYER = 'EMPLOYER',
  APPLICANT = 'APPLICANT',
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
  /** Signed in with a temporary password: may only change it (and read `me`) until then. */
  mustChangePassword?: boolean;
  /**
   * Two-factor sign-in: 'passed' when the token was issued after a TOTP or recovery code; 'pending' for the
   * half-signed-in token of an enrolled user who has not given one yet (it may only complete the login).
   */
  secondFactor?: 'passed' | 'pending';
  requestId?: string;
}
