import 'reflect-metadata';
import { ConfigError, loadConfig } from '@puente/config';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  // Fail fast, naming every bad variable, before anything connects.
  const config = loadConfig(process.env);
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
