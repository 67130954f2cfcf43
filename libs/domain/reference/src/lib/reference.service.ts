import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DepartmentEntity,
  MunicipalityEntity,
  OccupationEntity,
  RegionEntity,
  SkillEntity,
} from './reference.entities';

export interface ReferenceData {
  departments: DepartmentEntity[];
  municipalities: Map<string, MunicipalityEntity>;
  regions: Map<string, RegionEntity>;
  occupations: Map<string, OccupationEntity>;
  skills: Map<string, SkillEntity>;
  /** Derived once per load, for the validation rules. */
  regionCountry: ReadonlyMap<string, string>;
  codes: { municipalities: ReadonlySet<string>; occupations: ReadonlySet<string>; skills: ReadonlySet<string> };
}

const byKey = <T>(rows: T[], key: (row: T) => string) => new Map(rows.map((r) => [key(r), r]));

/**
 * The reference vocabularies (a few hundred rows, changed only by migrations), loaded once per process and
 * kept in memory so validation never costs a query.
 */
@Injectable()
export class ReferenceService {
  private loading: Promise<ReferenceData> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  data(): Promise<ReferenceData> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<ReferenceData> {
    const m = this.dataSource.manager;
    const [departments, municipalities, regions, occupations, skills] = await Promise.all([
      m.find(DepartmentEntity, { order: { name: 'ASC' } }),
      m.find(MunicipalityEntity, { order: { name: 'ASC' } }),
      m.find(RegionEntity, { order: { country: 'ASC', name: 'ASC' } }),
      m.find(OccupationEntity, { order: { iscoCode: 'ASC' } }),
      m.find(SkillEntity, { order: { code: 'ASC' } }),
    ]);
    return {
      departments,
      municipalities: byKey(municipalities, (r) => r.code),
      regions: byKey(regions, (r) => r.code),
      occupations: byKey(occupations, (r) => r.iscoCode),
      skills: byKey(skills, (r) => r.code),
      regionCountry: new Map(regions.map((r) => [r.code, r.country as string])),
      codes: {
        municipalities: new Set(municipalities.map((r) => r.code)),
        occupations: new Set(occupations.map((r) => r.iscoCode)),
        skills: new Set(skills.map((r) => r.code)),
      },
    };
  }
}
