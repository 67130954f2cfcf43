import type { IncomingMessage } from 'node:http';
import type { Telemetry } from 'bullmq';
import type { PuenteConfig } from '@puente/config';

/**
 * OpenTelemetry traces: one request followed from the api's HTTP and GraphQL spans, through the job it queues
 * (BullMQ's telemetry carries the trace context in the job), to the worker's job span and its PostgreSQL queries,
 * exported over OTLP/HTTP. Off unless configured, and then free: nothing below is even loaded.
 *
 * The instrumentations patch modules as they are required, so `startTelemetry` runs in each app's main.ts before
 * the application's own modules (NestJS, Fastify, pg, ioredis, graphql) are imported.
 */

export type ServiceName = 'puente-api' | 'puente-worker';

export interface TelemetryHandle {
  /** Exports what is buffered and stops tracing; the apps call it last when they stop. */
  shutdown(): Promise<void>;
}

let bullmq: Telemetry | undefined;

/** BullMQ's `telemetry` option for queues and workers: undefined while tracing is off, so BullMQ traces nothing. */
export function queueTelemetry(): Telemetry | undefined {
  return bullmq;
}

/** The probes are not requests: a trace each would bury the real ones. */
const isProbe = (req: IncomingMessage) => (req.url ?? '').split('?')[0] === '/health';

/**
 * Starts tracing for this process when `settings` says where to export (PuenteConfig.telemetry), else does nothing
 * and returns null.
 */
export async function startTelemetry(settings: PuenteConfig['telemetry'], service: ServiceName): Promise<TelemetryHandle | null> {
  if (!settings) return null;
  const [sdk, { OTLPTraceExporter }, { resourceFromAttributes }, { registerInstrumentations }, http, graphql, pg, ioredis, { BullMQOtel }, privacy, sampling] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/instrumentation'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-graphql'),
      import('@opentelemetry/instrumentation-pg'),
      import('@opentelemetry/instrumentation-ioredis'),
      import('bullmq-otel'),
      import('./span-privacy'),
      import('./sampling'),
    ]);

  const provider = new sdk.NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service, 'service.namespace': 'puente' }),
    // A trace starts by the ratio; the spans of what it causes (its queries, its jobs in the worker) follow it.
    sampler: new sdk.ParentBasedSampler({ root: new sampling.RootSampler(new sdk.TraceIdRatioBasedSampler(settings.sampleRatio)) }),
    // Batched (OTEL_BSP_* tune it); a full buffer drops spans rather than slow requests down.
    spanProcessors: [new sdk.BatchSpanProcessor(new privacy.RedactingSpanExporter(new OTLPTraceExporter({ url: settings.tracesUrl })))],
  });
  // The AsyncLocalStorage context manager and W3C trace context, process-wide.
  provider.register();

  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new http.HttpInstrumentation({
        ignoreIncomingRequestHook: isProbe,
        // No headers are recorded (none named in headersToSpanAttributes): never Authorization or a cookie.
        requireParentforOutgoingSpans: true,
      }),
      new graphql.GraphQLInstrumentation({
        // Never argument or variable values: literals in the recorded document read '*'.
        allowValues: false,
        // The operation's own fields, not one span per field of every item of a list.
        depth: 1,
        ignoreTrivialResolveSpans: true,
        mergeItems: true,
      }),
      // The SQL text only, never its parameters; no span for the pool's background work outside a trace.
      new pg.PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
      // The command name only: keys and arguments name users (throttle counters, sessions) and carry job data.
      new ioredis.IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
    ],
  });

  bullmq = new BullMQOtel({ tracerName: 'bullmq' });
  return {
    async shutdown() {
      bullmq = undefined;
      unregister();
      await provider.shutdown();
    },
  };
}
