import { JobName, QueueName } from '@puente/queue-contracts';
import { appendAdds, appendPublish, appendRemovals, OUTBOX_BATCH, OutboxOp, outboxJob, stepsOf } from './outbox-ops';

const remind = (stepId: string) => outboxJob({ stepId, remindOn: '2027-01-04' }, { jobId: `r-${stepId}` }, 0);
const ids = (n: number, p = 'j') => Array.from({ length: n }, (_, i) => `${p}${i}`);

describe('outbox operations', () => {
  it('keeps a delay as the instant the job was meant to run from, and gives back what is left of it', () => {
    const job = outboxJob({ stepId: 's', remindOn: '2027-01-04' }, { jobId: 'r-s', delay: 60_000 }, 1_000);
    expect(job).toEqual({ data: { stepId: 's', remindOn: '2027-01-04' }, opts: { jobId: 'r-s' }, notBefore: 61_000 });
    const ops: OutboxOp[] = [];
    appendAdds(ops, JobName.RemindStep, [job]);
    expect(stepsOf(ops, 21_000)).toEqual([{ kind: 'add', name: JobName.RemindStep, jobs: [{ data: { stepId: 's', remindOn: '2027-01-04' }, opts: { jobId: 'r-s', delay: 40_000 } }] }]);
    // Carried out after the planned instant (a crash, then the sweep): it runs now.
    expect(stepsOf(ops, 90_000)[0]).toMatchObject({ jobs: [{ opts: { delay: 0 } }] });
  });

  it('adds a job without a delay as it was given', () => {
    const ops: OutboxOp[] = [];
    appendAdds(ops, JobName.RunMatching, [outboxJob({ runId: 'r' }, { jobId: 'run-r', removeOnComplete: true }, 5)]);
    expect(ops).toEqual([{ kind: 'add', queue: QueueName.Matching, name: JobName.RunMatching, payload: { jobs: [{ data: { runId: 'r' }, opts: { jobId: 'run-r', removeOnComplete: true } }] } }]);
  });

  it('batches adds of one name into rows of a thousand jobs, across calls, and carries them out as one bulk add', () => {
    const ops: OutboxOp[] = [];
    appendAdds(ops, JobName.RemindStep, ids(1_500).map(remind));
    appendAdds(ops, JobName.RemindStep, ids(1_000, 'k').map(remind));
    expect(ops.map((o) => (o.payload as { jobs: unknown[] }).jobs.length)).toEqual([OUTBOX_BATCH, OUTBOX_BATCH, 500]);
    const [step, ...rest] = stepsOf(ops, 0);
    expect(rest).toEqual([]);
    expect(step!.kind === 'add' && step!.jobs.map((j) => j.opts.jobId)).toEqual([...ids(1_500), ...ids(1_000, 'k')].map((id) => `r-${id}`));
  });

  it('batches removals into rows of a thousand ids, across calls', () => {
    const ops: OutboxOp[] = [];
    appendRemovals(ops, QueueName.Contingents, ids(OUTBOX_BATCH * 2 - 1));
    appendRemovals(ops, QueueName.Contingents, ids(2, 'k'));
    expect(ops.map((o) => (o.payload as { jobIds: string[] }).jobIds.length)).toEqual([OUTBOX_BATCH, OUTBOX_BATCH, 1]);
    expect(stepsOf(ops, 0)).toEqual([{ kind: 'remove', queue: QueueName.Contingents, jobIds: [...ids(OUTBOX_BATCH * 2 - 1), ...ids(2, 'k')] }]);
  });

  it('publishes each applicant once per call, a row per call, and nothing for nobody', () => {
    const ops: OutboxOp[] = [];
    appendPublish(ops, [], 'SELECTED');
    expect(ops).toEqual([]);
    appendPublish(ops, ['a', 'b', 'a'], 'SELECTED');
    appendPublish(ops, ['b'], 'SELECTED');
    expect(ops.map((o) => o.payload)).toEqual([
      { applicantIds: ['a', 'b'], reason: 'SELECTED' },
      { applicantIds: ['b'], reason: 'SELECTED' },
    ]);
  });

  it('starts a new row when the kind or target changes, keeping the order of operations', () => {
    const ops: OutboxOp[] = [];
    appendRemovals(ops, QueueName.Contingents, ['r-1']);
    appendAdds(ops, JobName.RemindStep, [remind('1'), remind('2')]);
    appendAdds(ops, JobName.CheckStepOverdue, [outboxJob({ stepId: '1', dueDate: '2027-01-05' }, { jobId: 'o-1' }, 0)]);
    appendAdds(ops, JobName.RemindStep, [remind('3')]);
    appendPublish(ops, ['a'], 'PLANNED');
    appendRemovals(ops, QueueName.Contingents, ['r-3']);
    appendAdds(ops, JobName.RemindStep, [remind('3')]);
    expect(ops.map((o) => [o.kind, o.name])).toEqual([
      ['remove', null],
      ['add', JobName.RemindStep],
      ['add', JobName.CheckStepOverdue],
      ['add', JobName.RemindStep],
      ['publish', null],
      ['remove', null],
      ['add', JobName.RemindStep],
    ]);
    expect(stepsOf(ops, 0).map((s) => [s.kind, s.kind === 'add' ? s.jobs.map((j) => j.opts.jobId) : s.kind === 'remove' ? s.jobIds : s.applicantIds])).toEqual([
      ['remove', ['r-1']],
      ['add', ['r-1', 'r-2']],
      ['add', ['o-1']],
      ['add', ['r-3']],
      ['publish', ['a']],
      ['remove', ['r-3']],
      ['add', ['r-3']],
    ]);
  });
});
