import { todayIso } from '@puente/common';
import type { EmployerEntity } from '@puente/domain/employers';
import { toVerifiedEmployerModel } from '@puente/domain/employers';
import type { OccupationModel, ReferenceData, RegionModel } from '@puente/domain/reference';
import type { JobOrderEntity } from '../job-order.entity';
import type { PublicJobOrderModel } from './public-job-order.model';

/** An open order as the public reads it: only these fields ever leave (no ids, no status reason, no skills of people). */
export function toPublicJobOrderModel(o: JobOrderEntity, employer: EmployerEntity, ref: ReferenceData): PublicJobOrderModel {
  const region = (ref.regions.get(o.workRegionCode) ?? { code: o.workRegionCode, country: employer.country, name: o.workRegionCode }) as RegionModel;
  const occupation = (ref.occupations.get(o.iscoCode) ?? { iscoCode: o.iscoCode, title: o.iscoCode, sector: employer.sector, nocCodes: [], socCodes: [] }) as OccupationModel;
  const approvedAt = o.approvedAt ?? o.createdAt;
  return {
    reference: o.reference,
    title: o.title,
    occupation,
    destinationOccupationSystem: o.destinationOccupationSystem,
    destinationOccupationCode: o.destinationOccupationCode,
    country: region.country,
    workRegion: region,
    workCity: o.workCity,
    hourlyWage: o.hourlyWage,
    currency: o.currency,
    hoursPerWeek: o.hoursPerWeek,
    startDate: o.startDate,
    endDate: o.endDate,
    durationWeeks: o.durationWeeks,
    positions: o.positions,
    housingProvided: o.housingProvided,
    housingDescription: o.housingDescription,
    employerPaysRecruitment: o.employerPaysRecruitment,
    employerPaysTravel: o.employerPaysTravel,
    approvedOn: todayIso(approvedAt),
    approvedAt,
    employer: toVerifiedEmployerModel(employer, ref),
  };
}
