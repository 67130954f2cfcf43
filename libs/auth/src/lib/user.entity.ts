import { Column, Entity } from 'typeorm';
import { Timestamped } from '@puente/database';
import { Role } from '@puente/common';

/** A login. Staff and employers sign in with their e-mail, applicants with their national ID (DUI). */
@Entity('app_user')
export class UserEntity extends Timestamped {
  @Column('text') identifier!: string;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text') role!: Role;
  /** Null for accounts that cannot sign in until a password is set. */
  @Column('text', { nullable: true }) passwordHash!: string | null;
  @Column('uuid', { nullable: true }) employerId!: string | null;
  @Column('uuid', { nullable: true }) applicantId!: string | null;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('boolean', { default: false }) mustChangePassword!: boolean;
  @Column('timestamptz', { nullable: true }) lastLoginAt!: Date | null;
  /** Bumped whenever every session of the login must end (SessionService); access tokens carry it. */
  @Column('integer', { default: 0 }) sessionVersion!: number;
}
