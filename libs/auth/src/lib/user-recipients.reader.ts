import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@puente/common';
import { USER_RECIPIENT_DIRECTORY, type UserRecipientDirectory } from '@puente/notifications';

type Rows = { email: string }[];

/** Auth's side of the notifications' recipient directory: the addresses of active users. */
@Injectable()
export class UserRecipientsService implements UserRecipientDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  addressesOfUser(userId: string): Promise<string[]> {
    return this.emails(`SELECT email FROM app_user WHERE id = $1 AND active AND email <> ''`, [userId]);
  }

  addressesOfEmployer(employerId: string): Promise<string[]> {
    return this.emails(`SELECT DISTINCT lower(email) AS email FROM app_user WHERE employer_id = $1 AND active AND email <> '' ORDER BY 1`, [employerId]);
  }

  addressesOfCoordinators(): Promise<string[]> {
    return this.emails(`SELECT DISTINCT lower(email) AS email FROM app_user WHERE role = $1 AND active AND email <> '' ORDER BY 1`, [Role.COORDINATOR]);
  }

  private async emails(sql: string, params: unknown[]): Promise<string[]> {
    const rows: Rows = await this.dataSource.query(sql, params);
    return rows.map((r) => r.email);
  }
}

/** Global, because the notifications module cannot import auth's (the dependency runs the other way). */
@Global()
@Module({ providers: [UserRecipientsService, { provide: USER_RECIPIENT_DIRECTORY, useExisting: UserRecipientsService }], exports: [USER_RECIPIENT_DIRECTORY] })
export class AuthReadPortsModule {}
