import { StateMachine } from '@puente/common';

export const EXPORT_STATUSES = ['PENDING', 'READY', 'FAILED', 'EXPIRED'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const EXPORT_EVENTS = ['BUILD', 'FAIL', 'EXPIRE'] as const;
export type ExportEvent = (typeof EXPORT_EVENTS)[number];

/**
 * An export: PENDING → READY (built) or FAILED; READY → EXPIRED when the nightly purge deletes its file. A READY
 * export may be built again (a job delivered twice rebuilds the file from the same request), a FAILED or EXPIRED one
 * never: a new request is a new export.
 */
export const exportStateMachine = new StateMachine<ExportStatus, ExportEvent>('export', {
  BUILD: { from: ['PENDING', 'READY'], to: 'READY' },
  FAIL: { from: ['PENDING'], to: 'FAILED' },
  EXPIRE: { from: ['READY'], to: 'EXPIRED' },
});
