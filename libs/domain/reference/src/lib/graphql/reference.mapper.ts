import type { ReferenceData } from '../reference.service';
import type { MunicipalityEntity } from '../reference.entities';
import type { MunicipalityModel } from './reference.model';

export function toMunicipalityModel(m: MunicipalityEntity, ref: ReferenceData): MunicipalityModel {
  const department = ref.departments.find((d) => d.code === m.departmentCode) ?? { code: m.departmentCode, name: m.departmentCode };
  return { code: m.code, name: m.name, department };
}
