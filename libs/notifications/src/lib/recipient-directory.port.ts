/**
 * A read port: the SMTP channel mails people whose addresses other libraries own (users are auth's, applicants
 * the applicants library's), and neither may be imported from here: auth depends on notifications, and this
 * platform library sits below the domains. So notifications declares what the channel needs and the owners
 * provide it under these tokens, from global modules: auth the users' half, applicants the applicants'. Each
 * lookup returns the addresses to mail, none when there is no one (no address, or an inactive user).
 */
export interface UserRecipientDirectory {
  /** The user's address when the user is active: audience USER. */
  addressesOfUser(userId: string): Promise<string[]>;
  /** Every active user of the employer, each address once (lower-cased), sorted: audience EMPLOYER. */
  addressesOfEmployer(employerId: string): Promise<string[]>;
  /** Every active coordinator, each address once (lower-cased), sorted: audience COORDINATORS. */
  addressesOfCoordinators(): Promise<string[]>;
}

export interface ApplicantRecipientDirectory {
  /** The applicant's address, if they gave one: audience APPLICANT. */
  addressesOfApplicant(applicantId: string): Promise<string[]>;
}

export const USER_RECIPIENT_DIRECTORY = Symbol('UserRecipientDirectory');
export const APPLICANT_RECIPIENT_DIRECTORY = Symbol('ApplicantRecipientDirectory');
