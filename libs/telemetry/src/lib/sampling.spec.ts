import { ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { AlwaysOnSampler, SamplingDecision } from '@opentelemetry/sdk-trace-node';
import { isQueueBookkeeping, RootSampler } from './sampling';

describe('the sampler of spans that start a trace', () => {
  const sampler = new RootSampler(new AlwaysOnSampler());
  const decide = (name: string, kind = SpanKind.INTERNAL) => sampler.shouldSample(ROOT_CONTEXT, '0af7651916cd43dd8448eb211c80319c', name, kind, {}, []).decision;

  it("drops BullMQ's polls and stalled-job checks that would start traces of their own", () => {
    expect(isQueueBookkeeping('getNextJob contingents')).toBe(true);
    expect(isQueueBookkeeping('moveStalledJobsToWait outbox')).toBe(true);
    expect(isQueueBookkeeping('startStalledCheckTimer matching')).toBe(true);
    expect(decide('getNextJob contingents')).toBe(SamplingDecision.NOT_RECORD);
  });

  it('leaves requests, jobs and queries to the ratio', () => {
    for (const name of ['POST', 'process contingents', 'addBulk contingents', 'mutation TraceRecordDocument', 'getNextJobs']) {
      expect(isQueueBookkeeping(name)).toBe(false);
    }
    expect(decide('POST', SpanKind.SERVER)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(decide('process outbox', SpanKind.CONSUMER)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  });
});
