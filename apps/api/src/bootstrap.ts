import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AuthService } from '@puente/auth';
import { loadConfig } from '@puente/config';
import { AppModule } from './app.module';
import type { DestinationStream } from 'pino';
import { apiLogger, logRequests, requestIdOf, setBuildingLogger } from './logging';
import { servePortal } from './portal';
import { serveQueueDashboard } from './queue-dashboard/queue-dashboard';
import { securityHeaders } from './security-headers';

/** Builds the api application (also used by the end-to-end tests, which listen on a port of their own). */
export async function createApiApp(options: { logger?: boolean; logDestination?: DestinationStream } = {}): Promise<NestFastifyApplication> {
  const config = loadConfig(process.env);
  // A test may capture the log lines (e.g. to prove no personal data reaches them); logger: false silences them.
  const logger = apiLogger(config.logLevel, options.logDestination);
  setBuildingLogger(logger);
  let app: NestFastifyApplication;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule,
      new FastifyAdapter({ bodyLimit: 256 * 1024, trustProxy: config.trustProxy, genReqId: requestIdOf }),
      { bufferLogs: true, abortOnError: false, ...(options.logger === false ? { logger: false } : {}) },
    );
  } finally {
    setBuildingLogger(undefined);
  }
  if (options.logger !== false) {
    app.useLogger(app.get(Logger));
    logRequests(app.getHttpAdapter().getInstance(), logger);
  }
  // @nestjs/platform-fastify carries its own copy of fastify's types; the plugin is the same at run time.
  await app.register(helmet as unknown as Parameters<NestFastifyApplication['register']>[0], securityHeaders(config.isProduction));
  await servePortal(app, config.portalDir, (message) => {
    if (options.logger !== false) app.get(Logger).log(message, 'Portal');
  });
  // Administrators only, through a signed link and cookie of its own; not mounted at all without QUEUE_DASHBOARD_SECRET.
  await serveQueueDashboard(app, (message) => {
    if (options.logger !== false) app.get(Logger).log(message, 'QueueDashboard');
  });
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, methods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 });
  await app.get(AuthService).ensureBootstrapAdmin();
  return app;
}
