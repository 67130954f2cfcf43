import { Column, Entity } from 'typeorm';
import { Timestamped } from '@puente/database';
import type { EmployerStatus } from './employer.state-machine';
import type { Country, Sector } from '@puente/domain/reference';
import type { Program } from './employer.rules';

@Entity('employer')
export class EmployerEntity extends Timestamped {
  @Column('text') legalName!: string;
  @Column('text', { nullable: true }) tradeName!: string | null;
  @Column('char', { length: 2 }) country!: Country;
  @Column('text') regionCode!: string;
  @Column('text') city!: string;
  @Column('text') sector!: Sector;
  @Column('text') program!: Program;
  @Column('text') programReference!: string;
  @Column('text') contactName!: string;
  @Column('text') contactEmail!: string;
  @Column('text') contactPhone!: string;
  @Column('text') status!: EmployerStatus;
  @Column('text', { nullable: true }) statusReason!: string | null;
  @Column('timestamptz', { nullable: true }) verifiedAt!: Date | null;
  @Column('uuid', { nullable: true }) verifiedBy!: string | null;
}
