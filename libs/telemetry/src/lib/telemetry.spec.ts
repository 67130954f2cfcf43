/** What startTelemetry loads when tracing is on; off, none of it may be loaded (nor anything patched by it). */
const TRACING_MODULES = [
  '@opentelemetry/api',
  '@opentelemetry/sdk-trace-node',
  '@opentelemetry/exporter-trace-otlp-http',
  '@opentelemetry/resources',
  '@opentelemetry/instrumentation',
  '@opentelemetry/instrumentation-http',
  '@opentelemetry/instrumentation-graphql',
  '@opentelemetry/instrumentation-pg',
  '@opentelemetry/instrumentation-ioredis',
  'bullmq-otel',
];

describe('startTelemetry without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  afterEach(() => {
    for (const name of TRACING_MODULES) jest.dontMock(name);
    jest.resetModules();
  });

  it('starts nothing, loads no tracing package and gives BullMQ no telemetry', async () => {
    const loaded: string[] = [];
    for (const name of TRACING_MODULES) {
      jest.doMock(name, () => {
        loaded.push(name);
        return {};
      });
    }
    const { queueTelemetry, startTelemetry } = await import('./telemetry');
    await expect(startTelemetry(null, 'puente-api')).resolves.toBeNull();
    await expect(startTelemetry(null, 'puente-worker')).resolves.toBeNull();
    expect(queueTelemetry()).toBeUndefined();
    expect(loaded).toEqual([]);
  });
});
