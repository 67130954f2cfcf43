import { Column, Entity, Index, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { ReturneeSkill, SavingsUse } from './returnee-record.rules';

/** PostgreSQL returns numeric as a string; the amounts are numbers (or null: not reported) in code. */
const amount = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * What a worker brings home from one placement (one record per placement): self-reported earnings and
 * remittances in the job order's currency, the savings' uses, skills to certify, interest in domestic jobs and
 * training, who recorded it (`recordedBy`, `createdAt`) and who corrected it last, and a coordinator's referral
 * for certification. Its rules are in `returnee-record.rules.ts`.
 */
@Entity('returnee_record')
@Unique('returnee_record_placement_id_key', ['placementId'])
@Index('returnee_record_applicant_idx', ['applicantId', 'createdAt'])
// (created_at DESC, id DESC) WHERE something to refer: descending keys TypeORM cannot declare, so named only.
@Index('returnee_record_to_refer_idx', { synchronize: false })
export class ReturneeRecordEntity extends Timestamped {
  @Column('uuid') placementId!: string;
  @Column('uuid') applicantId!: string;
  @Column('char', { length: 3 }) currency!: 'USD' | 'CAD';
  @Column('numeric', { precision: 10, scale: 2, nullable: true, transformer: amount }) earnings!: number | null;
  @Column('numeric', { precision: 10, scale: 2, nullable: true, transformer: amount }) remittances!: number | null;
  @Column('text', { array: true, default: () => "'{}'" }) savingsUses!: SavingsUse[];
  @Column('jsonb', { default: () => "'[]'" }) skills!: ReturneeSkill[];
  @Column('boolean', { default: false }) wantsDomesticJob!: boolean;
  @Column('boolean', { default: false }) wantsTraining!: boolean;
  @Column('text', { nullable: true }) trainingWanted!: string | null;
  @Column('uuid') recordedBy!: string;
  @Column('uuid', { nullable: true }) correctedBy!: string | null;
  @Column('timestamptz', { nullable: true }) correctedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) referredAt!: Date | null;
  @Column('uuid', { nullable: true }) referredBy!: string | null;
  @Column('text', { nullable: true }) referralInstitution!: string | null;
  @Column('text', { nullable: true }) referralNote!: string | null;
}
