import type { TravelStepEntity } from '../contingent.entity';
import type { TravelStepModel } from './contingent.model';

export const toStepModel = (s: TravelStepEntity): TravelStepModel => ({
  id: s.id,
  kind: s.kind,
  dueDate: s.dueDate,
  remindOn: s.remindOn,
  status: s.status,
  blocking: s.blocking,
  note: s.note,
  completedAt: s.completedAt,
});
