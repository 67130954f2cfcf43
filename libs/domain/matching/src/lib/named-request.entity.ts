import { Column, Entity, Index, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';

/** An employer asking for a former worker by name on one order: the next matching run places them first. */
@Entity('named_request')
@Unique('named_request_order_applicant_key', ['jobOrderId', 'applicantId'])
@Index('named_request_applicant_idx', ['applicantId'])
export class NamedRequestEntity extends Timestamped {
  @Column('uuid') jobOrderId!: string;
  @Column('uuid') applicantId!: string;
  @Column('uuid') requestedBy!: string;
  /** false: the position waits for this worker instead of going to a reserve. */
  @Column('boolean') substituteAcceptable!: boolean;
}
