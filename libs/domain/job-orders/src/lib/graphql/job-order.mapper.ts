import { ReadModel } from '@puente/database';
import { EMPLOYER_READ } from '@puente/domain/employers';
import type { ReferenceData, RegionModel } from '@puente/domain/reference';
import { JobOrderEntity } from '../job-order.entity';
import type { JobOrderModel } from './job-order.model';

/**
 * The JobOrder type read from its table: only what a query selects, and its employer in the same query when asked.
 * Always read: the cursor's id and createdAt, and what fields of other libraries read on the order (the employer's
 * id for its standing and the scoping of candidates, the positions for positionsLeft).
 */
export const JOB_ORDER_READ = new ReadModel<JobOrderEntity, JobOrderModel, ReferenceData>({
  entity: JobOrderEntity,
  always: ['id', 'createdAt', 'employerId', 'positions'],
  fields: {
    id: 'id',
    reference: 'reference',
    employerId: 'employerId',
    title: 'title',
    iscoCode: 'iscoCode',
    destinationOccupationSystem: 'destinationOccupationSystem',
    destinationOccupationCode: 'destinationOccupationCode',
    positions: 'positions',
    requiredSkills: 'requiredSkills',
    preferredSkills: 'preferredSkills',
    languages: { needs: ['languages'], map: (o) => o.languages.map((l) => ({ code: l.code, level: l.level })) },
    minExperienceYears: 'minExperienceYears',
    workRegion: {
      needs: ['workRegionCode'],
      map: (o, ref) => (ref.regions.get(o.workRegionCode) ?? { code: o.workRegionCode, country: 'US', name: o.workRegionCode }) as RegionModel,
    },
    workCity: 'workCity',
    startDate: 'startDate',
    durationWeeks: 'durationWeeks',
    endDate: 'endDate',
    hourlyWage: 'hourlyWage',
    currency: 'currency',
    hoursPerWeek: 'hoursPerWeek',
    housingProvided: 'housingProvided',
    housingDescription: 'housingDescription',
    employerPaysRecruitment: 'employerPaysRecruitment',
    employerPaysTravel: 'employerPaysTravel',
    status: 'status',
    statusReason: 'statusReason',
    submittedAt: 'submittedAt',
    approvedAt: 'approvedAt',
    createdAt: 'createdAt',
  },
  joins: { employer: { model: EMPLOYER_READ, foreignKey: 'employerId' } },
});
