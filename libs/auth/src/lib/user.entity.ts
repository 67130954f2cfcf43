import { Column, Entity, Index, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';
import { Role } from '@puente/common';

/** A login. Staff and employers sign in with their e-mail, applicants with their national ID (DUI). */
@Entity('app_user')
@Unique('app_user_identifier_key', ['identifier'])
@Unique('app_user_applicant_id_key', ['applicantId'])
@Index('app_user_employer_idx', ['employerId'])
export class UserEntity extends Timestamped {
  @Column('text') identifier!: string;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text') role!: Role;
  /** Null for accounts that cannot sign in until a password is set. */
  @Column('text', { nullable: true }) passwordHash!: string | null;
  @Column('uuid', { nullable: true }) employerId!: string | null;
  @Column('uuid', { nullable: true }) applicantId!: string | null;
  /** A consul's jurisdiction: the destination country and its regions ('CA-QC'); null for every other role. */
  @Column('char', { length: 2, nullable: true }) jurisdictionCountry!: string | null;
  @Column('text', { array: true, nullable: true }) jurisdictionRegions!: string[] | null;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('boolean', { default: false }) mustChangePassword!: boolean;
  @Column('timestamptz', { nullable: true }) lastLoginAt!: Date | null;
  /** Bumped whenever every session of the login must end (SessionService); access tokens carry it. */
  @Column('integer', { default: 0 }) sessionVersion!: number;
  /** The TOTP secret, encrypted (FieldCipher kind `totp`): set when enrolment starts, in force once enabled. */
  @Column('text', { nullable: true, select: false }) totpSecret!: string | null;
  /** When two-factor sign-in was turned on (a code confirmed the enrolment); null while it is off. */
  @Column('timestamptz', { nullable: true }) totpEnabledAt!: Date | null;
  /** The time step of the last TOTP code accepted: a code of that step or earlier is refused (no replay). */
  @Column('bigint', { nullable: true, select: false }) totpLastStep!: string | null;
  /** SHA-256 hashes of the unused recovery codes. */
  @Column('text', { array: true, default: () => "'{}'", select: false }) totpRecoveryHashes!: string[];
}
