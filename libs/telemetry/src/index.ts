// Only what loads nothing: the SDK, the instrumentations and the span filter are required by startTelemetry, when on.
export * from './lib/telemetry';
