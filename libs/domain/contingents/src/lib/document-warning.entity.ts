import { Column, Entity, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';

/**
 * An expiry warning sent about an applicant's document (`applicant_document`, the applicants library's), `daysBefore`
 * its expiry, against the contract it falls within (`jobOrderId`, ending `contractEnd`): the unique key makes each
 * warning go out once, however often its job runs.
 */
@Entity('document_expiry_warning')
@Unique('document_expiry_warning_document_days_key', ['documentId', 'daysBefore'])
export class DocumentExpiryWarningEntity extends Timestamped {
  @Column('uuid') documentId!: string;
  @Column('smallint') daysBefore!: number;
  @Column('date') warnedOn!: string;
  @Column('uuid') jobOrderId!: string;
  @Column('date') contractEnd!: string;
}
