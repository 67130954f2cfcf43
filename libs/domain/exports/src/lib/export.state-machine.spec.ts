import { ErrorCode } from '@puente/common';
import { EXPORT_EVENTS, EXPORT_STATUSES, exportStateMachine, ExportEvent, ExportStatus } from './export.state-machine';

describe('exportStateMachine', () => {
  const allowed: Record<ExportEvent, ExportStatus[]> = { BUILD: ['PENDING', 'READY'], FAIL: ['PENDING'], EXPIRE: ['READY'] };

  it.each(EXPORT_EVENTS.flatMap((event) => EXPORT_STATUSES.map((status) => [event, status] as const)))('%s from %s', (event, status) => {
    if (allowed[event].includes(status)) {
      expect(exportStateMachine.next(status, event)).toBe({ BUILD: 'READY', FAIL: 'FAILED', EXPIRE: 'EXPIRED' }[event]);
    } else {
      expect(() => exportStateMachine.next(status, event)).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_TRANSITION }));
    }
  });

  it('builds a ready export again (a job delivered twice), never a failed or expired one', () => {
    expect(exportStateMachine.can('READY', 'BUILD')).toBe(true);
    expect(exportStateMachine.can('FAILED', 'BUILD')).toBe(false);
    expect(exportStateMachine.can('EXPIRED', 'BUILD')).toBe(false);
  });
});
