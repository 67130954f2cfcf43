import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The sectors of the program's occupations and employers (the migration's CHECK constraints repeat them). */
export const SECTORS = ['AGRICULTURE', 'LIVESTOCK', 'FOOD_PROCESSING', 'CONSTRUCTION', 'HOSPITALITY'] as const;
export type Sector = (typeof SECTORS)[number];
/** Destination countries. */
export type Country = 'US' | 'CA';

@Entity('department')
export class DepartmentEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
}

@Entity('municipality')
@Index('municipality_department_code_idx', ['departmentCode'])
export class MunicipalityEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text') name!: string;
  @Column('text') departmentCode!: string;
}

@Entity('region')
export class RegionEntity {
  @PrimaryColumn('text') code!: string;
  @Column('char', { length: 2 }) country!: Country;
  @Column('text') name!: string;
}

@Entity('occupation')
export class OccupationEntity {
  @PrimaryColumn('char', { length: 4 }) iscoCode!: string;
  @Column('text') title!: string;
  @Column('text') sector!: Sector;
  @Column('text', { array: true, default: () => "'{}'" }) nocCodes!: string[];
  @Column('text', { array: true, default: () => "'{}'" }) socCodes!: string[];
}

@Entity('skill')
export class SkillEntity {
  @PrimaryColumn('text') code!: string;
  @Column('text') label!: string;
  @Column('text', { array: true, default: () => "'{}'" }) occupationCodes!: string[];
}
