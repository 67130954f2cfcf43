import { Column, Entity, Index } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { RehireInputs, RehireOutcome, RehireReason } from './rehire.rules';

/**
 * One rehire decision, never rewritten: a different answer supersedes it (`current` false, `supersededAt` set) and
 * a partial unique index keeps one current decision per applicant. Indexes are declared as the migrations make
 * them (the schema drift test compares them); one TypeORM cannot express is named only, `synchronize: false`.
 */
@Entity('rehire_decision')
@Index('rehire_decision_current_key', ['applicantId'], { unique: true, where: 'current' })
@Index('rehire_decision_recheck_idx', ['recheckOn', 'applicantId'], { where: 'current AND recheck_on IS NOT NULL' })
@Index('rehire_decision_applicant_idx', ['applicantId', 'createdAt'])
// (created_at DESC, id DESC) WHERE current AND outcome = 'ELIGIBLE': descending keys TypeORM cannot declare.
@Index('rehire_decision_pool_idx', { synchronize: false })
export class RehireDecisionEntity extends Timestamped {
  @Column('uuid') applicantId!: string;
  @Column('uuid') placementId!: string;
  @Column('text') policyVersion!: string;
  @Column('text') outcome!: RehireOutcome;
  @Column('boolean') needsPassportRenewal!: boolean;
  @Column('jsonb') reasons!: RehireReason[];
  @Column('jsonb') inputs!: RehireInputs;
  @Column('date', { nullable: true }) recheckOn!: string | null;
  @Column('boolean', { default: true }) current!: boolean;
  @Column('timestamptz', { nullable: true }) supersededAt!: Date | null;
}
