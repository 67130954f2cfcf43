import { createServer, Server } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { HealthService } from '@puente/health';

/** The worker's readiness on a port of its own: 200 when PostgreSQL and Redis answer, 503 otherwise. */
export function startHealthServer(app: INestApplicationContext, port: number, host: string): Promise<Server> {
  const health = app.get(HealthService);
  const server = createServer((req, res) => {
    if (req.url !== '/health') {
      res.writeHead(404).end();
      return;
    }
    health.check().then(
      (result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
      (error: { response?: unknown }) =>
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify(error.response ?? { status: 'error' })),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
