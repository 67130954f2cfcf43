import { Column, Entity, Index, Unique } from 'typeorm';
import { Timestamped } from '@puente/database';

/** The employer's evaluation of one placement, submitted once (1–5 per criterion; checked by the table too). */
@Entity('evaluation')
@Unique('evaluation_placement_id_key', ['placementId'])
@Index('evaluation_applicant_idx', ['applicantId', 'createdAt'])
export class EvaluationEntity extends Timestamped {
  @Column('uuid') placementId!: string;
  @Column('uuid') applicantId!: string;
  @Column('uuid') employerId!: string;
  @Column('smallint') punctuality!: number;
  @Column('smallint') quality!: number;
  @Column('smallint') safety!: number;
  @Column('smallint') teamwork!: number;
  @Column('smallint') overall!: number;
  @Column('boolean') wouldRehire!: boolean;
  @Column('text', { nullable: true }) comments!: string | null;
  @Column('uuid') submittedBy!: string;
}
