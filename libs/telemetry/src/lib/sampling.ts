import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace-node';
import type { Sampler, SamplingResult } from '@opentelemetry/sdk-trace-node';

/**
 * BullMQ's own bookkeeping, traced when telemetry is on: a worker's poll of its queue (a span whether or not it found
 * a job) and the stalled-jobs check, each on a timer. Started outside any request they would be a trace each, a few a
 * second per queue per worker, hiding the traces of real work; a poll that fetched a job continues that job's trace
 * and is kept.
 */
const QUEUE_BOOKKEEPING = ['getNextJob ', 'moveStalledJobsToWait ', 'startStalledCheckTimer '];

export function isQueueBookkeeping(spanName: string): boolean {
  return QUEUE_BOOKKEEPING.some((prefix) => spanName.startsWith(prefix));
}

/** The sampler of spans that start a trace: none for the queues' bookkeeping, otherwise `inner` (the ratio). */
export class RootSampler implements Sampler {
  constructor(private readonly inner: Sampler) {}

  shouldSample(context: Context, traceId: string, spanName: string, spanKind: SpanKind, attributes: Attributes, links: Link[]): SamplingResult {
    if (isQueueBookkeeping(spanName)) return { decision: SamplingDecision.NOT_RECORD };
    return this.inner.shouldSample(context, traceId, spanName, spanKind, attributes, links);
  }

  toString(): string {
    return `RootSampler{${this.inner.toString()}}`;
  }
}
