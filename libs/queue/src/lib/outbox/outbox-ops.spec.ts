import { JobName, QueueName } from '@puente/queue-contracts';
import { addOp, publishOp, REMOVE_CHUNK, removeOps, stepsOf } from './outbox-ops';

const remind = (stepId: string) => addOp(JobName.RemindStep, { stepId, remindOn: '2027-01-04' }, { jobId: `r-${stepId}` }, 0);

describe('outbox operations', () => {
  it('keeps a delay as the instant the job was meant to run from, and gives back what is left of it', () => {
    const op = addOp(JobName.RemindStep, { stepId: 's', remindOn: '2027-01-04' }, { jobId: 'r-s', delay: 60_000 }, 1_000);
    expect(op.payload).toEqual({ data: { stepId: 's', remindOn: '2027-01-04' }, opts: { jobId: 'r-s' }, notBefore: 61_000 });
    expect(stepsOf([op], 21_000)).toEqual([{ kind: 'add', name: JobName.RemindStep, jobs: [{ data: { stepId: 's', remindOn: '2027-01-04' }, opts: { jobId: 'r-s', delay: 40_000 } }] }]);
    // Carried out after the planned instant (a crash, then the sweep): it runs now.
    expect(stepsOf([op], 90_000)[0]).toMatchObject({ jobs: [{ opts: { delay: 0 } }] });
  });

  it('adds a job without a delay as it was given', () => {
    const op = addOp(JobName.RunMatching, { runId: 'r' }, { jobId: 'run-r', removeOnComplete: true }, 5);
    expect(op).toEqual({ kind: 'add', queue: QueueName.Matching, name: JobName.RunMatching, payload: { data: { runId: 'r' }, opts: { jobId: 'run-r', removeOnComplete: true } } });
  });

  it('splits removals into rows of a thousand ids', () => {
    const ids = Array.from({ length: REMOVE_CHUNK * 2 + 1 }, (_, i) => `j${i}`);
    const ops = removeOps(QueueName.Contingents, ids);
    expect(ops.map((o) => (o.payload as { jobIds: string[] }).jobIds.length)).toEqual([REMOVE_CHUNK, REMOVE_CHUNK, 1]);
    expect(stepsOf(ops, 0)).toEqual([{ kind: 'remove', queue: QueueName.Contingents, jobIds: ids }]);
  });

  it('publishes each applicant once, and nothing for nobody', () => {
    expect(publishOp(['a', 'b', 'a'], 'SELECTED')?.payload).toEqual({ applicantIds: ['a', 'b'], reason: 'SELECTED' });
    expect(publishOp([], 'SELECTED')).toBeNull();
  });

  it('groups consecutive operations of one kind and target, keeping their order', () => {
    const ops = [
      ...removeOps(QueueName.Contingents, ['r-1']),
      remind('1'),
      remind('2'),
      addOp(JobName.CheckStepOverdue, { stepId: '1', dueDate: '2027-01-05' }, { jobId: 'o-1' }, 0),
      remind('3'),
      publishOp(['a'], 'PLANNED')!,
      publishOp(['b'], 'PLANNED')!,
    ];
    expect(stepsOf(ops, 0).map((s) => [s.kind, s.kind === 'add' ? s.jobs.map((j) => j.opts.jobId) : s.kind === 'remove' ? s.jobIds : s.applicantIds])).toEqual([
      ['remove', ['r-1']],
      ['add', ['r-1', 'r-2']],
      ['add', ['o-1']],
      ['add', ['r-3']],
      ['publish', ['a']],
      ['publish', ['b']],
    ]);
  });
});
