import { ReadModel } from '@puente/database';
import type { ReferenceData, RegionModel } from '@puente/domain/reference';
import { EmployerEntity } from '../employer.entity';
import type { EmployerModel } from './employer.model';

/** The Employer type read from its table: only what a query selects (and joinable by other libraries' reads). */
export const EMPLOYER_READ = new ReadModel<EmployerEntity, EmployerModel, ReferenceData>({
  entity: EmployerEntity,
  always: ['id', 'createdAt'],
  fields: {
    id: 'id',
    legalName: 'legalName',
    tradeName: 'tradeName',
    country: 'country',
    region: {
      needs: ['regionCode', 'country'],
      map: (e, ref) => (ref.regions.get(e.regionCode) ?? { code: e.regionCode, country: e.country, name: e.regionCode }) as RegionModel,
    },
    city: 'city',
    sector: 'sector',
    program: 'program',
    programReference: 'programReference',
    contactName: 'contactName',
    contactEmail: 'contactEmail',
    contactPhone: 'contactPhone',
    status: 'status',
    statusReason: 'statusReason',
    verifiedAt: 'verifiedAt',
    createdAt: 'createdAt',
    hold: {
      needs: ['approvalHoldCaseId', 'approvalHoldSince', 'approvalHoldReason'],
      map: (e) => (e.approvalHoldSince ? { caseId: e.approvalHoldCaseId, since: e.approvalHoldSince, reason: e.approvalHoldReason ?? '' } : null),
      readBy: ['approvalHold'],
    },
  },
});

export function toEmployerModel(e: EmployerEntity, ref: ReferenceData): EmployerModel {
  return EMPLOYER_READ.toModel(e, ref);
}
