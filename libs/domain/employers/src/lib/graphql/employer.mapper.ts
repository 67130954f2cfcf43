import type { ReferenceData, RegionModel } from '@puente/domain/reference';
import type { EmployerEntity } from '../employer.entity';
import type { EmployerModel } from './employer.model';

export function toEmployerModel(e: EmployerEntity, ref: ReferenceData): EmployerModel {
  const region = (ref.regions.get(e.regionCode) ?? { code: e.regionCode, country: e.country, name: e.regionCode }) as RegionModel;
  return {
    id: e.id,
    legalName: e.legalName,
    tradeName: e.tradeName,
    country: e.country,
    region,
    city: e.city,
    sector: e.sector,
    program: e.program,
    programReference: e.programReference,
    contactName: e.contactName,
    contactEmail: e.contactEmail,
    contactPhone: e.contactPhone,
    status: e.status,
    statusReason: e.statusReason,
    verifiedAt: e.verifiedAt,
    createdAt: e.createdAt,
    hold: e.approvalHoldSince ? { caseId: e.approvalHoldCaseId, since: e.approvalHoldSince, reason: e.approvalHoldReason ?? '' } : null,
  };
}
