import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AuthService } from '@puente/auth';
import { loadConfig, processLogger } from '@puente/config';
import { AppModule } from './app.module';
import type { DestinationStream } from 'pino';
import { logRequests, requestIdOf, setBuildingLogger } from './logging';
import { servePortal } from './portal';
import { serveQueueDashboard } from './queue-dashboard/queue-dashboard';
import { securityHeaders } from './security-headers';

/** Builds the api application (also used by the end-to-end tests, which listen on a port of their own). */
export async function createApiApp(options: { logger?: boolean; logDestination?: DestinationStream } = {}): Promise<NestFastifyApplication> {
  const config = loadConfig(process.env);
  // A test may capture the log lines (e.g. to prove no personal data reaches them); logger: false silences them.
  const logger = processLogger('api', config.logLevel, options.logDestination);
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
  // helmet's middleware, built once: @fastify/helmet built it anew for every request (2-3% of the list's CPU).
  const setSecurityHeaders = helmet(securityHeaders(config.isProduction));
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => setSecurityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
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
