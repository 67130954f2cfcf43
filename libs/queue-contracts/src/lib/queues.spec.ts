import { JOB_QUEUE, JobName, jobId, processorCoverageProblems, QueueName } from './queues';

describe('queue contracts', () => {
  it('builds deterministic ids BullMQ accepts', () => {
    const id = jobId(JobName.PurgeExpiredRefreshTokens, '2026-11-24');
    expect(id).toBe(jobId(JobName.PurgeExpiredRefreshTokens, '2026-11-24'));
    expect(id).not.toMatch(/:/);
    expect(id).not.toMatch(/^\d+$/);
  });

  it('puts every job on a declared queue', () => {
    for (const job of Object.values(JobName)) expect(Object.values(QueueName)).toContain(JOB_QUEUE[job]);
  });

  it('accepts exactly one processor per job', () => {
    expect(processorCoverageProblems(Object.values(JobName))).toEqual([]);
  });

  it('names a job without a processor, one with two, and an undeclared one', () => {
    expect(processorCoverageProblems([])).toEqual(Object.values(JobName).map((job) => `job "${job}" has no processor`));
    expect(processorCoverageProblems([...Object.values(JobName), JobName.PurgeExpiredRefreshTokens])).toEqual([
      `job "${JobName.PurgeExpiredRefreshTokens}" has 2 processors`,
    ]);
    expect(processorCoverageProblems([...Object.values(JobName), 'matching.unknown'])).toEqual([
      'a processor handles "matching.unknown", which no queue declares',
    ]);
  });
});
