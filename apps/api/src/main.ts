import 'reflect-metadata';
import { ConfigError, loadConfig } from '@puente/config';
import { startTelemetry } from '@puente/telemetry';

async function main(): Promise<void> {
  // Fail fast, naming every bad variable, before anything connects.
  const config = loadConfig(process.env);
  // Tracing (when configured) starts before the app's modules load: its instrumentations patch them as they are required.
  const telemetry = await startTelemetry(config.telemetry, 'puente-api');
  const { createApiApp } = await import('./bootstrap');
  const app = await createApiApp();
  // Shutdown is bounded: stop accepting, finish in-flight requests, close the pools, or exit after the timeout.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      process.stderr.write(`api: shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting\n`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    await app.close();
    await telemetry?.shutdown();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`api: ${error.message}\n`);
  } else {
    process.stderr.write(`api: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
