import { todayIso } from '@puente/common';
import type { ReferenceData, RegionModel } from '@puente/domain/reference';
import type { EmployerEntity } from '../employer.entity';
import type { VerifiedEmployerModel } from './verified-employer.model';

/** A verified employer as the public reads it: only these fields ever leave (no contact, no status reason, no ids). */
export function toVerifiedEmployerModel(e: EmployerEntity, ref: ReferenceData): VerifiedEmployerModel {
  return {
    legalName: e.legalName,
    tradeName: e.tradeName,
    country: e.country,
    region: (ref.regions.get(e.regionCode) ?? { code: e.regionCode, country: e.country, name: e.regionCode }) as RegionModel,
    city: e.city,
    sector: e.sector,
    program: e.program,
    programReference: e.programReference,
    verifiedOn: todayIso(e.verifiedAt ?? e.createdAt),
  };
}
