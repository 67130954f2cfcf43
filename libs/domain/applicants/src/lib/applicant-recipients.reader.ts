import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APPLICANT_RECIPIENT_DIRECTORY, type ApplicantRecipientDirectory } from '@puente/notifications';

/** The applicants' side of the notifications' recipient directory: an applicant's address. */
@Injectable()
export class ApplicantRecipientsService implements ApplicantRecipientDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async addressesOfApplicant(applicantId: string): Promise<string[]> {
    const rows: { email: string }[] = await this.dataSource.query(`SELECT email FROM applicant WHERE id = $1 AND email <> ''`, [applicantId]);
    return rows.map((r) => r.email);
  }
}

/** Global, because the notifications module cannot import the applicants' (the dependency runs the other way). */
@Global()
@Module({
  providers: [ApplicantRecipientsService, { provide: APPLICANT_RECIPIENT_DIRECTORY, useExisting: ApplicantRecipientsService }],
  exports: [APPLICANT_RECIPIENT_DIRECTORY],
})
export class ApplicantsReadPortsModule {}
