import { PlacementEntity } from '@puente/domain/contingents';
import { PlacementModel } from './rehire.model';

export const toPlacement = (p: PlacementEntity): PlacementModel => ({
  id: p.id,
  applicantId: p.applicantId,
  jobOrderId: p.jobOrderId,
  status: p.status,
  departedOn: p.departedOn,
  endedOn: p.endedOn,
  returnedOn: p.returnedOn,
  endFault: p.endFault,
  endReason: p.endReason,
});
