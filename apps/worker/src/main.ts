import 'reflect-metadata';
import { ConfigError, loadConfig } from '@puente/config';
import { startTelemetry } from '@puente/telemetry';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  // Tracing (when configured) starts before the app's modules load: its instrumentations patch them as they are required.
  const telemetry = await startTelemetry(config.telemetry, 'puente-worker');
  const [{ NestFactory }, { Logger }, { startHealthServer }, { WorkerModule }] = await Promise.all([
    import('@nestjs/core'),
    import('nestjs-pino'),
    import('./health-server'),
    import('./worker.module'),
  ]);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  const health = await startHealthServer(app, config.workerHealthPort, config.host);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.get(Logger).log({ signal }, 'Stopping: finishing active jobs');
    // Bounded: a job still running after the timeout is released (stalled) and retried by another worker.
    setTimeout(() => {
      process.stderr.write(`worker: shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting\n`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    health.close();
    await app.close();
    await telemetry?.shutdown();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`worker: failed to start: ${message}\n`);
  process.exit(1);
});
