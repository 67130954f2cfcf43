import type { ReferenceData, RegionModel } from '@puente/domain/reference';
import type { JobOrderEntity } from '../job-order.entity';
import type { JobOrderModel } from './job-order.model';

export function toJobOrderModel(o: JobOrderEntity, ref: ReferenceData): JobOrderModel {
  return {
    id: o.id,
    reference: o.reference,
    employerId: o.employerId,
    title: o.title,
    iscoCode: o.iscoCode,
    destinationOccupationSystem: o.destinationOccupationSystem,
    destinationOccupationCode: o.destinationOccupationCode,
    positions: o.positions,
    requiredSkills: o.requiredSkills,
    preferredSkills: o.preferredSkills,
    languages: o.languages.map((l) => ({ code: l.code, level: l.level })),
    minExperienceYears: o.minExperienceYears,
    workRegion: (ref.regions.get(o.workRegionCode) ?? { code: o.workRegionCode, country: 'US', name: o.workRegionCode }) as RegionModel,
    workCity: o.workCity,
    startDate: o.startDate,
    durationWeeks: o.durationWeeks,
    endDate: o.endDate,
    hourlyWage: o.hourlyWage,
    currency: o.currency,
    hoursPerWeek: o.hoursPerWeek,
    housingProvided: o.housingProvided,
    housingDescription: o.housingDescription,
    employerPaysRecruitment: o.employerPaysRecruitment,
    employerPaysTravel: o.employerPaysTravel,
    status: o.status,
    statusReason: o.statusReason,
    submittedAt: o.submittedAt,
    approvedAt: o.approvedAt,
    createdAt: o.createdAt,
  };
}
