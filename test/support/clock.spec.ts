import { clockOffsetMs, moveClockTo, workerStartedOn } from './clock';

describe('the test clock', () => {
  it('moves forward only, and refuses once a worker on the run’s shared queues runs in the process', () => {
    const before = clockOffsetMs();
    moveClockTo(Date.now() + 86_400_000);
    expect(clockOffsetMs()).toBeGreaterThanOrEqual(before + 86_400_000 - 1000);
    expect(() => moveClockTo(Date.now() - 3_600_000)).toThrow('only moves forward');

    workerStartedOn(`${process.env.QUEUE_PREFIX}-c-own`);
    expect(() => moveClockTo(Date.now() + 1000)).not.toThrow();
    workerStartedOn(process.env.QUEUE_PREFIX);
    expect(() => moveClockTo(Date.now() + 1000)).toThrow('clockShiftedQueues');
  });
});
