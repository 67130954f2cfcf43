import { JOB_QUEUE, JobName, jobId, processorCoverageProblems, QueueName, statisticsRefresh } from './queues';

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

  it('debounces the statistics refresh: one job per minute of changes, run five seconds after the minute', () => {
    const minute = Date.UTC(2026, 11, 2, 21, 30);
    const [name, payload, options] = statisticsRefresh('applicants.register', minute + 12_000);
    expect([name, payload]).toEqual([JobName.RefreshStatistics, { cause: 'applicants.register' }]);
    expect(options).toEqual({ jobId: jobId(JobName.RefreshStatistics, minute / 60_000), delay: 53_000 });
    expect(statisticsRefresh('cases.report', minute + 59_999)[2]).toEqual({ jobId: options.jobId, delay: 5_001 });
    expect(statisticsRefresh('cases.report', minute)[2].delay).toBe(65_000);
    expect(statisticsRefresh('cases.report', minute + 60_000)[2].jobId).not.toBe(options.jobId);
  });
});
